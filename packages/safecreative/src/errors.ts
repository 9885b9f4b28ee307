// Safe Creative answers failures with HTTP 200 and an `<error>` or `<exception>` document (FACTS §1.5); the
// spec admits both roots, so they decode into typed objects and this turns them into a ProviderError.

interface ErrorDocument {
  errorId?: unknown;
  errorMessage?: unknown;
  exceptionId?: unknown;
  exceptionMessage?: unknown;
}

export function safeCreativeError(data: unknown): { code: string; message: string } | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as ErrorDocument;
  if (typeof d.errorId === 'string') return { code: d.errorId, message: String(d.errorMessage ?? '') };
  if (typeof d.exceptionId === 'string') return { code: d.exceptionId, message: String(d.exceptionMessage ?? '') };
  return undefined;
}
