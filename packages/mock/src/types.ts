// The contract between the HTTP server and each provider's simulator: a plain request in, a plain response out.
import type { IncomingHttpHeaders } from 'node:http';

/** A request as a {@link Simulator} gets it. */
export interface SimRequest {
  method: string;
  /** The path below the provider's prefix, e.g. `/v3/buy_account_credits`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw body, read on every method (GET included: software_DNA sends one). */
  body: Buffer;
  text: string;
}

/** What a {@link Simulator} answers. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** One provider's simulated API: a plain request in, a plain response out. Pass your own as `extraSimulators`. */
export interface Simulator {
  readonly id: string;
  /** Answers one request, as the provider would. */
  handle(request: SimRequest): SimResponse | Promise<SimResponse>;
  /** Forget all state (carts, purchases, tokens…). */
  reset(): void;
}

/** Every simulator takes a clock, so tests can move time (token expiry, rate windows, lockouts). */
export interface SimulatorOptions {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

export const xml = (status: number, body: string, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { 'content-type': 'application/xml; charset=utf-8', ...headers },
  body,
});

/** Parses a JSON body, or returns undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
