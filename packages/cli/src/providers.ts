// Every provider the command knows, each with its walkthrough scenario (which names the provider package).
// The list is generated from the provider packages' package.json (`creditkit.provider`): adding a provider
// means writing walkthrough/scenarios/<id>.ts and running `npm run generate`, no line here.
import { createRegistry } from '@creditkit/core';
import { scenarios } from './generated/providers.js';

export { scenarios };

export const registry = createRegistry(scenarios.map((s) => s.provider));

export type CliProvider = (typeof registry.providers)[number];
