// `creditkit intents --help` and the help of each intents command.
import { INTENT_STATES } from '@creditkit/core';

export const STORE_OPTION = `      --store <file:<dir>|redis://…|memory>
                                 the state store the workers share (default: env CREDITKIT_STORE); redis://
                                 needs @creditkit/redis installed; memory lasts as long as the process`;

const USAGE = {
  list: `creditkit intents list [--state <state>] [--provider <id>] [--json]`,
  show: `creditkit intents show <id> [--json]`,
  resolve: `creditkit intents resolve <id> --applied|--failed [--note <text>] [--force] [--json]`,
} as const;

const ABOUT = {
  list: `Lists the purchase intents in the store, newest first: id, provider, operation, state, last update and
number of attempts. --state keeps one state (${INTENT_STATES.join(', ')}), --provider one provider.
--json prints one JSON object per line.`,
  show: `Shows one intent's whole record: its state, account scope, idempotency key, input as sent (secrets
redacted), every attempt, and its result or error. An id held in several accounts shows each. --json prints
the record as JSON.`,
  resolve: `Records what you found in the provider's account for an intent (usually one in_doubt):
  --applied   the purchase is there: the next call with this id sends nothing (it returns the stored
              result, or fails with AlreadyAppliedError)
  --failed    it is not there: the intent is free again, and the next call with this id sends it
              (with the same idempotency key)
  --note      why, kept in the record with the time
An intent that is claimed or sent may be in a live worker's hands: it is refused unless --force. If the
intent changes while it is resolved (a worker got there first), nothing is recorded: look at it again.`,
} as const;

const EXAMPLES = {
  list: ['creditkit intents list --store file:/var/lib/creditkit --state in_doubt', 'CREDITKIT_STORE=redis://:<password>@localhost:6379 creditkit intents list --json'],
  show: ['creditkit intents show order-1042 --store file:/var/lib/creditkit'],
  resolve: ["creditkit intents resolve order-1042 --applied --note 'in the Fusebill account, invoice 88' --store file:/var/lib/creditkit"],
} as const;

export function intentsHelp(sub?: keyof typeof USAGE): string {
  if (sub) {
    return `Usage: ${USAGE[sub]}

${ABOUT[sub]}

Options
${STORE_OPTION}

Examples
${EXAMPLES[sub].map((e) => `  ${e}`).join('\n')}`;
  }
  return `Usage: creditkit intents <list|show|resolve> [options]

The purchase intents a store holds: each call made with --intent <id> and a store is recorded under that id
(claimed, sent, then applied, failed or in_doubt), so a second call never buys twice. These commands read
them and settle the ones in doubt by hand. Each needs the store the workers use.

${Object.values(USAGE).map((u) => `  ${u}`).join('\n')}

Options
${STORE_OPTION}

Examples
${Object.values(EXAMPLES).flat().map((e) => `  ${e}`).join('\n')}`;
}
