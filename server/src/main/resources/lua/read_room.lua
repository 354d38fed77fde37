-- A room's stream sequence number with its notes and sections, read in one step.
-- KEYS: 1 the room's sequence number, 2 its notes, 3 its sections
return {tonumber(redis.call('GET', KEYS[1]) or '0'), werkraum.values(KEYS[2]), werkraum.values(KEYS[3])}
