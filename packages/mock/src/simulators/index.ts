// Every simulator the mock server can host, by provider id. A new provider adds one line here.
import { createAccountAdminSimulator } from './accountadmin/simulator.js';
import { createFinerWorksSimulator } from './finerworks/simulator.js';
import { createFusebillSimulator } from './fusebill/simulator.js';
import { createSafeCreativeSimulator } from './safecreative/simulator.js';
import { createSoftwareDnaSimulator } from './softwaredna/simulator.js';

export const simulatorFactories = {
  accountadmin: createAccountAdminSimulator,
  finerworks: createFinerWorksSimulator,
  fusebill: createFusebillSimulator,
  safecreative: createSafeCreativeSimulator,
  softwaredna: createSoftwareDnaSimulator,
};

export type SimulatorId = keyof typeof simulatorFactories;
