// Every provider the command knows, each with its walkthrough scenario (which names the provider package).
// Adding a provider: write walkthrough/scenarios/<id>.ts and add one entry to this list.
import { createRegistry } from '@creditkit/core';
import { accountadmin } from './walkthrough/scenarios/accountadmin.js';
import { finerworks } from './walkthrough/scenarios/finerworks.js';
import { fusebill } from './walkthrough/scenarios/fusebill.js';
import { safecreative } from './walkthrough/scenarios/safecreative.js';
import { softwaredna } from './walkthrough/scenarios/softwaredna.js';

export const scenarios = [finerworks, fusebill, softwaredna, accountadmin, safecreative];

export const registry = createRegistry(scenarios.map((s) => s.provider));

export type CliProvider = (typeof registry.providers)[number];
