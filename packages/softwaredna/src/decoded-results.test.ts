// A credits query's typed result is a list of `{ Target, Name, Count }` or the call fails. The query is safe,
// so an unreadable 2xx is retried; if every answer is unreadable the DecodeError says what was wrong.
import { DecodeError } from '@creditkit/core';
import { jsonCodec } from '@creditkit/core/internal';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createSoftwareDnaClient, type QueryCreditsInput } from './index.js';
import { operations } from './generated/provider.js';

const mock = useMockServer({ providers: ['softwaredna'] });
const client = () => createSoftwareDnaClient({ ...mock.credentials.softwaredna, baseUrl: mock.url('softwaredna'), retry: { baseDelayMs: 1, maxDelayMs: 2 } });
const query: QueryCreditsInput = { productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9' };
const answerWith = (body: string, times = 1) =>
  mock.faults.add({ provider: 'softwaredna', times, fault: { kind: 'content-type', contentType: 'application/json', body } });

describe('software_DNA decoded results', () => {
  it.each([
    ['[1,"x",null]', 'body[0] must be of type object; got 1'],
    ['{"Target":"LICENSE","Name":"Reports","Count":5}', 'body must be of type array; got {"Target":"LICENSE","Name":"Reports","Count":5}'],
    ['[{"Target":"LICENSE","Name":"Reports","Count":"many"}]', 'body[0].Count must be of type number; got "many"'],
    ['[{"Target":"LICENSE","Name":"Reports","Count":"9007199254740993"}]', 'body[0].Count must be of type number; got "9007199254740993"'],
    ['[{"Target":"LICENSE","Count":5}]', 'body[0].Name is required'],
    ['[{"Target":"SOMEONE","Name":"Reports","Count":5}]', 'body[0].Target must be one of LICENSE, EMAIL; got "SOMEONE"'],
  ])('answered %s on every attempt, the safe query is retried, then fails with a DecodeError naming the field', async (body, issue) => {
    answerWith(body, Number.POSITIVE_INFINITY);
    const error = await client().queryCredits(query).then((r) => expect.unreachable(`resolved to ${JSON.stringify(r)}`), (e: unknown) => e as DecodeError);
    expect(error).toBeInstanceOf(DecodeError);
    expect(error.message).toContain(`The 200 answer does not match the response schema: ${issue}`);
    expect(error.status).toBe(200);
    expect(mock.requests).toHaveLength(3);
  });

  it('answered garbage once, retries and returns the real credits', async () => {
    answerWith('[1,"x",null]');
    await expect(client().queryCredits(query)).resolves.toEqual([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }]);
    expect(mock.requests).toHaveLength(2);
  });

  it("holds the vendor page's example and its all-strings template form to the schema, and both pass", () => {
    const { validateResponse, responseShape } = operations.queryCredits;
    const example = '[{"Target": "LICENSE","Name": "Reports","Count": 5},{"Target": "EMAIL","Name": "Reports","Count": 2}]';
    const template = '[{"Target": "LICENSE","Name": "Reports","Count": "5"}]';
    expect(validateResponse!(jsonCodec.decode(example, responseShape))).toBe(true);
    expect(validateResponse!(jsonCodec.decode(template, responseShape))).toBe(true);
    expect(validateResponse!(JSON.parse(template))).toBe(false);
  });
});
