/**
 * The Lua scripts of the Redis store. Each touches exactly one key (`KEYS[1]`, a hash), so each is atomic on
 * a single server and cluster-safe. Times are the engine's (`ARGV`), never Redis's own clock: Redis expiry
 * only bounds how long a record is kept, while whether a record is live is decided against the given `now`.
 *
 * Hash fields: `state` (`in-progress` | `completed`), `fp` (fingerprint), `token`, `fence`, `lease`
 * (leaseExpiresAt, while in progress), `expires` (expiresAt, once completed) and `outcome` (JSON).
 */

/**
 * ARGV: now, fingerprint, nonce, leaseExpiresAt, redis expiry in ms.
 * Returns `{'claimed', token, fence, takenOver}`, `{'in-progress', fp, lease}` or `{'completed', fp, outcome}`.
 * The same call sent again (a client that re-sends a command whose connection closed before the reply, as
 * ioredis Cluster does on a failover) finds its own nonce in the token and gets its claim back, instead of
 * `in-progress` for a claim nobody holds (`takenOver` is then 0).
 */
export const CLAIM_SCRIPT = `local key = KEYS[1]
local now = tonumber(ARGV[1])
local rec = redis.call('HMGET', key, 'state', 'fp', 'fence', 'lease', 'expires', 'outcome', 'token')
local state = rec[1]
if state == 'completed' and tonumber(rec[5]) > now then
  return {'completed', rec[2], rec[6]}
end
if state == 'in-progress' and rec[7] == string.format('%d', tonumber(rec[3])) .. ':' .. ARGV[3] then
  return {'claimed', rec[7], tonumber(rec[3]), 0}
end
if state == 'in-progress' and tonumber(rec[4]) > now then
  return {'in-progress', rec[2], rec[4]}
end
local fence = 1
local takenOver = 0
if state then
  fence = (tonumber(rec[3]) or 0) + 1
  if state == 'in-progress' then takenOver = 1 end
  redis.call('DEL', key)
end
local token = string.format('%d', fence) .. ':' .. ARGV[3]
redis.call('HSET', key, 'state', 'in-progress', 'fp', ARGV[2], 'token', token,
  'fence', string.format('%d', fence), 'lease', ARGV[4])
redis.call('PEXPIRE', key, ARGV[5])
return {'claimed', token, fence, takenOver}`;

/** ARGV: token, outcome JSON, expiresAt, ttl in ms. Returns 1 when stored, 0 when fenced. */
export const COMPLETE_SCRIPT = `local key = KEYS[1]
local rec = redis.call('HMGET', key, 'state', 'token')
if rec[1] ~= 'in-progress' or rec[2] ~= ARGV[1] then return 0 end
redis.call('HDEL', key, 'lease')
redis.call('HSET', key, 'state', 'completed', 'outcome', ARGV[2], 'expires', ARGV[3])
redis.call('PEXPIRE', key, ARGV[4])
return 1`;

/** ARGV: token. Returns 1 when the in-progress record was deleted, 0 otherwise. */
export const RELEASE_SCRIPT = `local rec = redis.call('HMGET', KEYS[1], 'state', 'token')
if rec[1] ~= 'in-progress' or rec[2] ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

/** Returns the hash as a flat field/value list (empty when the key is absent). */
export const GET_SCRIPT = `return redis.call('HGETALL', KEYS[1])`;
