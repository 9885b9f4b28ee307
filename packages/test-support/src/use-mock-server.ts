// For the repo's own vitest files: one mock server per test file, started before the tests, reset before each
// and closed after all.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type MockServer, type MockServerOptions, startMockServer } from '@creditkit/mock';

/** A stand-in for the server that exists once `beforeAll` has run: use it inside tests and hooks. */
export function useMockServer(options: MockServerOptions = {}): MockServer {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer(options);
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.reset());
  return new Proxy({} as MockServer, {
    get(_target, key) {
      if (!server) throw new Error('the mock server starts in beforeAll: use it inside tests and hooks');
      const value = Reflect.get(server, key);
      return typeof value === 'function' ? value.bind(server) : value;
    },
  });
}
