// `creditkit providers`: what the registry holds, as a table or JSON.
import type { Secrets } from '@creditkit/core';
import type { Args } from '../args.js';
import { EXIT_CODES } from '../exit-codes.js';
import { idempotencyText } from '../help/texts.js';
import type { Io } from '../io.js';
import { toJson } from '../output/json.js';
import { renderTable } from '../output/table.js';
import { registry } from '../providers.js';

export function providersCommand(args: Args, io: Io, secrets: Secrets): number {
  const listing = registry.providers.map((p) => ({
    id: p.id,
    name: p.name,
    environments: p.spec.servers,
    defaultEnvironment: p.spec.defaultEnvironment,
    credentials: Object.entries(p.spec.credentials).map(([option, c]) => ({ option, env: c.env })),
    operations: Object.values(p.operations).map((op) => ({
      id: op.id,
      method: op.method,
      path: op.path,
      idempotency: op.idempotency.kind,
      ...(op.idempotency.field ? { idempotencyField: op.idempotency.field } : {}),
      ...(op.summary ? { summary: op.summary } : {}),
    })),
  }));
  if (args.json) {
    io.out(toJson(listing, secrets));
    return EXIT_CODES.ok;
  }
  const rows = listing.flatMap((p) =>
    p.operations.map((op, i) => [
      i === 0 ? p.id : '',
      op.id,
      op.method,
      op.path,
      op.idempotencyField ? `${op.idempotency} (${op.idempotencyField})` : op.idempotency,
      i === 0 ? p.credentials.map((c) => c.env).join(', ') : '',
    ]),
  );
  io.out(renderTable(['PROVIDER', 'OPERATION', 'METHOD', 'PATH', 'IDEMPOTENCY', 'CREDENTIALS (env)'], rows));
  const kinds = [...new Set(listing.flatMap((p) => p.operations.map((op) => op.idempotency)))].sort();
  io.out(`\n${kinds.map((kind) => `${kind} = ${idempotencyText({ kind })}`).join('\n')}`);
  return EXIT_CODES.ok;
}
