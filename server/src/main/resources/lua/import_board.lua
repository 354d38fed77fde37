-- Creates a whole board at once from an imported document, unless the id is taken.
-- KEYS: 1 the new board's meta hash (must not exist yet)
-- ARGV: 1 the board's key prefix ({b:<id>}), then triples: key suffix, hash field, value
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
for i = 2, #ARGV, 3 do
  redis.call('HSET', ARGV[1] .. ARGV[i], ARGV[i + 1], ARGV[i + 2])
end
return 1
