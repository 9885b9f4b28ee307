// What a caller reads when the spec refuses an input: every issue's path, rule and message, for each kind of
// constraint the specs use, through the real clients (nothing is sent). Then the keywords no spec uses yet,
// straight through `toIssues`, so a future spec gets readable messages too.
import { ValidationError } from '@creditkit/core';
import { toIssues } from '@creditkit/core/internal';
import { type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, clientFor } from './providers.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const issue = (path: string, rule: string, message: string) => ({ path, rule, message });
const GUID = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';

const TABLE: [label: string, input: unknown, issues: ReturnType<typeof issue>[]][] = [
  ['finerworks', { amount: 99 }, [issue('cart_id', 'required', 'cart_id is required'), issue('amount', 'range', 'amount must be between 100 and 5000 (inclusive); got 99')]],
  ['finerworks', { amount: 5001, cart_id: 'c', bogus: 1 }, [issue('bogus', 'additionalProperties', 'bogus is not a field of this operation'), issue('amount', 'range', 'amount must be between 100 and 5000 (inclusive); got 5001')]],
  ['finerworks', null, [issue('', 'type', 'input must be an object')]],
  ['finerworks', [], [issue('', 'type', 'input must be an object')]],
  ['finerworks', 'x', [issue('', 'type', 'input must be an object')]],
  ['finerworks', { amount: '100', cart_id: 7, account_key: 5 }, [
    issue('amount', 'type', 'amount must be of type number; got "100"'),
    issue('cart_id', 'type', 'cart_id must be of type string; got 7'),
    issue('account_key', 'type', 'account_key must be of type string,null; got 5'),
  ]],
  ['fusebill', { reference: 'r'.repeat(256), purchaseId: '1' }, [issue('reference', 'maxLength', 'reference must be at most 255 characters; got 256'), issue('purchaseId', 'type', 'purchaseId must be of type integer; got "1"')]],
  ['fusebill', { reference: '', purchaseId: 1.5, name: 'n'.repeat(101) }, [
    issue('reference', 'minLength', 'reference must be at least 1 characters; got 0'),
    issue('purchaseId', 'type', 'purchaseId must be of type integer; got 1.5'),
    issue('name', 'maxLength', 'name must be at most 100 characters; got 101'),
  ]],
  ['softwaredna', { productId: '', licenseId: 'L', Target: 'X', UserIp: 'x' }, [
    issue('productId', 'minLength', 'productId must be at least 1 characters; got 0'),
    issue('Target', 'enum', 'Target must be one of LICENSE, EMAIL, ALL; got "X"'),
    issue('UserIp', 'anyOf', 'UserIp must be a valid ipv4 or a valid ipv6; got "x"'),
  ]],
  ['softwaredna', {}, ['productId', 'licenseId', 'Target', 'UserIp'].map((f) => issue(f, 'required', `${f} is required`))],
  ['accountadmin (json)', { PurchaseID: 'PO-7', Billing: { Emial: 'a' } }, [issue('Billing.Emial', 'additionalProperties', 'Billing.Emial is not a field of this operation'), issue('PurchaseID', 'pattern', `PurchaseID must match ${GUID}; got "PO-7"`)]],
  // A field name with JSON-pointer escapes (`/` is `~1`, `~` is `~0` in Ajv's paths) reads back as given.
  ['accountadmin (xml)', { Billing: 'x', 'a/b~c': 1 }, [issue('a/b~c', 'additionalProperties', 'a/b~c is not a field of this operation'), issue('Billing', 'type', 'Billing must be of type object; got "x"')]],
  ['safecreative', { service: 'GOLD', returnurl: 'ftp://x' }, [
    issue('service', 'enum', 'service must be one of PROFESSIONAL, CORPORATE; got "GOLD"'),
    issue('returnurl', 'pattern', 'returnurl must match ^https?://; got "ftp://x"'),
    issue('cancelurl', 'dependentRequired', 'cancelurl is required when returnurl is given (both or neither)'),
  ]],
  ['safecreative', { service: 'PROFESSIONAL', cancelurl: 'https://x' }, [issue('returnurl', 'dependentRequired', 'returnurl is required when cancelurl is given (both or neither)')]],
  // A long bad value is quoted only in part (60 characters of its JSON).
  ['softwaredna', { productId: 'P', licenseId: 'L', Target: 'T'.repeat(100), UserIp: '::1' }, [issue('Target', 'enum', `Target must be one of LICENSE, EMAIL, ALL; got "${'T'.repeat(59)}…`)]],
];

