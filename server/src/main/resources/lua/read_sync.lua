-- What a browser syncs: the board stream and one room's stream, each as a delta or its full
-- state, the online list and the open round's ballot, all at one moment; refused when the reader
-- is no longer on the board or (a participant) asks for a room they are not in.
-- KEYS: 1 meta, 2 participants, 3 settings, 4 rounds, 5 rooms, 6 snapshots, 7 board seq, 8 board log,
--       9 room seq, 10 room log, 11 room notes, 12 room sections, 13 ballot, 14 online
-- ARGV: 1 reader, 2 '1' when the room rule binds the reader (not a facilitator), 3 room,
--       4 board seq the reader has ('' for the full state), 5 room seq ('' likewise),
--       6 the most events worth a delta, 7 server time (ms)
-- Returns {'gone'} | {'not_found'} | {'not_allowed', room} | {'ok', board, room, online, ballot, round}
-- where board is {seq, 'delta', id, fields, ...} or {seq, 'full', {id, title, createdAt},
-- participants, settings or false, rounds, rooms, snapshots} and room likewise with notes, sections;
-- round is the open round the ballot belongs to, or false.
local reader = werkraum.decode(redis.call('HGET', KEYS[2], ARGV[1]))
if not reader then
  return {'gone'}
end
local room = ARGV[3]
local settingsJson = redis.call('HGET', KEYS[3], 'board')
local refused, current = werkraum.roomRefusal(KEYS[5], room, reader,
  function() return werkraum.decode(settingsJson) or {} end, ARGV[2] == '1')
if refused then
  return {refused, current}
end
local max = tonumber(ARGV[6])
local board = werkraum.stream(KEYS[7], KEYS[8], ARGV[4], max, function()
  return {redis.call('HMGET', KEYS[1], 'id', 'title', 'createdAt'), werkraum.values(KEYS[2]),
    settingsJson or false, werkraum.values(KEYS[4]), werkraum.values(KEYS[5]), werkraum.values(KEYS[6])}
end)
local roomPart = werkraum.stream(KEYS[9], KEYS[10], ARGV[5], max, function()
  return {werkraum.values(KEYS[11]), werkraum.values(KEYS[12])}
end)

local online = redis.call('ZRANGEBYSCORE', KEYS[14], ARGV[7], '+inf')
local ballotRound = redis.call('HGET', KEYS[13], 'round')
local round = ballotRound and redis.call('HGET', KEYS[4], ballotRound) or false
return {'ok', board, roomPart, online, redis.call('HGETALL', KEYS[13]), round}
