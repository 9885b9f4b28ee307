// The spec stub the provider generator scaffolds simulators on, fed the requests the mock server hands it:
// routing by the spec's path template, credentials where the scheme puts them, the body checked
// against the schema, the example answered and the call recorded.
import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../types.js';
import { createSpecStubSimulator, type StubOperation } from './simulator.js';

const buy: StubOperation = {
  id: 'buyCredits',
  method: 'POST',
  path: '/v1/accounts/{accountId}/credits',
  unsafe: true,
  credentials: [{ in: 'header', name: 'X-Api-Key', option: 'apiKey' }],
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['credits'],
    properties: { credits: { type: 'integer', minimum: 1, maximum: 10000 }, memo: { type: ['string', 'null'], maxLength: 5 }, tier: { enum: ['gold', 'silver'] } },
  },
  status: 201,
  example: { purchaseId: 'pur-1' },
};
const balance: StubOperation = { id: 'getBalance', method: 'GET', path: '/v1/accounts/{accountId}', unsafe: false, credentials: [{ in: 'query', name: 'key', option: 'apiKey' }], status: 200, example: { balance: 7 } };

const sim = () => createSpecStubSimulator('acme', [buy, balance], { apiKey: 'k-1' });
const request = (method: string, target: string, body?: unknown, headers: Record<string, string> = { 'x-api-key': 'k-1' }): SimRequest => {
  const url = new URL(target, 'http://stub');
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { method, path: url.pathname, query: url.searchParams, headers, body: Buffer.from(text), text };
};
const answer = async (s: ReturnType<typeof sim>, req: SimRequest) => {
  const r = await s.handle(req);
  return { status: r.status, body: r.body ? JSON.parse(r.body) : undefined };
};

describe('the spec stub simulator', () => {
  it('answers a valid call with the example and the spec’s status, and records it with its decoded path parameters', async () => {
    const s = sim();
    expect(await answer(s, request('POST', '/v1/accounts/acct%201/credits', { credits: 500, memo: null }))).toEqual({ status: 201, body: { purchaseId: 'pur-1' } });
    expect(await answer(s, request('GET', '/v1/accounts/a-2?key=k-1', undefined, {}))).toEqual({ status: 200, body: { balance: 7 } });
    expect(s.accepted).toEqual([
      { operation: 'buyCredits', params: { accountId: 'acct 1' }, body: { credits: 500, memo: null }, unsafe: true },
      { operation: 'getBalance', params: { accountId: 'a-2' }, body: undefined, unsafe: false },
    ]);
    s.reset();
    expect(s.accepted).toEqual([]);
  });

  it('refuses each broken rule of the schema with a 400 naming the field, and records nothing', async () => {
    const s = sim();
    const refused = await answer(s, request('POST', '/v1/accounts/a/credits', { credits: 0, memo: 'too long', tier: 'bronze', extra: 1 }));
    expect(refused).toEqual({
      status: 400,
      body: {
        message: 'the request is invalid',
        errors: [
          { field: 'credits', message: 'must be at least 1' },
          { field: 'memo', message: 'must be at most 5 characters' },
          { field: 'tier', message: 'must be one of "gold", "silver"' },
          { field: 'extra', message: 'is not a known field' },
        ],
      },
    });
    expect((await answer(s, request('POST', '/v1/accounts/a/credits', { credits: 2.5 }))).body.errors).toEqual([{ field: 'credits', message: 'must be of type integer' }]);
    expect((await answer(s, request('POST', '/v1/accounts/a/credits', {}))).body.errors).toEqual([{ field: 'credits', message: 'is required' }]);
    expect((await answer(s, request('POST', '/v1/accounts/a/credits', '{not json'))).body.errors).toEqual([{ field: 'body', message: 'must be a JSON document' }]);
    expect(s.accepted).toEqual([]);
  });

  it('answers 401 to a missing or wrong credential, in the header or the query the scheme names', async () => {
    const s = sim();
    expect((await answer(s, request('POST', '/v1/accounts/a/credits', { credits: 1 }, { 'x-api-key': 'k-2' }))).status).toBe(401);
    expect((await answer(s, request('POST', '/v1/accounts/a/credits', { credits: 1 }, {}))).status).toBe(401);
    expect((await answer(s, request('GET', '/v1/accounts/a?key=k-2', undefined, { 'x-api-key': 'k-1' }))).status).toBe(401);
    expect(s.accepted).toEqual([]);
  });

  it('answers 404 off the spec’s paths and 405 to a method the path does not take', async () => {
    const s = sim();
    expect(await answer(s, request('POST', '/v1/accounts/a/b/credits', { credits: 1 }))).toEqual({ status: 404, body: { message: 'no resource at /v1/accounts/a/b/credits' } });
    expect(await answer(s, request('DELETE', '/v1/accounts/a'))).toEqual({ status: 405, body: { message: 'DELETE is not allowed on /v1/accounts/a' } });
  });

  it('checks a bearer token', async () => {
    const s = createSpecStubSimulator('b', [{ ...balance, credentials: [{ in: 'bearer', option: 'token' }] }], { token: 't-1' });
    expect((await answer(s, request('GET', '/v1/accounts/a', undefined, { authorization: 'Bearer t-1' }))).status).toBe(200);
    expect((await answer(s, request('GET', '/v1/accounts/a', undefined, { authorization: 'Bearer t-2' }))).status).toBe(401);
  });
});
