import { expectTypeOf, test } from 'vitest';
import type { ClientOptions } from './client.js';
import type { Plugin } from './plugin.js';
import type { RetryOptions } from './plugins/retry.js';

test('plugin and client options are typed: a misspelt option fails to compile', () => {
  const retry: RetryOptions = { baseDelayMs: 10, maxDelayMs: 100 };
  // @ts-expect-error `baseDelay` is not an option (it is `baseDelayMs`)
  const misspelt: RetryOptions = { baseDelay: 10 };
  const options: ClientOptions = { maxRetries: 1, timeoutMs: 5, retry };
  expectTypeOf(options.retry).toEqualTypeOf<RetryOptions | undefined>();
  // @ts-expect-error a plugin hooks in at named points only: there is no `middleware`
  const wrong: Plugin = { name: 'x', middleware: () => undefined };
  // @ts-expect-error nor a hook point called `beforeAuthorize`
  const unknownPoint: Plugin = { name: 'y', hooks: { beforeAuthorize: () => undefined } };
  void [misspelt, wrong, unknownPoint];
});
