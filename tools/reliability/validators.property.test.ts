// Random input to every provider's generated operation, through its real client against the simulators:
// the call never crashes (every failure is a CreditkitError), and every rejection is a ValidationError whose
// issues each name a field path and a rule — with nothing on the wire, not even a token request.
import { CreditkitError, ValidationError } from '@creditkit/core';
import { type MockServer, startMockServer } from '@creditkit/mock';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileString, hostileValue, runs, SEED } from './fuzz.js';
import { CASES, clientFor, liftRateLimits, type ProviderCase } from './providers.js';

let mock: MockServer;
beforeAll(async () => {
  // Every request kept, so "nothing was sent" is a count that cannot be fooled by the recording's cap.
  mock = await startMockServer({ keepRequests: 1_000_000 });
  liftRateLimits(mock);
});
afterAll(() => mock.close());

type Path = readonly string[];

/** The paths to every leaf of a valid input (`Billing.Company`…). */
function leaves(value: Record<string, unknown>, prefix: Path = []): Path[] {
  return Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v as Record<string, unknown>, [...prefix, k]) : [[...prefix, k]]));
}

function withValueAt(value: Record<string, unknown>, [head, ...rest]: Path, leaf: unknown): Record<string, unknown> {
  if (head === undefined) return value;
  const copy = { ...value };
  if (rest.length === 0) {
    if (leaf === undefined) delete copy[head];
    else Object.defineProperty(copy, head, { value: leaf, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  copy[head] = withValueAt((value[head] ?? {}) as Record<string, unknown>, rest, leaf);
  return copy;
}

/** Garbage, the operation's field names with any values, and valid inputs with one field broken, dropped or added. */
function inputs(c: ProviderCase): fc.Arbitrary<unknown> {
  const fields = c.spec.fields.filter((f) => !f.supplied).map((f) => f.name);
  const valid = c.input('fuzz-valid');
  const paths = leaves(valid);
  const key = fc.oneof(fc.constantFrom(...fields), hostileString, fc.constantFrom('__proto__', 'constructor', 'toString', 'authkey', 'signature'));
  return fc.oneof(
    hostileValue,
    fc.dictionary(key, hostileValue, { maxKeys: 6 }),
    fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, v]) => withValueAt(valid, path, v)),
    fc.constantFrom(...paths).map((path) => withValueAt(valid, path, undefined)),
    fc.tuple(fc.constantFrom(...paths), key, hostileValue).map(([path, k, v]) => withValueAt(valid, [...path.slice(0, -1), k], v)),
  );
}

const stats: string[] = [];
afterAll(() => console.log(`validators fuzz (seed ${SEED}):\n  ${stats.join('\n  ')}`));

describe('every provider operation under random input', () => {
  it.each(CASES.map((c) => [c.label, c] as const))('%s: a value or a typed error; rejections name a path and a rule and send nothing', async (_label, c) => {
    const call = clientFor(c, mock, { retry: { baseDelayMs: 1, maxDelayMs: 2 }, timeoutMs: 5000 });
    const fields = new Set(c.spec.fields.map((f) => f.name));
    const tally = { runs: 0, rejected: 0, sent: 0, issues: 0 };
    await fc.assert(
      fc.asyncProperty(inputs(c), async (input) => {
        tally.runs++;
        const before = mock.requests.length;
        const error = await call(input).then(
          () => undefined,
          (e: unknown) => e,
        );
        const sent = mock.requests.length > before;
        if (sent) tally.sent++;
        // The oracle for accepted inputs: whatever passes validation goes on the wire, whatever fails it does not.
        expect(sent, `sent: ${sent}, error: ${String(error)}`).toBe(!(error instanceof ValidationError));
        if (error === undefined) return;
        expect(error).toBeInstanceOf(CreditkitError);
        if (!(error instanceof ValidationError)) return;
        tally.rejected++;
        expect(mock.requests.length, 'a rejected input reached the wire').toBe(before);
        expect(error.issues.length).toBeGreaterThan(0);
        const given = input && typeof input === 'object' ? Object.keys(input) : [];
        for (const issue of error.issues) {
          tally.issues++;
          expect(typeof issue.rule === 'string' && issue.rule.length > 0, `issue without a rule: ${JSON.stringify(issue)}`).toBe(true);
          expect(typeof issue.message === 'string' && issue.message.length > 0).toBe(true);
          // A field path: one of the operation's fields or of the caller's keys; '' or 'input' for the whole input.
          const names = [...fields, ...given];
          const named = issue.path === '' || issue.path === 'input' || names.some((n) => issue.path === n || issue.path.startsWith(`${n}.`));
          expect(named, `issue path '${issue.path}' names no field`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: runs(150) },
    );
    stats.push(`${c.label}: ${tally.runs} inputs, ${tally.rejected} ValidationErrors (${tally.issues} issues), ${tally.sent} reached the wire`);
    expect(tally.rejected).toBeGreaterThan(tally.runs / 3);
  });
});
