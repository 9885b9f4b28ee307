// Hosts the tiny simulator in the mock server (fault plan, request recording) for the length of a test file.
import { type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTinySimulator, type TinySimulator } from './tiny-simulator.js';

export function useTinyMock(): { readonly mock: MockServer; readonly sim: TinySimulator } {
  const state = {} as { mock: MockServer; sim: TinySimulator };
  beforeAll(async () => {
    state.sim = createTinySimulator();
    state.mock = await startMockServer({ providers: [], extraSimulators: [state.sim] });
  });
  afterAll(() => state.mock.close());
  beforeEach(() => state.mock.reset());
  return state;
}
