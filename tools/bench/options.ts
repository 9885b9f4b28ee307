// How much work each section does: the full run (`npm run bench`) or the CI smoke run (`-- --smoke`),
// which exercises every code path in seconds and proves nothing about speed.

export interface BenchOptions {
  smoke: boolean;
  /** Request benchmark: interleaved rounds, each with a sequential and a concurrent run per contender. */
  overhead: { rounds: number; warmup: number; sequential: number; concurrent: number; concurrency: number; maxMsPerRun: number; inMemoryCalls: number };
  /** XML decode: rounds of `documents` decodes per variant. */
  xml: { rounds: number; warmup: number; documents: number };
  /** Generation: cold runs of `npm run generate`, Nx runs without and with the cache, synthetic spec scales. */
  generation: { coldRuns: number; nxUncachedRuns: number; nxWarmRuns: number; scales: readonly number[] };
  /** Fresh Node processes per package. */
  coldStart: { runs: number };
  /** Response validation: rounds of `iterations` validations (and decodes) per body, and in-memory calls. */
  responseValidation: { rounds: number; warmup: number; iterations: number; calls: number };
  /** Requests on a reused keep-alive socket against requests on new connections, per interleaved round. */
  freshConnection: { rounds: number; warmup: number; requests: number };
  /** A Fusebill purchase with no store, then with each store (new intent, replay, quotas on), per interleaved round. */
  stores: { rounds: number; warmup: number; calls: number };
  /** A FinerWorks purchase raw, then through creditkit with no instrumenter, OTel with no SDK, OTel with an in-memory SDK. */
  telemetry: { rounds: number; warmup: number; calls: number };
}

export function benchOptions(smoke: boolean): BenchOptions {
  return smoke
    ? {
        smoke,
        overhead: { rounds: 2, warmup: 20, sequential: 60, concurrent: 160, concurrency: 16, maxMsPerRun: 2_000, inMemoryCalls: 100 },
        xml: { rounds: 2, warmup: 200, documents: 500 },
        generation: { coldRuns: 1, nxUncachedRuns: 0, nxWarmRuns: 1, scales: [2] },
        coldStart: { runs: 2 },
        responseValidation: { rounds: 2, warmup: 200, iterations: 500, calls: 100 },
        freshConnection: { rounds: 1, warmup: 5, requests: 10 },
        stores: { rounds: 1, warmup: 3, calls: 10 },
        telemetry: { rounds: 2, warmup: 20, calls: 30 },
      }
    : {
        smoke,
        overhead: { rounds: 9, warmup: 300, sequential: 500, concurrent: 1_500, concurrency: 16, maxMsPerRun: 20_000, inMemoryCalls: 2_000 },
        xml: { rounds: 7, warmup: 2_000, documents: 5_000 },
        generation: { coldRuns: 5, nxUncachedRuns: 3, nxWarmRuns: 5, scales: [1, 10, 100] },
        coldStart: { runs: 21 },
        responseValidation: { rounds: 7, warmup: 5_000, iterations: 20_000, calls: 2_000 },
        freshConnection: { rounds: 5, warmup: 200, requests: 400 },
        stores: { rounds: 7, warmup: 50, calls: 150 },
        telemetry: { rounds: 9, warmup: 500, calls: 1_000 },
      };
}
