// A three-operation provider for core's own tests — one of each idempotency class — so core is tested on
// the wire without depending on any real provider package.
import type { OperationSpec, ProviderSpec, Validator } from '@creditkit/core';
import type { ProviderDefinition } from '@creditkit/core/internal';

const accept: Validator = Object.assign(() => true, { errors: null });

export const tinySpec: ProviderSpec = {
  id: 'tiny',
  name: 'Tiny',
  servers: { production: 'https://tiny.invalid' },
  defaultEnvironment: 'production',
  credentials: { apiKey: { env: 'TINY_API_KEY', scheme: 'key' } },
  securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
  retryHints: [
    { header: 'x-ratelimit-reset', format: 'delta-seconds' },
    { header: 'x-rate-limit-reset-minute', format: 'auto' },
  ],
};

const base = { security: [['key']], responseMediaTypes: ['application/json'], validate: accept } as const;

export const tinyOperations = {
  getBalance: { ...base, id: 'getBalance', method: 'GET', path: '/balance/{account}', idempotency: { kind: 'safe' }, fields: [{ name: 'account', in: 'path' }] },
  buyKeyed: {
    ...base, id: 'buyKeyed', method: 'POST', path: '/buy-keyed', requestMediaTypes: ['application/json'],
    idempotency: { kind: 'key', field: 'key', generate: 'uuid', conflictMeansDone: true },
    fields: [{ name: 'key', in: 'body' }, { name: 'credits', in: 'body' }],
  },
  buyUnsafe: {
    ...base, id: 'buyUnsafe', method: 'POST', path: '/buy', requestMediaTypes: ['application/json'],
    idempotency: { kind: 'unsafe' }, fields: [{ name: 'credits', in: 'body' }],
  },
} satisfies Record<string, OperationSpec>;

export const tinyProvider: ProviderDefinition = { spec: tinySpec, operations: tinyOperations };
