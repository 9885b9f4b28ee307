// @creditkit/test-support — what the tests of several packages share. Vitest hooks are registered by the
// helpers that need them (`useMockServer`, `useTinyMock`, `useTrappedRawServer`): call those at a test
// file's top level. Subpaths: `/cli` runs the `creditkit` command (it loads the CLI and every provider, so
// only tests of the command import it); `/accountadmin-page-samples` is plain data, without vitest.
export { TRANSPORT_VARIANTS, useTrappedRawServer } from './hostile-peer.js';
export { type CannedAnswer, type HostileServer, startHostileServer } from './hostile-server.js';
export { type RawAnswer, type RawConnection, type RawServer, startRawServer } from './raw-server.js';
export { useTinyMock } from './tiny-mock.js';
export { tinyOperations, tinyProvider, tinySpec } from './tiny-provider.js';
export { createTinySimulator, TINY_KEY, type TinySimulator } from './tiny-simulator.js';
export { TRANSPORTS } from './transports.js';
export { useMockServer } from './use-mock-server.js';
export { describeStateStore, type StoreUnderTest } from './store-contract.js';
export { pingRedis, type RedisServer, redisServerInstalled, startRedisServer } from './redis-server.js';
export { useRedisServer } from './use-redis-server.js';
