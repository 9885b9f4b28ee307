// Hosts the tiny simulator in the mock server (fault plan, request recording) for the length of a test file.
import { useMockServer } from './use-mock-server.js';
import { createTinySimulator } from './tiny-simulator.js';

export function useTinyMock() {
  const sim = createTinySimulator();
  const mock = useMockServer({ providers: [], extraSimulators: [sim] });
  return { mock, sim };
}
