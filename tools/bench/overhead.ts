// Section 1: time per request against a local keep-alive server, creditkit against raw clients and peers.
// Rounds interleave the contenders (a different one goes first each round) so that drift — CPU frequency,
// GC, the other process — hits all of them alike; each figure is the median across rounds.
import { type Contender, CONTENDERS, createContenders, REFERENCE } from './contenders.js';
import type { BenchOptions } from './options.js';
import { fmt, ratio, type SectionResult, table } from './report.js';
import { inMemoryCost } from './in-memory.js';
import { startBenchServer } from './server-handle.js';
import { iqr, median, percentile } from './stats.js';
import type { Measurement, TargetId } from './targets.js';

type Options = BenchOptions['overhead'];

interface RoundFigures {
  /** Sequential (concurrency 1). */
  seqRps: number;
  p50: number;
  p99: number;
  /** Client process CPU time per sequential request, µs: robust to a busy machine, unlike wall time. */
  cpuUs: number;
  /** Fixed concurrency. */
  concRps: number;
}

/** Requests one after another; per-request latencies in ms. */
async function sequential(c: Contender, count: number, maxMs: number): Promise<{ latencies: number[]; rps: number; cpuUs: number }> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  while (latencies.length < count && performance.now() - started < maxMs) {
    const t = performance.now();
    await c.send();
    latencies.push(performance.now() - t);
  }
  const rps = latencies.length / ((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  return { latencies, rps, cpuUs: (used.user + used.system) / latencies.length };
}

/** `concurrency` requests in flight until `count` are done. */
async function concurrent(c: Contender, count: number, concurrency: number, maxMs: number): Promise<number> {
  let issued = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < count && performance.now() - started < maxMs) {
      issued++;
      await c.send();
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

async function round(c: Contender, o: Options): Promise<RoundFigures> {
  const seq = await sequential(c, o.sequential, o.maxMsPerRun);
  const concRps = await concurrent(c, o.concurrent, o.concurrency, o.maxMsPerRun);
  return { seqRps: seq.rps, p50: percentile(seq.latencies, 50), p99: percentile(seq.latencies, 99), cpuUs: seq.cpuUs, concRps };
}

export async function runOverhead(o: Options): Promise<SectionResult> {
  const began = performance.now();
  const server = await startBenchServer();
  let contenders: Contender[] = [];
  try {
    contenders = await createContenders(server.baseUrl);
    for (const c of contenders) {
      await sequential(c, o.warmup, o.maxMsPerRun);
      await concurrent(c, o.warmup, o.concurrency, o.maxMsPerRun);
    }
    const rounds: Map<string, RoundFigures>[] = [];
    for (let r = 0; r < o.rounds; r++) {
      const figures = new Map<string, RoundFigures>();
      for (let i = 0; i < contenders.length; i++) {
        const c = contenders[(i + r) % contenders.length]!;
        figures.set(c.name, await round(c, o));
      }
      rounds.push(figures);
      process.stderr.write(`  overhead: round ${r + 1}/${o.rounds} done\n`);
    }
    const counts = await server.counts();
    const inMemory = await inMemoryCost(o.rounds, o.inMemoryCalls);
    return { ...summarize(rounds, o, counts, inMemory), ms: performance.now() - began };
  } finally {
    for (const c of contenders) await c.close?.();
    await server.stop();
  }
}

/** Per-round ratios of time per request (1 / req/s) of `a` to `b`: paired, so drift between rounds cancels. */
const roundRatios = (rounds: Map<string, RoundFigures>[], a: string, b: string, key: 'seqRps' | 'concRps') => rounds.map((r) => r.get(b)![key] / r.get(a)![key]);

/** Their median across rounds. */
function pairedRatio(rounds: Map<string, RoundFigures>[], a: string, b: string, key: 'seqRps' | 'concRps'): number {
  return median(roundRatios(rounds, a, b, key));
}

/** The median with the spread of the middle half of the rounds, for the figures a target is judged on. */
function ratioWithSpread(values: number[]): string {
  const [low, high] = iqr(values);
  return `${ratio(median(values))} (IQR ${low.toFixed(2)}–${high.toFixed(2)})`;
}

/** Per-round ratios of client CPU per request of `a` to `b`. */
const cpuRatios = (rounds: Map<string, RoundFigures>[], a: string, b: string) => rounds.map((r) => r.get(a)!.cpuUs / r.get(b)!.cpuUs);

/** Their median across rounds. */
const cpuRatio = (rounds: Map<string, RoundFigures>[], a: string, b: string) => median(cpuRatios(rounds, a, b));

/** A target's figure: the median of per-round ratios, with their interquartile range. */
const measurement = (id: TargetId, ratios: number[]): Measurement => ({ id, value: median(ratios), iqr: iqr(ratios), samples: ratios.length });

/** creditkit's FinerWorks call against raw `node:http`, axios and got: issue 14's request rows. */
function issueMeasurements(rounds: Map<string, RoundFigures>[]): Measurement[] {
  const ck = 'creditkit JSON';
  return [
    measurement('sequential', roundRatios(rounds, ck, REFERENCE, 'seqRps')),
    measurement('concurrent', roundRatios(rounds, ck, REFERENCE, 'concRps')),
    measurement('cpu', cpuRatios(rounds, ck, REFERENCE)),
    measurement('axiosSequential', roundRatios(rounds, ck, 'axios', 'seqRps')),
    measurement('axiosConcurrent', roundRatios(rounds, ck, 'axios', 'concRps')),
    measurement('gotSequential', roundRatios(rounds, ck, 'got', 'seqRps')),
    measurement('gotConcurrent', roundRatios(rounds, ck, 'got', 'concRps')),
  ];
}

function summarize(rounds: Map<string, RoundFigures>[], o: Options, counts: Record<string, number>, inMemory: Map<string, number[]>): Omit<SectionResult, 'ms'> {
  const med = (name: string, key: keyof RoundFigures) => median(rounds.map((r) => r.get(name)![key]));
  const rows = CONTENDERS.map((c) => [
    `**${c.name}**: ${c.what}`,
    fmt(med(c.name, 'seqRps')),
    fmt(med(c.name, 'p50'), 3),
    fmt(med(c.name, 'p99'), 3),
    ratio(pairedRatio(rounds, c.name, REFERENCE, 'seqRps')),
    fmt(med(c.name, 'cpuUs')),
    ratio(cpuRatio(rounds, c.name, REFERENCE)),
    fmt(med(c.name, 'concRps')),
    ratio(pairedRatio(rounds, c.name, REFERENCE, 'concRps')),
  ]);
  const spread = (b: string, key: 'seqRps' | 'concRps') => ratioWithSpread(roundRatios(rounds, 'creditkit JSON', b, key));
  const tokenFetches = counts['POST /Token'] ?? 0;
  const bare = inMemory.get('openapi-fetch')!;
  const inMemoryRows = [...inMemory].map(([name, us]) => [
    name,
    fmt(median(us)),
    name === 'openapi-fetch' ? '—' : `+${fmt(median(us.map((u, i) => u - bare[i]!)))}`,
    name === 'openapi-fetch' ? '1.00×' : ratioWithSpread(us.map((u, i) => u / bare[i]!)),
  ]);
  const markdown = `
A keep-alive \`node:http\` server on 127.0.0.1 (ephemeral port) in its own Node process answers fixed bodies: a
valid FinerWorks \`buy_account_credits\` answer (${'`'}/v3/buy_account_credits${'`'}), the 2sms token (\`/Token\`) and the
vendor page's 2sms sample (JSON or XML by \`Accept\`, without its filled-in \`Error\` block, which the spec reads as a
failure). Every JSON contender sends the same FinerWorks request (POST, JSON body, the two key headers) and parses
the answer. The creditkit clients are the built packages (\`dist/\`), default options (2 retries, 60 s timeout, no
logger).

${o.rounds} rounds; in each, every contender (a different one first each round) runs ${fmt(o.sequential)} sequential
requests (latency; req/s) then ${fmt(o.concurrent)} requests with ${o.concurrency} in flight (throughput), after
${fmt(o.warmup)} + ${fmt(o.warmup)} warm-up requests each. Figures are medians across rounds; "× node:http" is the median of
the per-round ratios of time per request (1 / req/s) to the raw \`node:http\` call in the same round (lower is faster):
the cost of a library over writing the request by hand. "Client CPU" is the bench process's CPU time (user + system)
per sequential request: the client's own work, whatever the load of the machine; its "× node:http" is the median of
the per-round CPU ratios.

${table(['contender', 'sequential req/s', 'p50 ms', 'p99 ms', '× node:http (seq)', 'client CPU µs/req (seq)', '× node:http (CPU)', `${o.concurrency} in flight req/s`, `× node:http (${o.concurrency})`], rows)}

creditkit JSON (its default transport in Node, \`node:http\`) against raw \`node:http\`: ${spread(REFERENCE, 'seqRps')} sequential,
${spread(REFERENCE, 'concRps')} at ${o.concurrency} in flight, ${ratioWithSpread(cpuRatios(rounds, 'creditkit JSON', REFERENCE))} the client CPU (median and
interquartile range of the per-round ratios: this machine is shared, so a ratio near a target can land on either
side of it from one run to the next). Against axios: ${spread('axios', 'seqRps')} and ${spread('axios', 'concRps')}; against got:
${spread('got', 'seqRps')} and ${spread('got', 'concRps')}; against bare openapi-fetch (over Node's \`fetch\`):
${spread('openapi-fetch', 'seqRps')} and ${spread('openapi-fetch', 'concRps')}. Node 20's WHATWG \`fetch\` builds \`Request\`, \`Response\` and
web streams for every request (raw \`fetch\` is ${ratio(pairedRatio(rounds, 'fetch', REFERENCE, 'seqRps'))} raw \`node:http\` here, and openapi-fetch adds its own
\`Request\` on top); \`undici.request\`, axios and got do not. Sent through Node's \`fetch\` instead (the \`fetch\` option),
the same creditkit call is ${ratio(pairedRatio(rounds, 'creditkit JSON, fetch', 'openapi-fetch', 'seqRps'))} bare openapi-fetch's time per request sequential and
${ratio(pairedRatio(rounds, 'creditkit JSON, fetch', 'openapi-fetch', 'concRps'))} at ${o.concurrency} in flight: that is the pipeline's own cost over the same transport.
The 2sms client fetched its OAuth2 token ${tokenFetches} time(s) for the whole run (cached, as designed); the
server answered ${fmt(Object.values(counts).reduce((a, b) => a + b, 0))} requests.

**The client's own cost, network excluded.** The same calls with an injected \`fetch\` that answers from memory
(same bodies), ${fmt(o.inMemoryCalls)} calls per client per round, ${o.rounds} rounds interleaved; client CPU µs per call, median
across rounds, and the per-round ratio to openapi-fetch (median, interquartile range). This is what each request pays on top of the transport, whatever the network and the machine's load:

${table(['client', 'CPU µs per call', 'over openapi-fetch', '× openapi-fetch'], inMemoryRows)}
`;
  return { title: 'Overhead per request', markdown, targets: [], measurements: issueMeasurements(rounds) };
}
