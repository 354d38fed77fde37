-- The library every Werkraum script starts with: reading a board's stored items and the rule of
-- who is in which room. Scripts name every key they touch in KEYS; all keys of one board share
-- its hash tag, so each script runs in one slot (Redis Cluster).
local werkraum = {}

function werkraum.decode(json)
  if json then
    return cjson.decode(json)
  end
  return nil
end

-- The values of a hash, as they are stored (JSON texts).
function werkraum.values(key)
  return redis.call('HVALS', key)
end

-- The room someone is in now: while the breakout rooms are open, their assigned room (the
-- plenary when they have none); otherwise the plenary. The same rule as board.Rooms in Java.
function werkraum.roomOf(participant, settings)
  if settings.breakout == 'open' and type(participant.room) == 'string' then
    return participant.room
  end
  return 'main'
end

-- The days a board is kept: its facilitators' choice or the default, never more than the cap.
-- The same rule as WerkraumConfig.Retention.effectiveDays in Java.
function werkraum.retentionDays(chosen, default, cap)
  return math.min(tonumber(chosen) or default, cap)
end

-- Why someone may not read or act in `room` now, or nil: 'not_found' when there is no such room;
-- 'not_allowed' and the room they are in, when the room rule binds them (`bound`) and they are
-- elsewhere. `settings` is a function giving the board's settings (read only when needed).
-- `finishing`: the change finishes work begun in a breakout room (a note being written when the
-- rooms closed), which its members may still save there while the rooms are closed, so nothing
-- typed is lost and a harvest takes it.
function werkraum.roomRefusal(roomsKey, room, participant, settings, bound, finishing)
  if redis.call('HEXISTS', roomsKey, room) == 0 then
    return 'not_found'
  end
  if bound then
    local current = werkraum.roomOf(participant, settings())
    local lingering = finishing and participant.room == room and settings().breakout ~= 'open'
    if current ~= room and not lingering then
      return 'not_allowed', current
    end
  end
  return nil
end

-- The events of one stream after `since`, if its op log still holds all of them and there are
-- at most `max`: {seq, 'delta', id1, entry1, id2, entry2, ...}; otherwise {seq, 'full'}.
function werkraum.delta(seqKey, logKey, since, max)
  local seq = tonumber(redis.call('GET', seqKey) or '0')
  if since > seq or seq - since > max then
    -- A client ahead of the store (data lost) or far behind gets the whole state.
    return {seq, 'full'}
  end
  if since == seq then
    return {seq, 'delta'}
  end
  local first = (since + 1) .. '-0'
  local entries = redis.call('XRANGE', logKey, first, '+')
  if #entries == 0 or entries[1][1] ~= first then
    return {seq, 'full'}
  end
  local out = {seq, 'delta'}
  for _, entry in ipairs(entries) do
    out[#out + 1] = entry[1]
    out[#out + 1] = entry[2]
  end
  return out
end

-- One stream for a reader who has it up to `since` ('' for nothing yet): its delta when
-- werkraum.delta gives one, else {seq, 'full', ...} followed by the values `full()` returns.
function werkraum.stream(seqKey, logKey, since, max, full)
  local part
  if since ~= '' then
    part = werkraum.delta(seqKey, logKey, tonumber(since), max)
    if part[2] == 'delta' then
      return part
    end
  else
    part = {tonumber(redis.call('GET', seqKey) or '0'), 'full'}
  end
  for _, value in ipairs(full()) do
    part[#part + 1] = value
  end
  return part
end
