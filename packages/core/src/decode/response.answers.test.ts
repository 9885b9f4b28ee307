// How a read answer becomes a result or a typed error, through a client whose `fetch` answers as a server might:
// the message of an HTTP error, which hints count on which status, which content types are trusted, and when a
// 2xx body is the provider saying no.
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ApiError, DecodeError, ProviderError, ServerError } from '../errors.js';
import type { OperationSpec } from '../spec-types.js';
import { tinyOperations, tinyProvider } from '@creditkit/test-support';

const answering = (respond: () => Response) => createClient(tinyProvider, { apiKey: 'k'.repeat(8), baseUrl: 'https://tiny.example', fetch: async () => respond(), maxRetries: 0 });
const settle = (p: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> => p.then((value) => ({ value }), (error: unknown) => ({ error }));
const json = (body: unknown, init: ResponseInit = {}) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
const get = (respond: () => Response) => settle(answering(respond).call(tinyOperations.getBalance, { account: 'a' }));

describe('the message of an HTTP error', () => {
  it.each([
    ['message', { message: 'no such account' }, 'no such account'],
    ['Message', { Message: 'No HTTP resource' }, 'No HTTP resource'],
    ['error_description', { error: 'invalid_client', error_description: 'bad secret' }, 'bad secret'],
    ['error', { error: 'invalid_client' }, 'invalid_client'],
    ['a message that is not text', { message: 42 }, 'Not Found'],
  ])('from a JSON body with %s', async (_name, body, message) => {
    const { error } = await get(() => json(body, { status: 404, statusText: 'Not Found' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, body, message: `404 ${message}` });
  });

  it.each([
    ['short text, trimmed', '  busy, come back later \n', '503 busy, come back later'],
    ['long text: the status text', 'x'.repeat(300), '503 Service Unavailable'],
    ['text of 299 characters', 'y'.repeat(299), `503 ${'y'.repeat(299)}`],
    ['blank text: the status text', '   ', '503 Service Unavailable'],
  ])('from a %s body', async (_name, body, message) => {
    const { error } = await get(() => new Response(body, { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'text/plain' } }));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toBe(message);
    expect((error as ApiError).body).toBe(body);
  });

  it('with neither a readable body nor a status text: "HTTP error"', async () => {
    const { error } = await get(() => new Response('', { status: 502 }));
    expect((error as Error).message).toBe('502 HTTP error');
  });

  it('reads a JSON error body sent without a JSON content type, and keeps unreadable JSON as text', async () => {
    const { error } = await get(() => new Response(' {"message":"plain but JSON"}', { status: 400 }));
    expect(error).toMatchObject({ body: { message: 'plain but JSON' }, message: '400 plain but JSON' });
    const { error: broken } = await get(() => json('{"message": ', { status: 400 }));
    expect(broken).toMatchObject({ body: '{"message": ' });
  });
});

describe('retry hints by status', () => {
  it("honours Retry-After on a 503, but a provider's rate-limit header only on a 429", async () => {
    const { error: hinted } = await get(() => json({}, { status: 503, headers: { 'retry-after': '7' } }));
    expect((hinted as ApiError).retryAfterMs).toBe(7000);
    const { error: notA429 } = await get(() => json({}, { status: 503, headers: { 'x-ratelimit-reset': '7' } }));
    expect((notA429 as ApiError).retryAfterMs).toBeUndefined();
    const { error: limited } = await get(() => json({}, { status: 429, headers: { 'x-ratelimit-reset': '7' } }));
    expect((limited as ApiError).retryAfterMs).toBe(7000);
  });
});

describe('content types of a 2xx', () => {
  it.each(['text/plain', 'application/octet-stream', ''])('reads %j with the operation’s declared codec', async (type) => {
    const { value } = await get(() => new Response('{"account":"a","credits":3}', { headers: type ? { 'content-type': type } : {} }));
    expect(value).toEqual({ account: 'a', credits: 3 });
  });

  it('refuses a content type it has no codec for, naming what it expected', async () => {
    const { error } = await get(() => new Response('<html>hi</html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ message: "Unexpected content type 'text/html; charset=utf-8' (expected application/json)", status: 200, raw: '<html>hi</html>' });
  });

  it('says which codec failed and why, with the status and the raw text', async () => {
    const { error } = await get(() => json('{"account":', { status: 201 }));
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as Error).message).toMatch(/^Could not decode the application\/json response: /);
    expect(error).toMatchObject({ status: 201, raw: '{"account":' });
  });

  it('an empty 2xx is unreadable where a body is described; with none described it is no result', async () => {
    const described: OperationSpec = { ...tinyOperations.getBalance, responseShape: { type: 'object' } };
    const { error } = await settle(answering(() => json('  ')).call(described, { account: 'a' }));
    expect(error).toMatchObject({ name: 'DecodeError', message: 'Empty application/json body where the operation answers with one', status: 200 });
    expect(await get(() => new Response(null, { status: 204 }))).toEqual({ value: undefined });
    expect(await get(() => json(''))).toEqual({ value: undefined });
  });
});

describe('a 2xx body that says no', () => {
  const withRule = (bodyError: OperationSpec['bodyError']): OperationSpec => ({ ...tinyOperations.getBalance, bodyError });
  const call = (op: OperationSpec, body: unknown) => settle(answering(() => json(body)).call(op, { account: 'a' }));
  const presence = withRule({ presencePointer: '/Error/ErrorCode', codePointer: '/Error/ErrorCode', messagePointer: '/Error/ErrorReason' });
  const success = withRule({ successPointer: '/status/success', codePointer: '/status/code', messagePointer: '/status/message' });

  it.each([
    ['null', null], ['an empty string', ''], ['an empty object', {}], ['absent', undefined],
  ])('an error field that is %s is no failure', async (_name, code) => {
    const body = { Error: code === undefined ? {} : { ErrorCode: code }, ok: 1 };
    expect(await call(presence, body)).toEqual({ value: body });
  });

  it.each([
    ['text', 'NoBilling', 'NoBilling'], ['a number', 0, '0'], ['an object', { id: 1 }, '[object Object]'], ['false', false, 'false'],
  ])('an error field holding %s is a ProviderError with its code and message', async (_name, code, shown) => {
    const { error } = await call(presence, { Error: { ErrorCode: code, ErrorReason: 'billing details required' } });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: shown, message: `${shown}: billing details required`, status: 200 });
  });

  it('success: false is a failure; true, or no flag, is not; missing code and message get defaults', async () => {
    const { error } = await call(success, { status: { success: false } });
    expect(error).toMatchObject({ name: 'ProviderError', code: 'ProviderError', message: 'ProviderError: The provider reported a failure' });
    expect(await call(success, { status: { success: true } })).toEqual({ value: { status: { success: true } } });
    expect(await call(success, { status: { success: 'false' } })).toEqual({ value: { status: { success: 'false' } } });
  });
});
