// No secret in any span, event, attribute, status or metric: every provider (2sms in JSON and XML), with
// credentials made to break a scrubber, through a success, a retried 429 and a 500 whose bodies echo every secret,
// a connection dropped after processing, a timeout and a refused input. The Safe Creative simulator's clock is off,
// so its calls resynchronise (a clock_resync event); 2sms fetches a token (a token_fetch event and a side span).
import { type MockServer, startMockServer } from '@creditkit/mock';
import { openTelemetry } from '@creditkit/core/otel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, clientFor, liftRateLimits, type ProviderCase } from '../reliability/providers.js';
import { findSecrets, HOSTILE_CREDENTIALS, identifiers, secretValues } from '../reliability/secrets.js';
import { otelHarness } from './otel-harness.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ credentials: HOSTILE_CREDENTIALS, now: () => Date.now() + 90_000, keepRequests: 100_000 });
  liftRateLimits(mock);
});
afterAll(() => mock.close());

const otel = otelHarness();

/** A body and headers that repeat every credential of the case back. */
function echoing(c: ProviderCase) {
  const all = Object.values(HOSTILE_CREDENTIALS[c.id]).join(' ');
  const xml = c.id === 'safecreative' || c.options.format === 'xml';
  const body = xml ? `<error><errorId>Echo</errorId><errorMessage>bad key ${all.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</errorMessage></error>` : JSON.stringify({ Message: `bad key ${all}`, key: all });
  return { body, headers: { 'content-type': xml ? 'application/xml' : 'application/json', 'x-request-id': `req-${encodeURIComponent(all)}` } };
}

/** What reached the simulators that a client derived from its credentials: Bearer tokens, signatures. */
function derivedSecrets(): string[] {
  return mock.requests.flatMap((r) => [
    ...(typeof r.headers.authorization === 'string' ? [r.headers.authorization.replace(/^(Bearer|Basic) /, '')] : []),
    ...(typeof r.query.signature === 'string' ? [r.query.signature] : []),
  ]);
}

describe.each(CASES)('$label: traced with hostile credentials', (c) => {
  it('shows no form of any secret in the spans, events, statuses or metrics', async () => {
    otel.reset();
    const telemetry = openTelemetry({ tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider, propagateContext: true });
    const call = (options: Record<string, unknown> = {}, input = c.input(`tel-${Math.random()}`)) =>
      clientFor(c, mock, { telemetry, retry: { baseDelayMs: 1 }, ...options })(input).catch((e: unknown) => e);
    const echo = echoing(c);
    await call();
    mock.faults.add({ provider: c.id, tagged: false, fault: { kind: 'status', status: 429, headers: { ...echo.headers, 'Retry-After': '0' }, body: echo.body } });
    await call();
    mock.faults.add({ provider: c.id, fault: { kind: 'status', status: 500, ...echo }, times: 3 });
    await call();
    mock.faults.add({ provider: c.id, fault: { kind: 'reset-after' } });
    await call();
    mock.faults.add({ provider: c.id, fault: { kind: 'latency', ms: 300 } });
    await call({ timeoutMs: 100, maxRetries: 0 });
    // A refused input that carries a secret: the ValidationError's message is the span's status message.
    await call({}, { ...c.input('x'), [Object.keys(c.input('x'))[0]!]: Object.values(HOSTILE_CREDENTIALS[c.id]).join('|') });
    mock.faults.clear();

    const spans = otel.spans();
    const texts: [string, string][] = spans.map((s) => [s.name, JSON.stringify({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links })]);
    const metricPoints = await Promise.all(['creditkit.call.duration', 'creditkit.call.attempts', 'creditkit.rate_limit.wait'].map((m) => otel.points(m)));
    texts.push(['metrics', JSON.stringify(metricPoints.flat().map((p) => p.attributes))]);
    const secrets = secretValues(derivedSecrets(), HOSTILE_CREDENTIALS);
    expect(findSecrets(texts, secrets, identifiers(HOSTILE_CREDENTIALS))).toEqual([]);

    // The test saw what it meant to: the calls, their requests, their events.
    expect(spans.filter((s) => s.name.startsWith('creditkit ')).length).toBe(6);
    const events = new Set(spans.flatMap((s) => s.events.map((e) => e.name)));
    expect(events.has('creditkit.retry')).toBe(true);
    if (c.id === 'accountadmin') expect(events.has('creditkit.token_fetch')).toBe(true);
    if (c.id === 'safecreative') {
      expect(events.has('creditkit.clock_resync')).toBe(true);
      // The signed query's URL is in the CLIENT span, its signature masked.
      const urls = spans.map((s) => s.attributes['url.full']).filter((u): u is string => typeof u === 'string' && u.includes('signature='));
      expect(urls.length).toBeGreaterThan(0);
      for (const u of urls) expect(new URL(u).searchParams.get('signature')).toBe('[REDACTED]');
    }
    expect(mock.requests.some((r) => typeof r.headers.traceparent === 'string')).toBe(true);
  });
});
