// Section 6: what the stale keep-alive rule costs. node:http sends an unsafe call (a purchase) on a pooled socket
// only if it sat idle for less than 1 s; after a longer pause it opens a new connection, so that a server closing
// the idle socket can never leave a purchase in doubt. This measures one request on a reused keep-alive socket
// against one on a new connection, over loopback HTTP and HTTPS (a throwaway self-signed certificate made with
// openssl; the HTTPS row is left out when openssl is missing). Loopback has no network round trip: over a real
// network, add one round trip (TCP) plus one or two (TLS 1.3 / 1.2) to the new-connection figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent as HttpAgent, createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from './options.js';
import { fmt, type SectionResult, table } from './report.js';
import { median, percentile } from './stats.js';

type Options = BenchOptions['freshConnection'];
const BODY = '{"status":{"success":true},"credits":250}';

function certificate(): { key: Buffer; cert: Buffer } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'creditkit-bench-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const handler = (_req: unknown, res: { writeHead(s: number, h: Record<string, string>): void; end(b: string): void }) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BODY.length) });
  res.end(BODY);
};

async function listen(server: Server): Promise<number> {
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type Send = (agent: HttpAgent) => Promise<number>;

function sender(https: boolean, port: number): Send {
  const send = https ? httpsRequest : httpRequest;
  return (agent) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = send({ host: '127.0.0.1', port, path: '/v3/buy_account_credits', method: 'POST', agent, headers: { 'content-type': 'application/json' }, rejectUnauthorized: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - started));
      });
      req.on('error', reject);
      req.end('{"amount":250}');
    });
}

/** Interleaved rounds: `requests` on a warm keep-alive socket, then `requests` each on a new connection. */
async function measure(send: Send, https: boolean, o: Options): Promise<{ reused: number[]; fresh: number[] }> {
  const AgentClass = https ? HttpsAgent : HttpAgent;
  const pooled = new AgentClass({ keepAlive: true, maxSockets: 1 });
  const reused: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < o.warmup; i++) await send(pooled);
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < o.requests; i++) reused.push(await send(pooled));
    for (let i = 0; i < o.requests; i++) {
      // A fresh agent per request: a new TCP (and TLS) connection, as the rule opens after an idle pause.
      const once = new AgentClass({ keepAlive: false });
      fresh.push(await send(once));
      once.destroy();
    }
  }
  pooled.destroy();
  return { reused, fresh };
}

export async function runFreshConnection(o: Options): Promise<SectionResult> {
  const began = performance.now();
  const rows: string[][] = [];
  const tls = certificate();
  const setups: [string, Server, boolean][] = [['HTTP', createHttpServer(handler), false]];
  if (tls) setups.push(['HTTPS (TLS, RSA 2048)', createHttpsServer({ ...tls }, handler), true]);
  for (const [name, server, https] of setups) {
    const port = await listen(server);
    const { reused, fresh } = await measure(sender(https, port), https, o);
    const [r, f] = [median(reused), median(fresh)];
    rows.push([name, `${fmt(r, 3)} ms`, `${fmt(f, 3)} ms`, `+${fmt(f - r, 3)} ms`, `${fmt(percentile(reused, 99), 3)} / ${fmt(percentile(fresh, 99), 3)} ms`]);
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const markdown = `
An unsafe call (a purchase) goes out on a pooled keep-alive socket only when that socket was idle for less than
1 s (and for less than the server's announced \`Keep-Alive: timeout\` minus 1 s); otherwise it opens a new
connection, because a server that closes an idle socket just as a purchase goes out on it would leave that
purchase in doubt (\`OutcomeUnknownError\`) although it never arrived. Safe calls keep Node's usual reuse.
The cost is paid once per pause: calls that follow each other within a second share the connection.

One POST with a small JSON answer, node:http in the same process as the server, ${o.rounds} interleaved rounds of
${o.requests} requests per column after ${o.warmup} warm-up requests${tls ? '' : ' (openssl missing: no HTTPS row)'}.

${table(['loopback', 'reused socket (median)', 'new connection (median)', 'cost of the new connection', 'p99 reused / new'], rows)}

Over a real network a new connection adds one round trip for TCP and one (TLS 1.3) or two (TLS 1.2) for the
handshake: with a 30 ms round trip, about 60–90 ms once per purchase that follows a pause of a second or more.
`;
  return { title: 'Fresh connection for a purchase after an idle pause', markdown, targets: [], ms: performance.now() - began };
}
