-- A socket opens with a ticket: the ticket is used up (each opens one socket), and the
-- participant and the board's settings are read, to decide which rooms the socket may hear.
-- KEYS: 1 the ticket's use mark, 2 participants, 3 settings
-- ARGV: 1 participant, 2 how long the mark is kept (ms: until the ticket would expire anyway)
-- Returns {1 when the ticket was unused (0 otherwise), participant or false, settings or false}
local fresh = redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) and 1 or 0
return {fresh, redis.call('HGET', KEYS[2], ARGV[1]) or false, redis.call('HGET', KEYS[3], 'board') or false}
