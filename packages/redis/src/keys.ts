// Where a scope's data lives. Every key of one scope shares the hash tag `{<scope>}`, so all of them sit in one
// Redis Cluster slot and one Lua script may touch them together:
//   <prefix>:{<scope>}:r:<key>   a record: JSON {state, value}, PX when it has a TTL
//   <prefix>:{<scope>}:l:<key>   a lease: JSON {owner, expiresAt}
//   <prefix>:{<scope>}:i         the scope's index: sorted set of record keys, scored by expiry (ms; +inf: none)
//   <prefix>:scopes              every scope ever written (its own slot; written by a separate plain command)
// The scope is escaped (`%`, `{`, `}`), so it cannot end the tag early nor run into the key that follows it, and
// an empty scope still has a non-empty tag (Redis hashes the whole key for `{}`).
import { ConfigurationError } from '@creditkit/core';

export interface ScopeKeys {
  record(key: string): string;
  lease(key: string): string;
  index: string;
}

export interface KeyLayout {
  scopes: string;
  of(scope: string): ScopeKeys;
}

export function escapeScope(scope: string): string {
  if (scope === '') return '%';
  return scope.replace(/[%{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function keyLayout(prefix: string): KeyLayout {
  if (prefix === '' || /[{}]/.test(prefix)) {
    throw new ConfigurationError('redisStore prefix must be non-empty and hold no { or }', { option: 'prefix' });
  }
  return {
    scopes: `${prefix}:scopes`,
    of(scope) {
      const tag = `${prefix}:{${escapeScope(scope)}}`;
      return { record: (key) => `${tag}:r:${key}`, lease: (key) => `${tag}:l:${key}`, index: `${tag}:i` };
    },
  };
}
