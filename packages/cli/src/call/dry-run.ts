// --dry-run: build the exact request through the real pipeline (validation, key, codecs, auth, signatures) and
// capture it instead of sending it: the client's `transport` option swaps the send stage, so nothing leaves
// whatever the provider's transport. An OAuth2 token request gets a placeholder token so the pipeline can go on to
// build the operation's request.
import { isSecretName, REDACTED, type Secrets, type Transport, type WireRequest } from '@creditkit/core';
import type { CliProvider } from '../providers.js';

export interface CapturedRequest {
  purpose: 'token' | 'operation';
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Thrown where the request would have been sent. */
class NotSent extends Error {}

const PLACEHOLDER_TOKEN = 'dry-run-placeholder-token';

export interface DryRun {
  /** Options to merge into the client's (the capturing transport, no retries). */
  options(provider: CliProvider): Record<string, unknown>;
  /** Runs the call and returns what would have been sent, redacted; rethrows a failure that came first (validation…). */
  capture(call: () => Promise<unknown>): Promise<CapturedRequest[]>;
}

export function dryRun(secrets: Secrets, baseUrl: string): DryRun {
  const captured: CapturedRequest[] = [];
  secrets.add(PLACEHOLDER_TOKEN);
  const record = (request: WireRequest, purpose: CapturedRequest['purpose']) => {
    captured.push(redact({ purpose, method: request.method, url: request.url, headers: Object.fromEntries(Object.entries(request.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), ...(request.body !== undefined ? { body: request.body } : {}) }, secrets));
  };

  return {
    options(provider) {
      const tokenUrls = new Set(
        Object.values(provider.spec.securitySchemes).flatMap((s) => (s.tokenUrl ? [/^https?:/.test(s.tokenUrl) ? s.tokenUrl : `${baseUrl}${s.tokenUrl}`] : [])),
      );
      const transport: Transport = async (request) => {
        if (tokenUrls.has(request.url)) {
          record(request, 'token');
          const body = new TextEncoder().encode(JSON.stringify({ access_token: PLACEHOLDER_TOKEN, token_type: 'bearer', expires_in: 3600 }));
          return { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body };
        }
        record(request, 'operation');
        throw new NotSent('dry run');
      };
      return { transport, maxRetries: 0 };
    },
    async capture(call) {
      try {
        await call();
      } catch (error) {
        if (!captured.some((c) => c.purpose === 'operation')) throw error;
      }
      return captured;
    },
  };
}

/** Secrets by name (headers, query, JSON and form fields) and by value (every credential in use). */
function redact(request: CapturedRequest, secrets: Secrets): CapturedRequest {
  const out: CapturedRequest = { ...request, url: secrets.url(request.url), headers: secrets.headers(request.headers) };
  if (request.body !== undefined) out.body = redactBody(request.body, request.headers['content-type'] ?? '', secrets);
  return out;
}

function redactBody(body: string, contentType: string, secrets: Secrets): string {
  if (contentType.includes('json')) {
    try {
      const parsed = JSON.parse(body) as unknown;
      const scrubbed = secrets.scrubValue(parsed);
      // Keep the exact bytes unless a secret-named field had to be masked.
      if (JSON.stringify(scrubbed) !== JSON.stringify(parsed)) return JSON.stringify(scrubbed);
    } catch {}
  }
  if (contentType.includes('x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    for (const key of [...form.keys()]) if (isSecretName(key)) form.set(key, REDACTED);
    return secrets.scrub(form.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
  }
  return secrets.scrub(body);
}
