// Every simulator the mock server can host, by provider id. The list is generated from the provider packages'
// package.json (`creditkit.simulator` names the folder here): a new provider adds its folder, no line here.
import { simulatorFactories } from '../generated/simulators.js';

export { simulatorFactories };

/** The id of a built-in simulator: the id of its provider. */
export type SimulatorId = keyof typeof simulatorFactories;
