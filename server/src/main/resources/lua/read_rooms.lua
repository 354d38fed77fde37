-- Several rooms' streams at once, each as a delta or its full state (the control view's overview).
-- KEYS: 1 rooms, then per room: its seq, op log, notes, sections
-- ARGV: 1 the most events worth a delta, then per room: its id and the seq the reader has ('' for full)
-- Returns per room: {'missing'} or {seq, 'delta', id, fields, ...} or {seq, 'full', notes, sections}
local out = {}
local max = tonumber(ARGV[1])
for i = 0, (#KEYS - 1) / 4 - 1 do
  local room, since = ARGV[2 + 2 * i], ARGV[3 + 2 * i]
  local seqKey, logKey, notes, sections = KEYS[2 + 4 * i], KEYS[3 + 4 * i], KEYS[4 + 4 * i], KEYS[5 + 4 * i]
  local part
  if redis.call('HEXISTS', KEYS[1], room) == 0 then
    part = {'missing'}
  else
    part = werkraum.stream(seqKey, logKey, since, max, function()
      return {werkraum.values(notes), werkraum.values(sections)}
    end)
  end
  out[#out + 1] = part
end
return out
