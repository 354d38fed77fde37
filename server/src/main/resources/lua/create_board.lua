-- Creates a board's meta and its plenary room, unless the id is taken.
-- KEYS: 1 meta hash, 2 rooms hash
-- ARGV: 1 main room id, 2 main room JSON, then field/value pairs of the meta hash
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
