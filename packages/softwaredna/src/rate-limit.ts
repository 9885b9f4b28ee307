// software_DNA's request budget per period (FACTS §5.3): the limit is undocumented, and a 429 carries
// `X-RateLimit-Reset`, the number of seconds until the period ends (not an instant).
import type { WireResponse } from '@creditkit/core';
import { headerOf, type QuotaReading } from '@creditkit/core/internal';

/** On a 429: the period is spent for this long. Anything else says nothing of the budget. */
export function periodSpent(response: WireResponse): QuotaReading | undefined {
  if (response.status !== 429) return undefined;
  const raw = headerOf(response.headers, 'x-ratelimit-reset');
  const seconds = raw === null ? Number.NaN : Number(raw.trim());
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= 86_400 ? { period: { spentForMs: seconds * 1000 } } : undefined;
}
