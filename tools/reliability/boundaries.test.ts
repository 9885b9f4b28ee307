// Boundary tests derived from specs/*.yaml (see spec-boundaries.ts): through each provider's real client against
// the simulators, a value just inside a constraint is sent, and one just outside is refused with a
// ValidationError naming the field, with nothing on the wire. E.g. FinerWorks `amount` 5000 goes, 5001 does not.
import { resolve } from 'node:path';
import { ValidationError } from '@creditkit/core';
import { type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, clientFor, liftRateLimits } from './providers.js';
import { type Boundary, specBoundaries } from './spec-boundaries.js';

const OPERATIONS = specBoundaries(resolve(import.meta.dirname, '../../specs'));

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
  liftRateLimits(mock);
});
afterAll(() => mock.close());

function withField(input: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy = { ...input };
  if (rest.length) copy[head] = withField((input[head] ?? {}) as Record<string, unknown>, rest.join('.'), value);
  else if (value === undefined) delete copy[head];
  else copy[head] = value;
  return copy;
}

const show = (v: unknown) => (v === undefined ? '(left out)' : JSON.stringify(v).slice(0, 40));

it('finds every spec operation, with a client case for each', () => {
  // These, and any operation a spec gained since (a new provider's too): the list is not kept here.
  expect(OPERATIONS.map((o) => `${o.spec}.${o.operationId}`)).toEqual(expect.arrayContaining([
    'accountadmin.purchaseCredits', 'finerworks.buyAccountCredits', 'finerworks.createCreditTransaction', 'fusebill.createPurchaseProductItem', 'safecreative.userNewSale',
    'softwaredna.queryCredits', 'softwaredna.consumeCredits',
  ]));
  // The constraints the audit found untested are among the generated cases.
  const names = OPERATIONS.flatMap((o) => o.boundaries.map((b) => `${o.spec} ${b.name}`));
  expect(names).toEqual(expect.arrayContaining(['finerworks amount maximum 5000', 'finerworks memo maxLength 50', 'softwaredna Count maximum 20000', 'fusebill description maxLength 255', 'safecreative returnurl without cancelurl', 'softwaredna productId minLength 1']));
});

describe.each(OPERATIONS.map((o) => [`${o.spec}.${o.operationId}`, o] as const))('%s', (_title, { spec, operationId, boundaries }) => {
  const cases = CASES.filter((c) => c.id === spec && c.operation === operationId);

  it('has boundaries and a client case', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(boundaries.length).toBeGreaterThan(3);
  });

  describe.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const call = () => clientFor(c, mock, { maxRetries: 0 });
    const valid = () => c.input(`boundary-${Math.random().toString(36).slice(2, 10)}`);

    it.each(boundaries.flatMap((b) => b.inside.map((v) => [b.name, show(v), b, v] as const)))('%s: %s is sent', async (_name, _shown, b: Boundary, value) => {
      let input = withField(valid(), b.path, value);
      if (b.alongWith) input = withField(input, b.alongWith, undefined);
      const before = mock.requests.length;
      const error = await call()(input).then(() => undefined, (e: unknown) => e);
      expect(error, `refused: ${error instanceof ValidationError ? JSON.stringify(error.issues) : ''}`).not.toBeInstanceOf(ValidationError);
      expect(mock.requests.length).toBeGreaterThan(before);
    });

    it.each(boundaries.flatMap((b) => b.outside.map((v) => [b.name, show(v), b, v] as const)))('%s: %s is refused, naming the field', async (_name, _shown, b: Boundary, value) => {
      const before = mock.requests.length;
      const error = await call()(withField(valid(), b.path, value)).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toContain(b.path);
      expect(mock.requests.length, 'a refused input reached the wire').toBe(before);
    });
  });
});

// Path segments: whatever a caller passes stays inside its own segment of the operation's path.
const WITH_PATHS = OPERATIONS.filter((o) => o.pathParams.length > 0);

describe.each(WITH_PATHS.map((o) => [`${o.spec}.${o.operationId}`, o] as const))('%s path segments', (_title, { spec, operationId, path, pathParams }) => {
  const c = CASES.find((x) => x.id === spec && x.operation === operationId)!;
  const segments = path.split('/').length;

  it.each(pathParams.flatMap((name) => ['a?b#c', '%2F', '%2e%2e', 'a b'].map((v) => [name, v] as const)))('%s = %j is sent as one segment', async (name, value) => {
    const before = mock.requests.length;
    await clientFor(c, mock, { maxRetries: 0 })(withField(c.input('seg'), name, value)).catch(() => undefined);
    expect(mock.requests.length).toBe(before + 1);
    // The simulator records the path under its own base (`/v1/credits/…`).
    const sent = mock.requests.at(-1)!.path;
    expect(sent.split('/')).toHaveLength(segments);
    expect(sent.split('/').map(decodeURIComponent)).toContain(value);
  });

  // A segment the URL parser would fold away or split ('.', '..', '', '/', '\\') never reaches the wire.
  it.each(pathParams.flatMap((name) => ['.', '..', '', 'a/b', 'a\\b'].map((v) => [name, v] as const)))('%s = %j is refused, naming the field', async (name, value) => {
    const before = mock.requests.length;
    const error = await clientFor(c, mock, { maxRetries: 0 })(withField(c.input('seg'), name, value)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(name);
    expect(mock.requests.length).toBe(before);
  });
});
