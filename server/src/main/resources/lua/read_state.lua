-- A consistent read of one stream's sequence number and the collections it covers.
-- KEYS: 1 stream sequence, 2.. hashes whose values to return
-- Returns {seq, values of KEYS[2], values of KEYS[3], ...}
local out = {tonumber(redis.call('GET', KEYS[1]) or '0')}
for i = 2, #KEYS do
  out[#out + 1] = redis.call('HVALS', KEYS[i])
end
return out
