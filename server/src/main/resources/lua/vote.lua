-- Casts or takes back one vote atomically: the budget and the per-note cap hold however many
-- votes arrive at once, from however many tabs and nodes.
-- Everything that ties a person to a vote lives under the round's keys, so closing an
-- anonymous round can delete it all.
-- KEYS: 1 the round's outcomes of vote commands (hash: participant:commandId -> outcome),
--       2 the board's rounds, 3 the voter's votes in the round (note -> n),
--       4 the round's totals (participant -> n), 5 notes of the round's room,
--       6 sections of the round's room, 7 the round's voters' organisations (participant -> org),
--       8 the board's participants
-- ARGV: 1 cast|retract, 2 round id, 3 participant, 4 note, 5 server time (ms),
--       6 (unused), 7 participant:commandId
-- Outcome: 'ok:<remaining>:<the voter's votes as JSON>' or 'err:<code>'
local prior = redis.call('HGET', KEYS[1], ARGV[7])
if prior then
  return {'dup', prior}
end
local function finish(outcome)
  redis.call('HSET', KEYS[1], ARGV[7], outcome)
  return {'new', outcome}
end
local stored = redis.call('HGET', KEYS[2], ARGV[2])
if not stored then
  return finish('err:not_found')
end
local round = cjson.decode(stored)
local now = tonumber(ARGV[5])
if round.status ~= 'open' or (type(round.endsAt) == 'number' and now > round.endsAt) then
  return finish('err:round_closed')
end
local participant, note = ARGV[3], ARGV[4]
local mine = tonumber(redis.call('HGET', KEYS[3], note) or '0')
local total = tonumber(redis.call('HGET', KEYS[4], participant) or '0')
if ARGV[1] == 'cast' then
  local noteJson = redis.call('HGET', KEYS[5], note)
  if not noteJson then
    return finish('err:not_found')
  end
  if type(round.sections) == 'table' and #round.sections > 0 then
    -- A note belongs to a section when its centre lies inside it.
    local n = cjson.decode(noteJson)
    local cx, cy = n.x + n.w / 2, n.y + n.h / 2
    local inside = false
    for _, sectionId in ipairs(round.sections) do
      local sectionJson = redis.call('HGET', KEYS[6], sectionId)
      if sectionJson then
        local s = cjson.decode(sectionJson)
        if cx >= s.x and cx <= s.x + s.w and cy >= s.y and cy <= s.y + s.h then
          inside = true
        end
      end
    end
    if not inside then
      return finish('err:not_in_scope')
    end
  end
  if mine >= round.maxPerNote then
    return finish('err:vote_limit_per_note')
  end
  if total >= round.votesPerParticipant then
    return finish('err:vote_budget_exhausted')
  end
  redis.call('HINCRBY', KEYS[3], note, 1)
  redis.call('HINCRBY', KEYS[4], participant, 1)
  total = total + 1
  -- The organisation counts as it was when voting, even if the person is removed later.
  local person = redis.call('HGET', KEYS[8], participant)
  redis.call('HSETNX', KEYS[7], participant, person and cjson.decode(person).organisation or '')
elseif ARGV[1] == 'retract' then
  if mine <= 0 then
    return finish('err:not_found')
  end
  if mine == 1 then
    redis.call('HDEL', KEYS[3], note)
  else
    redis.call('HINCRBY', KEYS[3], note, -1)
  end
  redis.call('HINCRBY', KEYS[4], participant, -1)
  total = total - 1
else
  return redis.error_reply('unknown vote op ' .. ARGV[1])
end
local votes = redis.call('HGETALL', KEYS[3])
local parts = {}
for i = 1, #votes, 2 do
  parts[#parts + 1] = cjson.encode(votes[i]) .. ':' .. votes[i + 1]
end
return finish('ok:' .. (round.votesPerParticipant - total) .. ':{' .. table.concat(parts, ',') .. '}')
