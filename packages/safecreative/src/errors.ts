// Safe Creative answers failures with HTTP 200 and an `<error>` or `<exception>` document (FACTS §1.5); the
// spec admits both roots, so they decode into typed objects and this turns them into a ProviderError. The ids
// of Safe Creative's error table that refuse the credentials are marked `refused`, as a 401 or 403 would be.
import type { BodyFailure } from '@creditkit/core/internal';

interface ErrorDocument {
  errorId?: unknown;
  errorMessage?: unknown;
  exceptionId?: unknown;
  exceptionMessage?: unknown;
}

const REFUSED: Readonly<Record<string, BodyFailure['refused']>> = {
  /** The signature does not match: a wrong private key. */
  InvalidSignature: 'authentication',
  /** No such authkey. */
  UserKeyAuthNotFound: 'authentication',
  /** No such sharedkey. */
  UserKeyNotFound: 'authentication',
  /** The authkey is not associated with the application. */
  NotAuthorized: 'authentication',
  /** The authkey's level (GET, ADD, MANAGE) is too low for the component. */
  InsufficientLevel: 'permission',
};

export function safeCreativeError(data: unknown): BodyFailure | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as ErrorDocument;
  if (typeof d.errorId === 'string') {
    const refused = Object.hasOwn(REFUSED, d.errorId) ? REFUSED[d.errorId] : undefined;
    return { code: d.errorId, message: String(d.errorMessage ?? ''), ...(refused ? { refused } : {}) };
  }
  if (typeof d.exceptionId === 'string') return { code: d.exceptionId, message: String(d.exceptionMessage ?? '') };
  return undefined;
}
