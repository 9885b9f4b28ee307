// Every simulator the mock server can host, by provider id. A new provider adds one line here.
import { createFinerWorksSimulator } from './finerworks/simulator.js';

export const simulatorFactories = {
  finerworks: createFinerWorksSimulator,
};

export type SimulatorId = keyof typeof simulatorFactories;
