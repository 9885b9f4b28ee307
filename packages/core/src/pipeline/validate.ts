// Stage `validate` — contract: the caller's input is checked against the operation's generated validator
// (required, bounds, lengths, enums, both-or-neither, path segments, well-formed UTF-16) before anything else
// runs. On failure: a ValidationError listing every issue with its field path; nothing is sent, nothing retried.
// The rules themselves live in plugins/validation.ts.
import type { CallContext } from '../context.js';
import { validateInput } from '../plugins/validation.js';

export function validate(input: unknown, ctx: CallContext): Record<string, unknown> {
  validateInput(input, ctx);
  return input as Record<string, unknown>;
}
