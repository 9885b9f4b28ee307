// What a client refuses at construction, before anything is sent: a credential that cannot travel as a header
// value (it used to raise a raw TypeError quoting it, on the first call), a baseUrl carrying a user:password,
// and an environment name that is no environment of the spec (`__proto__` used to raise a raw TypeError).
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { errorKindOf } from './error-kinds.js';
import { ConfigurationError, MissingCredentialsError, UnusableCredentialError } from './errors.js';
import { tinyProvider } from '@creditkit/test-support';

const construct = (options: Record<string, unknown>) => {
  try {
    createClient(tinyProvider, { baseUrl: 'http://127.0.0.1:9', ...options });
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('a credential that cannot be a header value', () => {
  afterEach(() => {
    delete process.env.TINY_API_KEY;
  });

  it.each([
    ['a trailing line feed', 'k-live-42\n'],
    ['a CR LF with a header after it', 'k-live-42\r\nx-evil: 1'],
    ['a NUL', 'k-live\u000042'],
    ['a control character', 'k-live\u000142'],
    ['a character beyond U+00FF', 'k-live-42€'],
    ['a space at its end (Headers would strip it)', 'k-live-42 '],
  ])('is an UnusableCredentialError naming the option, never the value: %s', (_case, value) => {
    const fromEnv = () => {
      process.env.TINY_API_KEY = value;
      return construct({});
    };
    // An environment variable cannot hold a NUL.
    for (const error of [construct({ apiKey: value }), ...(value.includes('\0') ? [] : [fromEnv()])]) {
      expect(error).toBeInstanceOf(UnusableCredentialError);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: 'apiKey', credentials: [{ option: 'apiKey', env: 'TINY_API_KEY' }] });
      expect((error as Error).message).toContain('`apiKey` (or env TINY_API_KEY)');
      expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('k-live');
    }
  });

  it('accepts a credential made of any visible ASCII and Latin-1', () => {
    expect(construct({ apiKey: 'k-!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ é' })).toBeUndefined();
  });
});

describe('a credential that is missing', () => {
  it('is a MissingCredentialsError naming the option and the env var', () => {
    delete process.env.TINY_API_KEY;
    const error = construct({});
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option: 'apiKey', credentials: [{ option: 'apiKey', env: 'TINY_API_KEY' }] });
    expect(errorKindOf(error)).toEqual({ kind: 'missing-credentials', retry: 'never', exit: 'auth' });
  });
});

describe('baseUrl', () => {
  it.each(['http://user:p4ss-w0rd@127.0.0.1:9', 'https://only-user@127.0.0.1:9/api'])('refuses a user name or password in it, without printing them: %s', (baseUrl) => {
    const error = construct({ apiKey: 'k', baseUrl });
    expect(errorKindOf(error).kind).toBe('configuration');
    expect((error as Error).message).toContain('must not carry a user name or password');
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toMatch(/p4ss-w0rd|only-user/);
  });

  it.each(['not a url', 'ftp://127.0.0.1/', '/relative/path'])('refuses %s as a ConfigurationError', (baseUrl) => {
    const error = construct({ apiKey: 'k', baseUrl });
    expect(errorKindOf(error).kind).toBe('configuration');
    expect(error).toMatchObject({ option: 'baseUrl' });
  });
});

describe('environment', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'staging'])('refuses %s, a name that is no environment of the spec', (environment) => {
    const error = construct({ apiKey: 'k', baseUrl: undefined, environment });
    // A bad option: neither a credential problem nor a runtime that cannot make the call.
    expect(errorKindOf(error)).toEqual({ kind: 'configuration', retry: 'never', exit: 'usage' });
    expect((error as Error).message).toContain('unknown environment');
    expect(error).toMatchObject({ option: 'environment' });
  });

  it('takes one the spec names', () => {
    expect(construct({ apiKey: 'k', baseUrl: undefined, environment: 'production' })).toBeUndefined();
  });
});

describe('numeric limits', () => {
  it.each([
    ['timeoutMs', -1],
    ['timeoutMs', Number.NaN],
    ['timeoutMs', '100'],
    ['totalTimeoutMs', 0],
    ['maxResponseBytes', -5],
    ['maxRetries', 1.5],
    ['maxRetries', -1],
  ])('refuses %s = %s as a ConfigurationError', (name, value) => {
    const error = construct({ apiKey: 'k', [name]: value });
    expect(errorKindOf(error).kind).toBe('configuration');
    expect((error as Error).message).toContain(`${name} must be`);
    expect(error).toMatchObject({ option: name });
  });
});
