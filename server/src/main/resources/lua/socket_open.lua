-- A socket opens with a ticket: the ticket is used up (each opens one socket), and the
-- participant and the board's settings are read, to decide which rooms the socket may hear.
-- Someone opening the board is activity: it moves the board's expiry. For a participant no longer
-- on the board (or a board that no longer exists) nothing is written.
-- KEYS: 1 the ticket's use mark, 2 participants, 3 settings, 4 the board's index of expiring keys,
-- 5 its meta
-- ARGV: 1 participant, 2 how long the mark is kept (ms: until the ticket would expire anyway),
-- 3 server time (ms)
-- Returns {1 when the ticket was unused (0 otherwise), participant or false, settings or false}
local participant = redis.call('HGET', KEYS[2], ARGV[1])
if not participant then
  return {0, false, false}
end
local fresh = redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) and 1 or 0
if fresh == 1 then
  local now = tonumber(ARGV[3])
  redis.call('ZADD', KEYS[4], now + tonumber(ARGV[2]), KEYS[1])
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
  redis.call('HSET', KEYS[5], 'lastActivity', ARGV[3])
end
return {fresh, participant, redis.call('HGET', KEYS[3], 'board') or false}
