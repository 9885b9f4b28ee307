// `--json` output: exact JSON (it parses to the value, with every credential the command holds scrubbed),
// written so that no control or bidi character reaches the terminal raw.
import type { Secrets } from '@creditkit/core';
import { jsonSafe } from './terminal-safe.js';

/** `indent` 0: one line (a log line). */
export function toJson(value: unknown, secrets: Secrets, indent = 2): string {
  return jsonSafe(JSON.stringify(secrets.scrubValue(value) ?? null, null, indent));
}
