-- The events of one stream after a sequence number, if the op log still holds all of them.
-- KEYS: 1 stream sequence, 2 stream op log
-- ARGV: 1 the last sequence number the client has, 2 the most events worth sending as a delta
-- Returns {seq, 'full'} or {seq, 'delta', id1, event1, id2, event2, ...}
local seq = tonumber(redis.call('GET', KEYS[1]) or '0')
local since = tonumber(ARGV[1])
if since > seq or seq - since > tonumber(ARGV[2]) then
  -- A client ahead of the store (data lost) or far behind gets the whole state.
  return {seq, 'full'}
end
if since == seq then
  return {seq, 'delta'}
end
local first = (since + 1) .. '-0'
local entries = redis.call('XRANGE', KEYS[2], first, '+')
if #entries == 0 or entries[1][1] ~= first then
  return {seq, 'full'}
end
local out = {seq, 'delta'}
for _, entry in ipairs(entries) do
  out[#out + 1] = entry[1]
  out[#out + 1] = entry[2][2]
end
return out
