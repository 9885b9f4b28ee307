// --mock: the embedded simulators for the length of one command, always stopped afterwards.
import { type MockServer, startMockServer } from '@creditkit/mock';

export async function withSimulators<T>(wanted: boolean, body: (mock: MockServer | undefined) => Promise<T>): Promise<T> {
  if (!wanted) return body(undefined);
  const mock = await startMockServer();
  try {
    return await body(mock);
  } finally {
    await mock.close();
  }
}
