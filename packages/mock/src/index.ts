/**
 * Local simulators of the five providers on one HTTP server ({@link startMockServer}), with a seeded fault plan,
 * for tests, demos and the CLI's `--mock`.
 *
 * @module
 */
export { MOCK_CREDENTIALS } from './credentials.js';
export type { MockCredentials } from './credentials.js';
export { FaultPlan, mulberry32 } from './faults.js';
export type { Fault, FaultRule } from './faults.js';
export { startMockServer } from './server.js';
export type { MockServer, MockServerOptions, RecordedRequest } from './server.js';
export type { RepeatedPurchaseId } from './simulators/accountadmin/simulator.js';
export { simulatorFactories } from './simulators/index.js';
export type { SimulatorId } from './simulators/index.js';
export type { SimRequest, SimResponse, Simulator, SimulatorOptions } from './types.js';