describe('the issues of a refused input, through each client', () => {
  it.each(TABLE)('%s %j', async (label, input, issues) => {
    const c = CASES.find((x) => x.label === label)!;
    const before = mock.requests.length;
    const error = await clientFor(c, mock)(input).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(issues);
    expect((error as ValidationError).message).toContain(issues[0]!.message);
    expect(mock.requests.length).toBe(before);
  });
});

describe('strings with no UTF-8 form, wherever they sit', () => {
  it('names a nested field holding an unpaired surrogate, after the schema passed', async () => {
    const c = CASES.find((x) => x.label === 'accountadmin (json)')!;
    const error = await clientFor(c, mock)({ Billing: { Email: 'a\uD800@example.com', Company: 'ok😀' } }).then(() => undefined, (e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([issue('Billing.Email', 'wellFormed', 'Billing.Email contains an unpaired UTF-16 surrogate, which cannot be sent as UTF-8')]);
  });

  it('walks past null and number fields without tripping', async () => {
    const c = CASES.find((x) => x.label === 'finerworks')!;
    const before = mock.requests.length;
    await clientFor(c, mock)({ amount: 250, cart_id: 'nulls', account_key: null, extra_credits: 3 });
    expect(mock.requests.length).toBe(before + 1);
  });
});

describe('keywords no spec uses yet', () => {
  const ajv = (keyword: string, params: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ instancePath: '/n', keyword, params, ...extra });
  it.each([
    ['minimum alone', ajv('minimum', { limit: 5 }, { parentSchema: { minimum: 5 }, data: 4 }), issue('n', 'minimum', 'n must be at least 5; got 4')],
    ['maximum alone', ajv('maximum', { limit: 9 }, { parentSchema: { maximum: 9 }, data: 10 }), issue('n', 'maximum', 'n must be at most 9; got 10')],
    ['an exclusive range', ajv('exclusiveMaximum', { limit: 9 }, { parentSchema: { exclusiveMinimum: 1, exclusiveMaximum: 9 }, data: 9 }), issue('n', 'range', 'n must be between 1 and 9; got 9')],
    ['a const', ajv('const', { allowedValue: 'user.newsale' }, { data: 'x' }), issue('n', 'const', 'n must be "user.newsale"; got "x"')],
    ['a format', ajv('format', { format: 'date-time' }, { data: 'soon' }), issue('n', 'format', 'n must be a valid date-time; got "soon"')],
    ['an unknown keyword', ajv('multipleOf', { multipleOf: 5 }, { message: 'must be multiple of 5' }), issue('n', 'multipleOf', 'n must be multiple of 5')],
    ['an unknown keyword without a message', ajv('uniqueItems', {}), issue('n', 'uniqueItems', 'n is invalid')],
    ['a oneOf with no branch errors', ajv('oneOf', {}, { data: 1 }), issue('n', 'oneOf', 'n must be one of the allowed forms; got 1')],
    ['a value of the whole input', { ...ajv('type', { type: 'object' }, { data: 1n }), instancePath: '' }, issue('input', 'type', 'input must be of type object; got 1n')],
  ])('%s', (_name, error, expected) => {
    expect(toIssues([error as never])).toEqual([expected]);
  });

  it('keeps one issue per field and rule, and lets an anyOf speak for its branches', () => {
    const branch = (format: string) => ajv('format', { format }, { data: 'x' });
    const errors = [ajv('type', { type: 'string' }, { data: 1 }), ajv('type', { type: 'string' }, { data: 1 }), { ...branch('ipv4'), instancePath: '/ip' }, { ...branch('ipv6'), instancePath: '/ip' }, { ...ajv('anyOf', {}, { data: 'x' }), instancePath: '/ip' }];
    expect(toIssues(errors as never)).toEqual([issue('n', 'type', 'n must be of type string; got 1'), issue('ip', 'anyOf', 'ip must be a valid ipv4 or a valid ipv6; got "x"')]);
  });

  // An exclusive bound alone once read "must be least 5" / "must be most 9". No spec uses one today.
  it.each([
    ['exclusiveMinimum', 'n must be more than 5; got 5'],
    ['exclusiveMaximum', 'n must be less than 5; got 5'],
  ])('%s alone reads as a sentence', (keyword, message) => {
    expect(toIssues([ajv(keyword, { limit: 5 }, { parentSchema: { [keyword]: 5 }, data: 5 }) as never])).toEqual([issue('n', keyword, message)]);
  });
});
