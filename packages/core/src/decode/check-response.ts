// The last step of decoding a 2xx answer: the body must be what the spec's response schema says, or the typed
// result would lie (a purchase "resolving" to `null`, `{}` or `[1,"x",null]`). It runs after the body-level
// error checks, so a body that reports a failure stays a ProviderError even when it lacks the success fields.
import type { CallContext } from '../context.js';
import { DecodeError } from '../errors.js';
import { toIssues } from '../plugins/validation.js';

/** Issues listed in the message; the rest are counted. */
const MAX_LISTED = 5;

export function checkResponse(data: unknown, raw: string, status: number, ctx: CallContext): void {
  const validate = ctx.operation.validateResponse;
  if (!validate || validate(data)) return;
  // The issues quote the body (`got "…"`), scrubbed before it is cut to a short preview.
  const issues = toIssues(validate.errors ?? [], { secrets: ctx.secrets, root: 'body' });
  const listed = issues.slice(0, MAX_LISTED).map((i) => i.message);
  if (issues.length > MAX_LISTED) listed.push(`${issues.length - MAX_LISTED} more`);
  throw new DecodeError(`The ${status} answer does not match the response schema: ${listed.join('; ')}`, {
    provider: ctx.provider.id,
    operation: ctx.operation.id,
    secrets: ctx.secrets,
    raw,
    status,
  });
}
