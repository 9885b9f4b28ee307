// The exit code and hint of every error class core exports, read from core's error table. The codes are the
// command's contract with shell scripts: written out here by hand, so a change to the table shows up as a
// failing line. Only the configuration split moved anything (ConfigurationError was 4).
import * as core from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { EXIT_CODE_DOCS, EXIT_CODES, exitCodeFor } from './exit-codes.js';
import { registry } from './providers.js';
import { describeFailure } from './report-failure.js';
import { CommandError } from './command-error.js';
import { UsageError } from './usage-error.js';

const EXPECTED_EXIT: Record<string, number> = {
  CreditkitError: 1,
  ValidationError: 3,
  ConfigurationError: 2,
  MissingCredentialsError: 4,
  UnusableCredentialError: 4,
  UnsupportedRuntimeError: 9,
  ApiError: 6,
  AuthenticationError: 4,
  PermissionDeniedError: 4,
  NotFoundError: 6,
  ConflictError: 6,
  RateLimitError: 5,
  ServerError: 6,
  ProviderError: 6,
  DecodeError: 6,
  ConnectionError: 7,
  TimeoutError: 7,
  AbortedError: 7,
  OutcomeUnknownError: 8,
  AlreadyAppliedError: 8,
  IntentInFlightError: 7,
};

const api = (status: number) => ({ status, provider: 'fusebill', operation: 'createPurchaseProductItem' });
/** A real instance of each class, built as core builds it. */
const SAMPLES: Record<string, () => Error> = {
  CreditkitError: () => new core.CreditkitError('odd'),
  ValidationError: () => new core.ValidationError([{ path: 'amount', rule: 'minimum', message: 'amount must be ≥ 1' }]),
  ConfigurationError: () => new core.ConfigurationError('FinerWorks: unknown environment', { option: 'environment' }),
  MissingCredentialsError: () => new core.MissingCredentialsError('needs apiKey', { credentials: [{ option: 'apiKey', env: 'FUSEBILL_API_KEY' }] }),
  UnusableCredentialError: () => new core.UnusableCredentialError('apiKey contains a line break', { credential: { option: 'apiKey', env: 'FUSEBILL_API_KEY' } }),
  UnsupportedRuntimeError: () => new core.UnsupportedRuntimeError('GET with a body needs node:http'),
  ApiError: () => new core.ApiError(api(400)),
  AuthenticationError: () => new core.AuthenticationError(api(401)),
  PermissionDeniedError: () => new core.PermissionDeniedError(api(403)),
  NotFoundError: () => new core.NotFoundError(api(404)),
  ConflictError: () => new core.ConflictError(api(409)),
  RateLimitError: () => new core.RateLimitError({ ...api(429), retryAfterMs: 7000 }),
  ServerError: () => new core.ServerError(api(502)),
  ProviderError: () => new core.ProviderError({ code: 'E42', message: 'no credits left' }),
  DecodeError: () => new core.DecodeError('not JSON', { raw: '<html>' }),
  ConnectionError: () => new core.ConnectionError('ECONNRESET', { requestSent: false }),
  TimeoutError: () => new core.TimeoutError({ scope: 'attempt', timeoutMs: 200 }),
  AbortedError: () => new core.AbortedError('aborted'),
  OutcomeUnknownError: () =>
    new core.OutcomeUnknownError({ provider: 'fusebill', operation: 'x', attempts: 1, reconcile: { method: 'POST', path: '/x', input: {}, hint: 'check' } }),
  AlreadyAppliedError: () => new core.AlreadyAppliedError({ idempotencyKey: 'k-1' }),
  IntentInFlightError: () => new core.IntentInFlightError({ intentId: 'order-7', waitedMs: 30_000, leaseExpiresAt: Date.now() + 5000 }),
};

const exportedErrorClasses = Object.entries(core).filter(([, v]) => typeof v === 'function' && v.prototype instanceof Error);
const fusebill = registry.providers.find((p) => p.id === 'fusebill')!;

describe('exit codes and hints, from the error table', () => {
  it('know every error class core exports', () => {
    expect(Object.keys(EXPECTED_EXIT).sort()).toEqual(exportedErrorClasses.map(([name]) => name).sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(EXPECTED_EXIT).sort());
  });

  it.each(Object.entries(EXPECTED_EXIT))('exits with the documented code for a %s, with a hint of its own', (name, code) => {
    const error = SAMPLES[name]!();
    expect(error.constructor.name).toBe(name);
    expect(exitCodeFor(error)).toBe(code);
    const { code: reported, hint } = describeFailure(error, { provider: fusebill, operation: 'createPurchaseProductItem' });
    expect(reported).toBe(code);
    // Only an error that is no known failure is reported as a bug.
    expect(/bug in creditkit/.test(hint)).toBe(name === 'CreditkitError');
  });

  it('documents every exit code it can return', () => {
    expect(EXIT_CODE_DOCS.map(([code]) => code)).toEqual(Object.values(EXIT_CODES).sort((a, b) => a - b));
  });

  it('names the option of a bad configuration, and the env var of a missing credential', () => {
    expect(describeFailure(SAMPLES.ConfigurationError!(), { provider: fusebill })).toMatchObject({ code: 2, hint: expect.stringMatching(/^fix --environment/) });
    expect(describeFailure(SAMPLES.MissingCredentialsError!(), { provider: fusebill })).toMatchObject({
      code: 4,
      hint: 'set FUSEBILL_API_KEY (or --credential apiKey=<value>), or use --mock to call the built-in simulators',
    });
  });

  it("keeps the command's own usage mistakes and anything unknown apart from the table", () => {
    expect(describeFailure(new UsageError('no command given'))).toEqual({ code: 2, line: 'no command given', hint: 'run `creditkit --help` for usage' });
    expect(exitCodeFor(new TypeError('x is not a function'))).toBe(1);
    // `intents` failures of the command's own: an unknown id (3), an intent a worker changed meanwhile (7).
    expect(describeFailure(new CommandError("no intent 'o-1' in the store (memory)", { status: 'validation', hint: 'check the id' }))).toEqual({ code: 3, line: "no intent 'o-1' in the store (memory)", hint: 'check the id' });
    expect(exitCodeFor(new CommandError('intent o-1 changed', { status: 'network', hint: 'look again' }))).toBe(7);
  });
});
