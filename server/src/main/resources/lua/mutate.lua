-- Applies one mutation atomically: idempotency check, precondition, change, sequence bump,
-- op log append, recorded outcome. All keys share the board's hash tag (one slot).
-- KEYS: 1 idempotency record, 2 stream sequence, 3 stream op log, 4 collection hash,
--       5 hash whose field ARGV[5] must exist (the board's rooms, or its meta)
-- ARGV: 1 op (create|update|delete), 2 item id, 3 item or patch JSON, 4 event JSON,
--       5 field that must exist in KEYS[5], 6 most items in the collection, 7 op log length,
--       8 idempotency record lifetime (s), 9 updatedAt for patched items (ms)
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
local op, id = ARGV[1], ARGV[2]
if op == 'create' then
  if redis.call('HEXISTS', KEYS[4], id) == 1 then
    return finish('err:conflict')
  end
  if redis.call('HLEN', KEYS[4]) >= tonumber(ARGV[6]) then
    return finish('err:limit_reached')
  end
  redis.call('HSET', KEYS[4], id, ARGV[3])
elseif op == 'update' then
  local current = redis.call('HGET', KEYS[4], id)
  if not current then
    return finish('err:not_found')
  end
  local item = cjson.decode(current)
  for field, value in pairs(cjson.decode(ARGV[3])) do
    item[field] = value
  end
  if ARGV[9] ~= '' then
    item['updatedAt'] = tonumber(ARGV[9])
  end
  redis.call('HSET', KEYS[4], id, cjson.encode(item))
elseif op == 'delete' then
  if redis.call('HDEL', KEYS[4], id) == 0 then
    return finish('err:not_found')
  end
else
  return redis.error_reply('unknown op ' .. op)
end
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], seq .. '-0', 'e', ARGV[4])
return finish('ok:' .. seq)
