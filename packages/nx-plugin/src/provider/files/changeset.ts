// The changeset of a new provider: the CLI and the mock gain it; the new package's first release publishes the
// version in its package.json as is (tools/release/check-changesets.ts), so it is not named.
import type { ProviderPlan } from '../plan.js';

export const changesetFile = (plan: ProviderPlan): string => `---
'@creditkit/cli': minor
'@creditkit/mock': minor
---

Adds ${plan.name}: \`@creditkit/${plan.id}\` (generated from specs/${plan.id}.yaml), its simulator in \`@creditkit/mock\`, and its
walkthrough in \`creditkit walkthrough\`.
`;
