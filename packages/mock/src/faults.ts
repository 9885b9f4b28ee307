// A fault plan: rules that make the next matching requests fail in a chosen way, so that every retry and
// "never twice" rule of the clients can be shown on the wire. Random plans are seeded and repeatable.

/** How a matching request fails: one of the kinds below, named by `kind`. */
export type Fault =
  /** Wait before handling. */
  | { kind: 'latency'; ms: number }
  /** Drop the connection before the simulator sees the request: nothing happened server-side. */
  | { kind: 'reset-before' }
  /** Let the simulator process the request, then drop the connection: it happened, the client cannot know. */
  | { kind: 'reset-after' }
  /** Process, send headers and half the body, then drop the connection. */
  | { kind: 'truncate-after' }
  /** Process, then answer 200 with a body that is not what the content type says. */
  | { kind: 'malformed-after' }
  /** Process, then answer with the body padded to `bytes` (default 6 MiB, past a client's 5 MiB default bound). */
  | { kind: 'oversize'; bytes?: number }
  /** Process, then answer with bytes that are not UTF-8 inside the body (after its first `"` or `>`). */
  | { kind: 'invalid-utf8' }
  /** Process, then answer with this content type (an HTML page, text/plain, JSON on XML…), and this body if given. */
  | { kind: 'content-type'; contentType: string; body?: string }
  /** Process, send the headers, then one byte of body every `intervalMs` (default 50), never finishing. */
  | { kind: 'slow-body'; intervalMs?: number }
  /** Answer this status without processing (a 429 or 503 with hint headers, a 500…). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /**
   * Let the simulator process the request, then answer this status instead of its answer: a 500 from a crash
   * after the purchase was written, a 502/504 from a gateway that lost the answer. It happened; the answer says no.
   */
  | { kind: 'status-after'; status: number; headers?: Record<string, string>; body?: string }
  /** Let the simulator process the request, then send nothing, holding the connection until the client leaves. */
  | { kind: 'stall-after' };

/** Which requests a fault hits, and how many of them. */
export interface FaultRule {
  fault: Fault;
  /** Only for this provider id. */
  provider?: string;
  /** Only for paths containing this text (case-insensitive). */
  path?: string;
  method?: string;
  /**
   * Only requests that carry an `x-request-id` (a client's own call, tagged by its caller), not the side requests a
   * client makes on its own (a token, a clock read): so every fault can be traced to the call it met.
   */
  tagged?: boolean;
  /** How many matching requests to hit; default 1. `Infinity` for all. */
  times?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Hit a matching request with this probability (seeded), instead of every one. */
  probability?: number;
}

interface ActiveRule extends FaultRule {
  hits: number;
  seen: number;
}

/**
 * Rules that make the next matching requests fail in a chosen way, so that each retry and "never twice" rule of the
 * clients can be shown on the wire. Its randomness is seeded, so a plan repeats.
 */
export class FaultPlan {
  readonly #rules: ActiveRule[] = [];
  #random: () => number;
  /** Every fault injected so far, in order; `requestId` is the request's `x-request-id` header, when it sent one. */
  readonly injected: { provider: string; path: string; kind: Fault['kind']; requestId?: string }[] = [];

  constructor(seed = 1) {
    this.#random = mulberry32(seed);
  }

  /** Adds rules, checked in the order added; returns the plan, for chaining. */
  add(...rules: FaultRule[]): this {
    for (const r of rules) this.#rules.push({ ...r, hits: 0, seen: 0 });
    return this;
  }

  /** Removes every rule and forgets the faults injected; with `seed`, restarts the randomness from it. */
  clear(seed?: number): void {
    this.#rules.length = 0;
    this.injected.length = 0;
    if (seed !== undefined) this.#random = mulberry32(seed);
  }

  /** The fault to apply to this request, if any (each rule's budget is consumed as it fires). */
  take(provider: string, method: string, path: string, requestId?: string): Fault | undefined {
    for (const rule of this.#rules) {
      if (rule.provider && rule.provider !== provider) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path && !path.toLowerCase().includes(rule.path.toLowerCase())) continue;
      if (rule.tagged && requestId === undefined) continue;
      if (rule.hits >= (rule.times ?? 1)) continue;
      rule.seen++;
      if (rule.seen <= (rule.skip ?? 0)) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      rule.hits++;
      this.injected.push({ provider, path, kind: rule.fault.kind, ...(requestId !== undefined ? { requestId } : {}) });
      return rule.fault;
    }
    return undefined;
  }
}

/** Small, fast, seeded PRNG (public domain). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
