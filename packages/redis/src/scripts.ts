// The atomic steps, as Lua. Each script touches the keys of one scope only (one hash tag, one Cluster slot),
// all passed in KEYS. They run with EVALSHA and fall back to EVAL when the server answers NOSCRIPT (after a
// restart, a failover or SCRIPT FLUSH); EVAL caches the script again, so the next EVALSHA finds it.
//
// Clock: expiries are computed inside the scripts from Redis `TIME`, never from the caller's clock, so every
// worker and machine compares leases and TTLs against one clock (the server's), whatever their own clocks say.
// Redis >= 5 replicates a script's effects, not the script, so reading TIME before writing is allowed.
import { createHash } from 'node:crypto';
import { ConnectionError } from '@creditkit/core';
import type { Send } from './command.js';

export interface Script {
  readonly source: string;
  readonly sha: string;
}

const script = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') });

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function ms(n) return string.format('%.0f', n) end
`;

/**
 * KEYS: record, index. ARGV: mode (`set`: always; `none`: only when no record; `state`: only over state ARGV[2]),
 * expected state, the record's JSON, TTL ms (`''`: none), the record's key (its index member). Returns 1 when it wrote.
 */
export const WRITE = script(`${NOW}
if ARGV[1] ~= 'set' then
  local current = redis.call('GET', KEYS[1])
  if ARGV[1] == 'none' then
    if current then return 0 end
  else
    if not current then return 0 end
    local ok, record = pcall(cjson.decode, current)
    if not ok or type(record) ~= 'table' or record.state ~= ARGV[2] then return 0 end
  end
end
if ARGV[4] == '' then
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('ZADD', KEYS[2], '+inf', ARGV[5])
else
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
  redis.call('ZADD', KEYS[2], ms(now + tonumber(ARGV[4])), ARGV[5])
end
return 1
`);

/** KEYS: record, index. ARGV: the record's key. */
export const DELETE = script(`redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`);

/**
 * KEYS: lease. ARGV: owner, TTL ms, how long the key outlives the lease (ms). The value is JSON {owner, expiresAt};
 * the key is kept a while past expiresAt so that the next claimant learns whose lease it took over.
 * Returns {0, owner, expiresAt} (refused), {1} (granted), or {1, owner, expiresAt} (granted over an expired lease).
 */
export const CLAIM = script(`${NOW}
local held
local current = redis.call('GET', KEYS[1])
if current then
  local ok, lease = pcall(cjson.decode, current)
  if ok and type(lease) == 'table' and type(lease.owner) == 'string' and type(lease.expiresAt) == 'number' then held = lease end
end
if held and held.owner ~= ARGV[1] and held.expiresAt > now then
  return {0, held.owner, ms(held.expiresAt)}
end
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], '{"owner":' .. cjson.encode(ARGV[1]) .. ',"expiresAt":' .. ms(now + ttl) .. '}', 'PX', ms(ttl + tonumber(ARGV[3])))
if held and held.owner ~= ARGV[1] then return {1, held.owner, ms(held.expiresAt)} end
return {1}
`);

/** KEYS: lease. ARGV: owner. Deletes the lease only when `owner` holds it. */
export const RELEASE = script(`local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, lease = pcall(cjson.decode, current)
if ok and type(lease) == 'table' and lease.owner == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`);

/** KEYS: index. Drops the members whose TTL has run out (lazy cleanup), returns the rest. */
export const LIVE_KEYS = script(`${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms(now))
return redis.call('ZRANGE', KEYS[1], 0, -1)
`);

/** EVALSHA, and EVAL when the server no longer has the script. */
export async function runScript(send: Send, { sha, source }: Script, keys: string[], args: string[]): Promise<unknown> {
  const rest = [String(keys.length), ...keys, ...args];
  try {
    return await send(['EVALSHA', sha, ...rest]);
  } catch (error) {
    if (!(error instanceof ConnectionError && error.code === 'NOSCRIPT')) throw error;
    return send(['EVAL', source, ...rest]);
  }
}
