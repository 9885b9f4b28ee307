// The README's span tree is this test's output: one retried 2sms purchase (its token fetched first, then a 429 with
// Retry-After, then the purchase), traced through an in-memory SDK. `CREDITKIT_UPDATE_DOCS=1` rewrites the README's
// listing; otherwise the test fails when the README no longer shows what a real run produces.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccountAdminClient } from '@creditkit/accountadmin';
import { openTelemetry } from '@creditkit/core/otel';
import { useMockServer } from '@creditkit/test-support';
import { REQUEST_JSON } from '@creditkit/test-support/accountadmin-page-samples';
import { expect, it } from 'vitest';
import { otelHarness } from './otel-harness.js';
import { spanTree } from './span-tree.js';

const mock = useMockServer({ providers: ['accountadmin'] });
const README = join(import.meta.dirname, '..', '..', 'README.md');
const START = '<!-- span-tree: tools/telemetry/span-tree.test.ts -->';
const END = '<!-- /span-tree -->';

it('the README shows the span tree of a retried purchase, as a real run prints it', async () => {
  const otel = otelHarness();
  const client = createAccountAdminClient({
    ...mock.credentials.accountadmin, baseUrl: mock.url('accountadmin'),
    telemetry: openTelemetry({ tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider }),
  });
  mock.faults.add({ provider: 'accountadmin', path: 'PurchaseCredits', fault: { kind: 'status', status: 429, headers: { 'Retry-After': '1' } } });
  await client.purchaseCredits(JSON.parse(REQUEST_JSON), { intentId: 'order-2041' });

  const tree = spanTree(otel.spans());
  expect(tree.split('\n')[0]).toBe('creditkit accountadmin.purchaseCredits  [INTERNAL]');
  const block = `${START}\n\`\`\`text\n${tree}\n\`\`\`\n${END}`;
  const readme = readFileSync(README, 'utf8');
  const at = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (process.env.CREDITKIT_UPDATE_DOCS === '1') {
    expect(at, `README.md has no ${START} marker`).toBeGreaterThanOrEqual(0);
    writeFileSync(README, readme.slice(0, at) + block + readme.slice(end + END.length));
  } else {
    expect(readme.slice(at, end + END.length)).toBe(block);
  }
});
