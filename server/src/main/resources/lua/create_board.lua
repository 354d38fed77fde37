-- Creates a whole board at once (a new one, an import, a copy of a snapshot or a template),
-- unless its id is taken.
-- KEYS: the board's hashes, its meta first (which must not exist yet)
-- ARGV: per key, in order: how many field/value pairs follow, then the pairs
-- Returns 1 when created, 0 when the id is taken.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local at = 1
for i = 1, #KEYS do
  local count = tonumber(ARGV[at])
  for p = 0, count - 1 do
    redis.call('HSET', KEYS[i], ARGV[at + 1 + 2 * p], ARGV[at + 2 + 2 * p])
  end
  at = at + 1 + 2 * count
end
return 1
