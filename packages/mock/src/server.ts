// One HTTP server on 127.0.0.1 (ephemeral port) hosting every simulator under its own prefix:
// `url('fusebill')` -> http://127.0.0.1:PORT/fusebill. The fault plan sits in front of all of them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MOCK_CREDENTIALS, type MockCredentials } from './credentials.js';
import { type Fault, FaultPlan } from './faults.js';
import { simulatorFactories, type SimulatorId } from './simulators/index.js';
import type { SimRequest, SimResponse, Simulator } from './types.js';

/** Options of {@link startMockServer}. */
export interface MockServerOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Which simulators to host; default all. */
  providers?: readonly SimulatorId[];
  credentials?: Partial<MockCredentials>;
  /** The simulators' clock (ms since the epoch). */
  now?: () => number;
  /** Seed of the fault plan's randomness. */
  seed?: number;
  /** Larger request bodies are refused with 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Keep this many recorded requests (oldest dropped). Default 1000. */
  keepRequests?: number;
  /** Your own simulators, hosted under their `id` beside the built-in ones (same fault plan, same recording). */
  extraSimulators?: readonly Simulator[];
}

/** One request as it arrived at the mock server. */
export interface RecordedRequest {
  provider: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A running mock server: the simulators of the providers on one local port, their fault plan, and what arrived. */
export interface MockServer {
  readonly port: number;
  readonly origin: string;
  /** Base URL to give a client as `baseUrl`. */
  url(provider: SimulatorId | (string & {})): string;
  readonly credentials: MockCredentials;
  readonly simulators: { [K in SimulatorId]: ReturnType<(typeof simulatorFactories)[K]> };
  readonly faults: FaultPlan;
  /** What arrived on the wire, newest last. */
  readonly requests: RecordedRequest[];
  /** Forget state, recorded requests and faults. */
  reset(): void;
  /** Stops the server and ends its open connections. */
  close(): Promise<void>;
}

/**
 * Starts the simulators on one HTTP server on 127.0.0.1 (an ephemeral port unless `port` is given); each provider is
 * served under its id, see {@link MockServer.url}.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const credentials = { ...MOCK_CREDENTIALS, ...options.credentials } as MockCredentials;
  const ids = (options.providers ?? (Object.keys(simulatorFactories) as SimulatorId[])).slice();
  const simulators = {} as Record<SimulatorId, Simulator>;
  for (const id of ids) {
    const factory = simulatorFactories[id] as (o: object) => Simulator;
    simulators[id] = factory({ credentials: credentials[id], ...(options.now ? { now: options.now } : {}) });
  }
  for (const extra of options.extraSimulators ?? []) (simulators as Record<string, Simulator>)[extra.id] = extra;
  const faults = new FaultPlan(options.seed);
  const requests: RecordedRequest[] = [];
  const keep = options.keepRequests ?? 1000;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: `simulator error: ${String(error)}` });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, prefix = '', ...rest] = url.pathname.split('/');
    // Own properties only: `/constructor/x` or `/__proto__/x` is a 404, not a TypeError answered as 500.
    const id = prefix.toLowerCase();
    const simulator = Object.hasOwn(simulators, id) ? (simulators as Record<string, Simulator>)[id] : undefined;
    if (!simulator) return send(res, { status: 404, headers: { 'content-type': 'text/plain' }, body: `no simulator at /${prefix}` });
    const body = await readBody(req, maxBody);
    if (!body) return send(res, { status: 413, headers: { 'content-type': 'text/plain' }, body: 'request body too large' });
    const request: SimRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: `/${rest.join('/')}`,
      query: url.searchParams,
      headers: req.headers,
      body,
      text: body.toString('utf8'),
    };
    requests.push({ provider: simulator.id, method: request.method, path: request.path, query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, body: request.text });
    if (requests.length > keep) requests.splice(0, requests.length - keep);

    const requestId = req.headers['x-request-id'];
    const fault = faults.take(simulator.id, request.method, request.path, typeof requestId === 'string' ? requestId : undefined);
    if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'reset-before') return void req.socket.destroy();
    if (fault?.kind === 'status') return send(res, injectedStatus(fault));
    const response = await simulator.handle(request);
    if (fault) return applyAfterFault(fault, res, response);
    send(res, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    credentials,
    simulators: simulators as MockServer['simulators'],
    faults,
    requests,
    url: (provider) => `${origin}/${provider}`,
    reset() {
      for (const s of Object.values(simulators)) s.reset();
      requests.length = 0;
      faults.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The answer of a `status` or `status-after` fault: its status, a JSON body unless it gives its own. */
const injectedStatus = (fault: { status: number; headers?: Record<string, string>; body?: string }): SimResponse => ({
  status: fault.status,
  headers: { 'content-type': 'application/json', ...fault.headers },
  body: fault.body ?? JSON.stringify({ Message: `injected ${fault.status}` }),
});

function applyAfterFault(fault: Fault, res: ServerResponse, response: SimResponse): void {
  switch (fault.kind) {
    case 'reset-after':
      return void res.socket?.destroy();
    case 'status-after':
      send(res, injectedStatus(fault));
      return;
    case 'stall-after':
      // Nothing is written: the client's timeout ends the exchange (close() destroys what is left).
      return;
    case 'truncate-after': {
      const body = response.body ?? '';
      res.writeHead(response.status, { ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => res.socket?.destroy(), 5);
      return;
    }
    case 'malformed-after':
      send(res, { ...response, status: 200, body: `${(response.body ?? '').slice(0, 7)}\u0000<<garbled` });
      return;
    case 'oversize': {
      const body = response.body ?? '';
      send(res, { ...response, body: body.padEnd(Math.max(body.length, fault.bytes ?? 6 * 1024 * 1024), ' ') });
      return;
    }
    case 'invalid-utf8': {
      const body = Buffer.from(response.body ?? '');
      const at = [body.indexOf('"'), body.indexOf('>')].find((i) => i >= 0) ?? -1;
      const bytes = Buffer.concat([body.subarray(0, at + 1), Buffer.from([0xc3, 0x28, 0xff]), body.subarray(at + 1)]);
      res.writeHead(response.status, { ...response.headers, 'content-length': String(bytes.length) });
      res.end(bytes);
      return;
    }
    case 'content-type':
      send(res, { ...response, headers: { ...response.headers, 'content-type': fault.contentType }, ...(fault.body !== undefined ? { body: fault.body } : {}) });
      return;
    case 'slow-body': {
      // No content-length: the body is chunked and never ends; it stops when the client goes away or the server closes.
      res.writeHead(response.status, response.headers);
      const body = response.body || ' ';
      let next = 0;
      const timer = setInterval(() => res.write(body[next++ % body.length]!), fault.intervalMs ?? 50);
      timer.unref();
      res.on('close', () => clearInterval(timer));
      return;
    }
    default:
      send(res, response);
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  const body = response.body ?? '';
  res.writeHead(response.status, { ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
