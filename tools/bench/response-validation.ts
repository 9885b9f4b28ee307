// Section: what checking every 2xx body against its response schema costs. Each operation's generated
// `validateResponse` runs on the decoded vendor sample (or the bench server's answer); its time per body is
// set beside the codec's decode of the same text and beside the client's whole CPU cost per call, measured
// with the network taken out (the in-memory clients of section 1).
import { provider as accountadmin } from '@creditkit/accountadmin';
import type { OperationSpec } from '@creditkit/core';
import { type Codec, jsonCodec } from '@creditkit/core/internal';
import { provider as finerworks } from '@creditkit/finerworks';
import { provider as fusebill } from '@creditkit/fusebill';
import { provider as safecreative } from '@creditkit/safecreative';
import { provider as softwaredna } from '@creditkit/softwaredna';
import { xmlCodec } from '@creditkit/xml';
import { ACCOUNTADMIN_ANSWER_JSON, ACCOUNTADMIN_ANSWER_XML, FINERWORKS_ANSWER, SAFECREATIVE_PAGE_XML } from './fixtures.js';
import { inMemoryCost } from './in-memory.js';
import type { BenchOptions } from './options.js';
import { fmt, type SectionResult, table } from './report.js';
import { median } from './stats.js';

type Options = BenchOptions['responseValidation'];

interface Sample {
  name: string;
  operation: OperationSpec;
  codec: Codec;
  text: string;
  /** The in-memory client of section 1 that makes this call, when there is one. */
  call?: string;
}

const FUSEBILL_PAGE = JSON.stringify({
  reference: 'vh63k2jxu77291', name: 'Liscence Code', description: 'Premium Edition', purchaseId: 165111, customerId: 650594, productId: 46818,
  status: 'Active', createdDate: '2019-11-08T13:50:32', modifiedDate: '2019-11-08T13:50:32.64', id: 242593, uri: 'https://secure.fusebill.com/v1/purchaseProductItems/242593',
});
const SOFTWAREDNA_PAGE = JSON.stringify([{ Target: 'LICENSE', Name: 'Reports', Count: 5 }, { Target: 'EMAIL', Name: 'Reports', Count: 2 }]);

const SAMPLES: Sample[] = [
  { name: 'FinerWorks `buyAccountCredits` (JSON)', operation: finerworks.operations.buyAccountCredits!, codec: jsonCodec, text: FINERWORKS_ANSWER, call: 'creditkit JSON' },
  { name: '2sms `purchaseCredits` (JSON)', operation: accountadmin.operations.purchaseCredits!, codec: jsonCodec, text: ACCOUNTADMIN_ANSWER_JSON, call: 'creditkit 2sms JSON' },
  { name: '2sms `purchaseCredits` (XML)', operation: accountadmin.operations.purchaseCredits!, codec: xmlCodec, text: ACCOUNTADMIN_ANSWER_XML, call: 'creditkit XML' },
  { name: 'Fusebill `createPurchaseProductItem` (JSON)', operation: fusebill.operations.createPurchaseProductItem!, codec: jsonCodec, text: FUSEBILL_PAGE },
  { name: 'software_DNA `queryCredits` (JSON, 2 credits)', operation: softwaredna.operations.queryCredits!, codec: jsonCodec, text: SOFTWAREDNA_PAGE },
  { name: 'Safe Creative `userNewSale` (XML)', operation: safecreative.operations.userNewSale!, codec: xmlCodec, text: SAFECREATIVE_PAGE_XML },
];

/** CPU µs per run of `fn`, over `count` runs (CPU time, as the call figures: this machine is shared). */
function perRun(fn: () => unknown, count: number): number {
  let sink = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) sink += fn() ? 1 : 0;
  const used = process.cpuUsage(cpu);
  const us = (used.user + used.system) / count;
  if (sink !== count) throw new Error('a measured step returned nothing');
  return us;
}

export async function runResponseValidation(o: Options): Promise<SectionResult> {
  const began = performance.now();
  const measured = SAMPLES.map((s) => {
    const validate = s.operation.validateResponse;
    if (!validate) throw new Error(`${s.name}: no generated response validator`);
    const decoded = s.codec.decode(s.text, s.operation.responseShape);
    if (!validate(decoded)) throw new Error(`${s.name}: the sample does not pass its own schema`);
    const steps = { validate: () => validate(decoded), decode: () => s.codec.decode(s.text, s.operation.responseShape) };
    for (const step of Object.values(steps)) perRun(step, o.warmup);
    const rounds = { validate: [] as number[], decode: [] as number[] };
    for (let r = 0; r < o.rounds; r++) {
      // Alternate which step runs first in a round.
      const order = r % 2 ? (['decode', 'validate'] as const) : (['validate', 'decode'] as const);
      for (const step of order) rounds[step].push(perRun(steps[step], o.iterations));
    }
    return { sample: s, validateUs: median(rounds.validate), decodeUs: median(rounds.decode) };
  });
  const calls = await inMemoryCost(o.rounds, o.calls);
  const callUs = (name?: string) => (name ? median(calls.get(name) ?? [Number.NaN]) : Number.NaN);

  const rows = measured.map(({ sample, validateUs, decodeUs }) => {
    const call = callUs(sample.call);
    return [
      sample.name,
      fmt(validateUs * 1000, 0),
      fmt(decodeUs, 2),
      `${fmt((100 * validateUs) / decodeUs, 1)} %`,
      Number.isFinite(call) ? fmt(call, 0) : '—',
      Number.isFinite(call) ? `${fmt((100 * validateUs) / call, 2)} %` : '—',
    ];
  });
  for (const row of rows) process.stderr.write(`  response validation: ${row.join(' | ')}\n`);

  const markdown = `
The generated \`validateResponse\` of each operation (Ajv standalone code, as the request validators) runs on the
decoded body: the bench server's answers for FinerWorks and 2sms, the vendor pages' samples for the others.
${o.rounds} rounds of ${fmt(o.iterations)} runs per step (which step goes first alternates) after ${fmt(o.warmup)} warm-up runs;
figures are medians across rounds, in CPU time. "Call CPU" is the client's CPU time per whole call with an in-memory \`fetch\`
(section 1's method, ${o.rounds} rounds of ${fmt(o.calls)} calls): validation's share of what a call costs the client.

${table(['body', 'validate ns (CPU)', 'decode µs (codec, CPU)', 'validate / decode', 'call CPU µs', 'share of a call'], rows)}

A body is validated once per call, after the body-level error checks, so the share above is what typed results
cost each successful call. Over a real network a call also waits for the server, so the share of wall time is
smaller still.
`;
  return { title: 'Response validation', markdown, targets: [], ms: performance.now() - began };
}
