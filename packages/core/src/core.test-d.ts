import { expectTypeOf, test } from 'vitest';
import type { ClientOptions } from './client.js';
import type { AttemptPlugin } from './plugin.js';
import { retryPlugin } from './plugins/retry.js';

test('plugin and client options are typed: a misspelt option fails to compile', () => {
  retryPlugin({ baseDelayMs: 10, maxDelayMs: 100 });
  // @ts-expect-error `baseDelay` is not an option (it is `baseDelayMs`)
  retryPlugin({ baseDelay: 10 });
  const options: ClientOptions = { maxRetries: 1, timeoutMs: 5 };
  expectTypeOf(options.retry).toEqualTypeOf<Parameters<typeof retryPlugin>[0]>();
  // @ts-expect-error a plugin's phase is 'call' or 'attempt'
  const wrong: AttemptPlugin = { name: 'x', phase: 'request' };
  void wrong;
});
