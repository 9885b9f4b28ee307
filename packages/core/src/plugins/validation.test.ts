// Inputs the validators' own messages used to trip over: a BigInt or a cycle (JSON.stringify throws on both)
// and strings with no UTF-8 form (URL encoding throws on them). Each must end as a ValidationError, unsent.
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ValidationError } from '../errors.js';
import { Secrets } from '../redact.js';
import { TINY_KEY, tinyOperations, tinyProvider, useTinyMock } from '@creditkit/test-support';
import { toIssues } from './validation.js';

const server = useTinyMock();
const client = () => createClient(tinyProvider, { apiKey: TINY_KEY, baseUrl: server.mock.url('tiny') });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('should have failed'), (e: unknown) => e);

describe('validation of hostile input', () => {
  it('describes a BigInt or a cyclic value in an issue instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const issue = (data: unknown) => ({ instancePath: '/amount', keyword: 'type', params: { type: 'number' }, data });
    expect(toIssues([issue(10n)])).toEqual([{ path: 'amount', rule: 'type', message: 'amount must be of type number; got 10n' }]);
    expect(toIssues([issue(cyclic)])[0]!.message).toBe('amount must be of type number; got [object Object]');
  });

  it.each([
    ['a path parameter', tinyOperations.getBalance, { account: 'a\uD800' }, 'account'],
    ['a body field', tinyOperations.buyUnsafe, { credits: 1, note: 'x\uDC00y' }, 'note'],
  ])('rejects an unpaired surrogate in %s (no UTF-8 form) with a ValidationError, sending nothing', async (_where, op, input, path) => {
    const error = await fail(client().call(op, input));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ path, rule: 'wellFormed' })]);
    expect(server.mock.requests).toHaveLength(0);
  });

  it('scrubs a secret quoted in the issues, not only in the message (JSON and inspect show the issues)', () => {
    const secrets = new Secrets();
    secrets.add(TINY_KEY);
    const error = new ValidationError(toIssues([{ instancePath: '/amount', keyword: 'type', params: { type: 'number' }, data: TINY_KEY } as never]), { secrets });
    expect(error.issues[0]!.message).toBe('amount must be of type number; got "[REDACTED]"');
    expect(JSON.stringify(error)).not.toContain(TINY_KEY);
  });

  it('sends paired surrogates (emoji) as they are', async () => {
    await client().call(tinyOperations.getBalance, { account: 'ok😀' });
    expect(decodeURIComponent(server.mock.requests[0]!.path)).toBe('/balance/ok😀');
  });
});
