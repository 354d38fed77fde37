-- The whole board at one moment, for a snapshot or an export.
-- KEYS: 1 meta, 2 participants, 3 settings, 4 rounds, 5 rooms, then per room: its notes, its sections
-- ARGV: the room ids, in the order of their keys (as the caller last read them)
-- Returns {'stale'} when the board's rooms are no longer those; otherwise
-- {'ok', {id, title, createdAt}, participants, settings or false, rounds, rooms, notes1, sections1, ...}
if redis.call('HLEN', KEYS[5]) ~= #ARGV then
  return {'stale'}
end
for _, room in ipairs(ARGV) do
  if redis.call('HEXISTS', KEYS[5], room) == 0 then
    return {'stale'}
  end
end
local out = {'ok', redis.call('HMGET', KEYS[1], 'id', 'title', 'createdAt'), werkraum.values(KEYS[2]),
  redis.call('HGET', KEYS[3], 'board') or false, werkraum.values(KEYS[4]), werkraum.values(KEYS[5])}
for i = 6, #KEYS do
  out[#out + 1] = werkraum.values(KEYS[i])
end
return out
