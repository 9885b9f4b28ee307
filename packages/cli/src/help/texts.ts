// Every `--help` text. Provider and operation help is read from the registry (operations, fields,
// credentials, environments), never kept by hand.
import { EXIT_CODE_DOCS } from '../exit-codes.js';
import { renderTable } from '../output/table.js';
import { type CliProvider, registry } from '../providers.js';
import { exampleCall } from './examples.js';
import { STORE_OPTION } from './intents-help.js';

const first = registry.providers[0]!;
const firstOp = Object.keys(first.operations)[0]!;

const CALL_OPTIONS = `Call options
  -d, --data <json|@file|@->     the operation's input, with the API's own field names (@- reads stdin;
                                 10 MiB at most)
  -c, --credential <name=value>  a credential (repeatable); by default read from the provider's env vars
      --base-url <url>           send to this http(s) URL instead of the environment's server
  -e, --environment <name>       which server of the spec (e.g. test, production)
      --timeout <30s|500ms>      per attempt (default 60s)
      --max-retries <n>          retries after the first attempt (default 2; purchases are never repeated
                                 once they may have been applied)
      --idempotency-key <key>    for operations idempotent by key: reuse a key across runs
      --intent <id>              name the purchase (your order id): with --store, a second call with the same
                                 id never buys twice (it returns the recorded result, or resends with the
                                 same key when that is safe)
${STORE_OPTION}
      --media-type <type>        the body format, for operations that speak several (e.g. application/xml)
      --mock                     start the built-in simulators, call them with their credentials, stop them
      --dry-run                  print the exact request (secrets redacted) without sending it; exits 0
      --json                     print the result as JSON (default: a readable table)
  -v, --verbose                  print every log line (secrets redacted) as JSON on stderr`;

export const EXIT_CODES_HELP = `Exit codes\n${EXIT_CODE_DOCS.map(([code, text]) => `  ${code}  ${text}`).join('\n')}`;

export function globalHelp(): string {
  return `creditkit — buy credits through ${registry.providers.map((p) => p.name).join(', ')} from a shell or CI job

Usage
  creditkit providers [--json]                  list providers, their operations and credentials
  creditkit <provider> <operation> [options]    call an operation and print its typed result
  creditkit walkthrough [--json]                every provider against the built-in simulators, in one go
  creditkit intents list|show|resolve …         the purchase intents in a store (creditkit intents --help)
  creditkit <provider> --help                   a provider's operations, credentials and environments
  creditkit <provider> <operation> --help       an operation's fields

${CALL_OPTIONS}

An error prints one line on stderr and a "hint:" line; a progress line shows on stderr while a call waits
(terminals only). Control characters in what a server sends show escaped (\x1b, \r). Credentials on the
command line are visible to other users of the machine: prefer env vars.

${EXIT_CODES_HELP}

Examples
  creditkit walkthrough
  creditkit providers
  ${exampleCall(first.id, firstOp)} --mock --json
  ${exampleCall(first.id, firstOp)} --dry-run
  ${exampleCall(first.id, firstOp)} --environment production --timeout 30s`;
}

export function providersHelp(): string {
  return `Usage: creditkit providers [--json]

Lists every provider the command knows, read from the registry: its operations (method, path, how safe
they are to repeat), its environments and the env vars its credentials come from.

Examples
  creditkit providers
  creditkit providers --json | jq '.[].operations[].id'`;
}

export function walkthroughHelp(): string {
  return `Usage: creditkit walkthrough [--json]

Starts the built-in simulators on 127.0.0.1, calls each operation of each provider through its generated
client, shows its failure modes (validation, auth, rate limit, provider error…) with the exit code the command
would give, prints a summary table and stops the simulators. Exits 0 when every step went as expected.

Examples
  creditkit walkthrough
  creditkit walkthrough --json`;
}

export function providerHelp(provider: CliProvider): string {
  const { spec } = provider;
  const ops = Object.values(provider.operations);
  return `Usage: creditkit ${provider.id} <operation> [options]

${spec.name}
${indent(renderTable(['OPERATION', 'METHOD', 'PATH', 'SUMMARY'], ops.map((op) => [op.id, op.method, op.path, op.summary ?? ''])))}

Credentials (env var, or --credential name=value)
${Object.entries(spec.credentials).map(([name, c]) => `  ${name.padEnd(14)} ${c.env}`).join('\n')}

Environments (--environment): ${Object.entries(spec.servers).map(([name, url]) => `${name}${name === spec.defaultEnvironment ? ' (default)' : ''} ${url}`).join(', ')}

Examples
${ops.map((op) => `  ${exampleCall(provider.id, op.id)} --mock`).join('\n')}
  creditkit ${provider.id} ${ops[0]?.id ?? '<operation>'} --help`;
}

export function operationHelp(provider: CliProvider, operationId: string): string {
  const op = provider.operations[operationId]!;
  const required = requiredFields(op.validate);
  const properties = op.requestShape?.properties ?? {};
  const fields = op.fields.filter((f) => !f.supplied);
  return `Usage: creditkit ${provider.id} ${op.id} --data '<json>' [options]

${op.summary ?? op.id} — ${op.method} ${op.path} (${provider.spec.name})
Repeat safety: ${idempotencyText(op.idempotency)}
Body formats (--media-type): ${[...new Set([...(op.requestMediaTypes ?? []), ...op.responseMediaTypes])].join(', ')}

Fields of --data (the API's own names)
${indent(renderTable(['FIELD', 'IN', 'TYPE', 'REQUIRED'], fields.map((f) => [f.name, f.in, properties[f.name]?.type ?? '-', required.has(f.name) ? 'yes' : ''])))}

${CALL_OPTIONS}

${EXIT_CODES_HELP}

Examples
  ${exampleCall(provider.id, op.id)} --mock
  ${exampleCall(provider.id, op.id)} --dry-run
  ${exampleCall(provider.id, op.id)} --json > result.json`;
}

const indent = (text: string) => text.split('\n').map((line) => `  ${line}`).join('\n');

export function idempotencyText(rule: { kind: string; field?: string }): string {
  if (rule.kind === 'safe') return 'safe to repeat';
  if (rule.kind === 'key') return `repeated only with the same key${rule.field ? ` (its ${rule.field} field)` : ' (the field in brackets)'}, which the server refuses twice`;
  return 'never repeated once it may have reached the server (not idempotent)';
}

/** The generated validator names the required top-level fields when shown an empty input. */
function requiredFields(validate: { (data: unknown): boolean; errors?: { keyword: string; instancePath: string; params: Record<string, unknown> }[] | null }): Set<string> {
  validate({});
  return new Set((validate.errors ?? []).filter((e) => e.keyword === 'required' && e.instancePath === '').map((e) => String(e.params.missingProperty)));
}
