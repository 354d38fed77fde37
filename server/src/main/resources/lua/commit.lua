-- The one way a command changes a board: the idempotency record, the checks every command
-- shares, the sequence number, the op log and the audit entry. Each operation's script is this
-- prelude followed by its own body, which calls werkraum.commit{run = function() ... end} once.
--
-- KEYS[1] the command's outcome record (expires), KEYS[2] the stream's sequence number,
-- KEYS[3] the stream's op log, KEYS[4] the board's participants, KEYS[5] its settings,
-- KEYS[6] its rooms, KEYS[7] its audit stream, KEYS[8] its index of expiring keys, KEYS[9] its
-- meta; the operation's keys follow: werkraum.key(1) is KEYS[10].
-- ARGV[1] the sender ('' for Werkraum itself), ARGV[2] server time (ms), ARGV[3] the record's
-- lifetime (s), ARGV[4] op log length, ARGV[5] the event as stored ('' for none), ARGV[6] '1' when
-- the sender is bound by the room rule and the lock (participants; not facilitators), ARGV[7] the
-- room the command acts in ('' for none), ARGV[8] the audit entry of the change ('' for none),
-- ARGV[9] the oldest audit entry id to keep (ms), ARGV[10] '1' when the change may finish work
-- begun in the sender's breakout room after the rooms closed (see werkraum.roomRefusal); the
-- operation's arguments follow: werkraum.arg(1) is ARGV[11].
-- Returns {verdict, outcome JSON, event or false, hidden note's author or false, reply JSON or false}
-- with verdict 'new' (applied or refused now), 'dup' (the recorded outcome of an earlier send),
-- 'stale' (the operation found the board changed since the caller read it: nothing written,
-- nothing recorded; read again and retry), 'gone' (the sender is no longer on the board) or
-- 'deleted' (the board no longer exists). Neither of the last two writes anything.

werkraum.now = tonumber(ARGV[2])
werkraum.sender = ARGV[1]
werkraum.bound = ARGV[6] == '1'
werkraum.PARTICIPANTS = KEYS[4]
werkraum.SETTINGS = KEYS[5]
werkraum.ROOMS = KEYS[6]
werkraum.STREAM_SEQ = KEYS[2]
werkraum.STREAM_LOG = KEYS[3]
werkraum.STALE = {}
-- Set by an operation whose event is about a hidden note: its author.
werkraum.hidden = false
-- Set by an operation with more to answer than its outcome (not recorded).
werkraum.reply = false

function werkraum.key(i)
  return KEYS[9 + i]
end

function werkraum.arg(i)
  return ARGV[10 + i]
end

function werkraum.refuse(code, details)
  local refusal = details or {}
  refusal.error = code
  return refusal
end

local settings = nil
function werkraum.settings()
  if not settings then
    settings = werkraum.decode(redis.call('HGET', werkraum.SETTINGS, 'board')) or {}
  end
  return settings
end

-- Merges `patch` into the board's settings (cjson.null removes a value) and bumps their version.
function werkraum.patchSettings(patch)
  local current = werkraum.settings()
  for field, value in pairs(patch) do
    current[field] = value
  end
  current.v = (current.v or 0) + 1
  redis.call('HSET', werkraum.SETTINGS, 'board', cjson.encode(current))
end

function werkraum.participant(id)
  return werkraum.decode(redis.call('HGET', werkraum.PARTICIPANTS, id))
end

-- Nil when the sender may act in `room` now; otherwise the refusal: not_found for no such room,
-- not_allowed naming the room they are in (for a participant elsewhere).
local function checkRoom(room)
  local code, current = werkraum.roomRefusal(werkraum.ROOMS, room, werkraum.me, werkraum.settings, werkraum.bound,
    ARGV[10] == '1')
  return code and werkraum.refuse(code, current and {room = current})
end

-- Nil unless the board is locked for the sender: only facilitators change notes and sections then.
function werkraum.checkLock()
  if werkraum.bound and werkraum.settings().locked == true then
    return werkraum.refuse('board_locked')
  end
  return nil
end

-- The stored item `id` of the hash `items` (a room's notes or sections) if the sender may change
-- it; else nil and the refusal: not_found, or not_allowed for a note hidden by private writing
-- that a participant other than its author touches. An event about a hidden note names its author.
function werkraum.changeable(items, id)
  local item = werkraum.decode(redis.call('HGET', items, id))
  if not item then return nil, werkraum.refuse('not_found') end
  if item.hidden == true then
    if werkraum.bound and item.author ~= werkraum.sender then return nil, werkraum.refuse('not_allowed') end
    werkraum.hidden = item.author
  end
  return item
end

-- Records the operation's outcome and answers it (the caller has the event it sent). The record
-- is indexed with when it expires, so deleting the board finds it; expired ones leave the index.
local function finish(outcome)
  local json = cjson.encode(outcome)
  redis.call('SET', KEYS[1], json, 'EX', ARGV[3])
  redis.call('ZADD', KEYS[8], werkraum.now + tonumber(ARGV[3]) * 1000, KEYS[1])
  redis.call('ZREMRANGEBYSCORE', KEYS[8], '-inf', werkraum.now)
  return {'new', json, false, werkraum.hidden, werkraum.reply and cjson.encode(werkraum.reply) or false}
end

-- An outcome recorded before this format ('ok:<seq>' or 'err:<code>') as a table.
local function parseRecord(text)
  if string.sub(text, 1, 1) == '{' then
    return cjson.decode(text)
  end
  if string.sub(text, 1, 3) == 'ok:' then
    return {seq = tonumber(string.sub(text, 4))}
  end
  return {error = string.sub(text, 5)}
end

function werkraum.commit(operation)
  local prior = redis.call('GET', KEYS[1])
  if prior then
    -- A resend: the first outcome, and its event again from the op log (the node that committed
    -- it may have died before sending it out).
    local outcome = parseRecord(prior)
    local event, hidden = false, false
    if outcome.seq then
      local id = outcome.seq .. '-0'
      local entries = redis.call('XRANGE', KEYS[3], id, id)
      if #entries == 1 then
        local fields = entries[1][2]
        for i = 1, #fields, 2 do
          if fields[i] == 'e' then event = fields[i + 1] elseif fields[i] == 'h' then hidden = fields[i + 1] end
        end
      end
    end
    local reply = false
    if operation.replay and not outcome.error then
      reply = cjson.encode(operation.replay())
    end
    return {'dup', cjson.encode(outcome), event, hidden, reply}
  end
  if ARGV[1] ~= '' then
    werkraum.me = werkraum.participant(ARGV[1])
  end
  if not werkraum.me and redis.call('EXISTS', KEYS[9]) == 0 then
    return {'deleted', '{"error":"board_gone"}', false, false, false}
  end
  if ARGV[1] ~= '' and not werkraum.me then
    return {'gone', '{"error":"not_allowed"}', false, false, false}
  end
  if werkraum.me and werkraum.me.waiting == true then
    -- In the waiting room: nothing on the board until a facilitator lets them in.
    return finish(werkraum.refuse('waiting_for_admission'))
  end
  if ARGV[7] ~= '' then
    local refusal = checkRoom(ARGV[7])
    if refusal then
      return finish(refusal)
    end
  end
  local refusal = operation.run()
  if refusal == werkraum.STALE then
    return {'stale', '{}', false, false, false}
  end
  if refusal then
    werkraum.hidden, werkraum.reply = false, false
    return finish(refusal)
  end
  -- Applied: the board was active now, and a facilitator's action goes to its audit log.
  redis.call('HSET', KEYS[9], 'lastActivity', ARGV[2])
  if ARGV[8] ~= '' then
    redis.call('XADD', KEYS[7], 'MINID', '~', ARGV[9], '*', 'a', ARGV[8])
  end
  if ARGV[5] == '' then
    return finish({})
  end
  local seq = redis.call('INCR', KEYS[2])
  if werkraum.hidden then
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], seq .. '-0', 'e', ARGV[5], 'h', werkraum.hidden)
  else
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], seq .. '-0', 'e', ARGV[5])
  end
  return finish({seq = seq})
end
