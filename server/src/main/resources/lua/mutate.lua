-- Applies one mutation atomically: idempotency check, preconditions, change, sequence bump,
-- op log append, recorded outcome. All keys share the board's hash tag (one slot).
-- KEYS: 1 idempotency record, 2 stream sequence, 3 stream op log, 4 collection hash,
--       5 hash whose field ARGV[5] must exist (the board's rooms, or its meta),
--       6 the board's settings hash (for the lock),
--       7-11 for close_round: the round's vote totals, the participants, the notes of its room,
--       the voters' organisations, the outcomes of vote commands;
--       7-8 for harvest: the plenary's sections, the harvested room's notes
-- ARGV: 1 op (create|update|delete|close_round|create_rooms|assign|harvest|reveal), 2 item id,
--       3 item, patch or operation JSON, 4 event JSON,
--       5 field that must exist in KEYS[5], 6 most items in the collection, 7 op log length,
--       8 idempotency record lifetime (s), 9 server time (ms), 10 options JSON:
--       {lock: refuse while the board is locked, expect: the version the item must have,
--        upsert: update a missing item as if it were empty, stamp: set updatedAt,
--        votesPrefix: key prefix of the per-person vote hashes (close_round),
--        roomPrefix: key prefix of room keys (create_rooms),
--        hideIfPrivate: a new note is hidden while the board has private writing on,
--        participant: the sender, when only its author may change a hidden note}
-- Returns {'new' or 'dup', outcome} and, for a new success, the stored event as third element.
local prior = redis.call('GET', KEYS[1])
if prior then
  return {'dup', prior}
end
local function finish(outcome)
  redis.call('SET', KEYS[1], outcome, 'EX', ARGV[8])
  return {'new', outcome}
end
if redis.call('HEXISTS', KEYS[5], ARGV[5]) == 0 then
  return finish('err:not_found')
end
local options = cjson.decode(ARGV[10])
if options.lock then
  local settings = redis.call('HGET', KEYS[6], 'board')
  if settings and cjson.decode(settings).locked == true then
    return finish('err:board_locked')
  end
end
local op, id = ARGV[1], ARGV[2]
local event = ARGV[4]
-- Events about hidden notes say so, and whose they are, so they reach only who may read them.
local function markHidden(author)
  event = '{"hidden":true,"author":' .. cjson.encode(author) .. ',' .. string.sub(event, 2)
end
if op == 'create' then
  if redis.call('HEXISTS', KEYS[4], id) == 1 then
    return finish('err:conflict')
  end
  if redis.call('HLEN', KEYS[4]) >= tonumber(ARGV[6]) then
    return finish('err:limit_reached')
  end
  local item = ARGV[3]
  if options.hideIfPrivate then
    local stored = redis.call('HGET', KEYS[6], 'board')
    if stored and cjson.decode(stored).privateWriting == true then
      local note = cjson.decode(item)
      note.hidden = true
      item = cjson.encode(note)
      markHidden(note.author)
    end
  end
  redis.call('HSET', KEYS[4], id, item)
elseif op == 'update' then
  local current = redis.call('HGET', KEYS[4], id)
  if not current and not options.upsert then
    return finish('err:not_found')
  end
  local item = current and cjson.decode(current) or {}
  if item.hidden == true and options.participant and item.author ~= options.participant then
    return finish('err:not_allowed')
  end
  local version = item['v'] or 0
  if options.expect ~= nil and options.expect ~= version then
    return finish('err:conflict')
  end
  for field, value in pairs(cjson.decode(ARGV[3])) do
    item[field] = value
  end
  item['v'] = version + 1
  if options.stamp then
    item['updatedAt'] = tonumber(ARGV[9])
  end
  redis.call('HSET', KEYS[4], id, cjson.encode(item))
  if item.hidden == true then
    markHidden(item.author)
  end
elseif op == 'delete' then
  local current = redis.call('HGET', KEYS[4], id)
  if not current then
    return finish('err:not_found')
  end
  local item = cjson.decode(current)
  if item.hidden == true and options.participant and item.author ~= options.participant then
    return finish('err:not_allowed')
  end
  redis.call('HDEL', KEYS[4], id)
  if item.hidden == true then
    markHidden(item.author)
  end
elseif op == 'reveal' then
  -- Every hidden note of the room becomes visible; the event carries them whole.
  local revealed = {}
  for _, stored in ipairs(redis.call('HVALS', KEYS[4])) do
    local note = cjson.decode(stored)
    if note.hidden == true then
      note.hidden = nil
      local json = cjson.encode(note)
      redis.call('HSET', KEYS[4], note.id, json)
      revealed[#revealed + 1] = json
    end
  end
  event = string.gsub(event, '"notes":null', function() return '"notes":[' .. table.concat(revealed, ',') .. ']' end)
elseif op == 'close_round' then
  local current = redis.call('HGET', KEYS[4], id)
  if not current then
    return finish('err:not_found')
  end
  local round = cjson.decode(current)
  if round.status ~= 'open' then
    return finish('err:round_closed')
  end
  -- Tally: per note, per organisation, and (named rounds only) who.
  local counts, byOrganisation, voters, order = {}, {}, {}, {}
  local people, total = 0, 0
  local totals = redis.call('HGETALL', KEYS[7])
  for i = 1, #totals, 2 do
    local participant = totals[i]
    if tonumber(totals[i + 1]) > 0 then
      people = people + 1
      local organisation = redis.call('HGET', KEYS[10], participant)
      if not organisation then
        local stored = redis.call('HGET', KEYS[8], participant)
        organisation = stored and cjson.decode(stored).organisation or ''
      end
      local mine = redis.call('HGETALL', options.votesPrefix .. participant)
      for j = 1, #mine, 2 do
        local note, n = mine[j], tonumber(mine[j + 1])
        if n > 0 then
          if not counts[note] then
            counts[note] = 0
            byOrganisation[note] = {}
            voters[note] = {}
            order[#order + 1] = note
          end
          counts[note] = counts[note] + n
          total = total + n
          byOrganisation[note][organisation] = (byOrganisation[note][organisation] or 0) + n
          voters[note][#voters[note] + 1] = participant
        end
      end
      if round.anonymous then
        redis.call('DEL', options.votesPrefix .. participant)
      end
    end
  end
  if round.anonymous then
    -- Only the tally remains: nobody can later tell who voted for what.
    redis.call('DEL', KEYS[7], KEYS[10], KEYS[11])
  end
  table.sort(order, function(a, b)
    if counts[a] ~= counts[b] then
      return counts[a] > counts[b]
    end
    return a < b
  end)
  -- The ranking is built as text: cjson would turn an empty list into an object.
  local ranking = {}
  for _, note in ipairs(order) do
    local stored = redis.call('HGET', KEYS[9], note)
    local noteItem = stored and cjson.decode(stored) or {}
    local entry = {note = note, count = counts[note], byOrganisation = byOrganisation[note],
                   text = (noteItem.hidden ~= true and noteItem.text) or ''}
    if not round.anonymous then
      entry.voters = voters[note]
    end
    ranking[#ranking + 1] = cjson.encode(entry)
  end
  round.status = 'closed'
  round.closedAt = tonumber(ARGV[9])
  round.results = '__RESULTS__'
  local results = '{"voters":' .. people .. ',"votes":' .. total .. ',"ranking":[' .. table.concat(ranking, ',') .. ']}'
  local roundJson = string.gsub(cjson.encode(round), '"__RESULTS__"', function() return results end)
  redis.call('HSET', KEYS[4], id, roundJson)
  event = string.gsub(ARGV[4], '"round":null', function() return '"round":' .. roundJson end)
elseif op == 'create_rooms' then
  local spec = cjson.decode(ARGV[3])
  for _, room in ipairs(spec.rooms) do
    if redis.call('HEXISTS', KEYS[4], room.id) == 1 then
      return finish('err:conflict')
    end
  end
  if redis.call('HLEN', KEYS[4]) + #spec.rooms > tonumber(ARGV[6]) then
    return finish('err:limit_reached')
  end
  for _, room in ipairs(spec.rooms) do
    redis.call('HSET', KEYS[4], room.id, cjson.encode(room))
    for _, note in ipairs(spec.notes) do
      redis.call('HSET', options.roomPrefix .. room.id .. ':notes', note.id, cjson.encode(note))
    end
    for _, section in ipairs(spec.sections) do
      redis.call('HSET', options.roomPrefix .. room.id .. ':sections', section.id, cjson.encode(section))
    end
  end
elseif op == 'assign' then
  local spec = cjson.decode(ARGV[3])
  for participant, room in pairs(spec.assignments) do
    local stored = redis.call('HGET', KEYS[4], participant)
    if stored then
      local item = cjson.decode(stored)
      item.room = room
      item.v = (item.v or 0) + 1
      redis.call('HSET', KEYS[4], participant, cjson.encode(item))
    end
  end
  local stored = redis.call('HGET', KEYS[6], 'board')
  local settings = stored and cjson.decode(stored) or {}
  settings.assignMode = spec.mode
  settings.v = (settings.v or 0) + 1
  redis.call('HSET', KEYS[6], 'board', cjson.encode(settings))
elseif op == 'harvest' then
  -- The room's notes go into a new plenary section to the right of everything there.
  local spec = cjson.decode(ARGV[3])
  local sources = redis.call('HVALS', KEYS[8])
  if redis.call('HLEN', KEYS[4]) + #sources > tonumber(ARGV[6]) then
    return finish('err:limit_reached')
  end
  local right, top = nil, nil
  for _, hash in ipairs({KEYS[4], KEYS[7]}) do
    for _, stored in ipairs(redis.call('HVALS', hash)) do
      local item = cjson.decode(stored)
      if not right or item.x + item.w > right then right = item.x + item.w end
      if not top or item.y < top then top = item.y end
    end
  end
  local notes = {}
  for i, stored in ipairs(sources) do
    notes[i] = cjson.decode(stored)
  end
  table.sort(notes, function(a, b)
    if a.y ~= b.y then return a.y < b.y end
    if a.x ~= b.x then return a.x < b.x end
    return a.id < b.id
  end)
  local now = tonumber(ARGV[9])
  local cols = math.max(1, math.ceil(math.sqrt(#notes)))
  local rows = math.max(1, math.ceil(#notes / cols))
  local x0, y0 = (right or 0) + 200, top or 0
  local section = {id = spec.sectionId, x = x0, y = y0, w = math.max(440, 20 + cols * 220),
                   h = math.max(320, 60 + rows * 170 + 20), title = spec.roomName, author = spec.by,
                   createdAt = now, updatedAt = now, origin = {room = spec.room}}
  redis.call('HSET', KEYS[7], section.id, cjson.encode(section))
  local copies = {}
  for i, note in ipairs(notes) do
    local copy = {id = spec.sectionId .. '-' .. i,
                  x = x0 + 20 + ((i - 1) % cols) * 220, y = y0 + 60 + math.floor((i - 1) / cols) * 170,
                  w = 200, h = 150, color = note.color, text = note.text, author = note.author,
                  createdAt = note.createdAt, updatedAt = now,
                  origin = {room = spec.room, roomName = spec.roomName, note = note.id},
                  hidden = note.hidden}
    local json = cjson.encode(copy)
    redis.call('HSET', KEYS[4], copy.id, json)
    copies[#copies + 1] = json
  end
  event = string.gsub(event, '"section":null', function() return '"section":' .. cjson.encode(section) end)
  event = string.gsub(event, '"notes":null', function() return '"notes":[' .. table.concat(copies, ',') .. ']' end)
else
  return redis.error_reply('unknown op ' .. op)
end
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], seq .. '-0', 'e', event)
local result = finish('ok:' .. seq)
-- The event as stored: the tally and the harvest complete it here.
result[3] = event
return result
