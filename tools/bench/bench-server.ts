// The bench's HTTP server, run as a child process so that it never shares an event loop with the clients
// it answers. Loopback only, ephemeral port, keep-alive; fixed bodies. It reports its port to the parent
// over IPC and exits when the parent disconnects (or kills it by PID).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  ACCOUNTADMIN_ANSWER_JSON, ACCOUNTADMIN_ANSWER_XML, ACCOUNTADMIN_PATH, ACCOUNTADMIN_TOKEN_ANSWER, ACCOUNTADMIN_TOKEN_PATH,
  FINERWORKS_ANSWER, FINERWORKS_PATH,
} from './fixtures.js';

const counts: Record<string, number> = {};
const json = { 'content-type': 'application/json; charset=utf-8' };
const xml = { 'content-type': 'application/xml; charset=utf-8' };

function answer(req: IncomingMessage): { status: number; headers: Record<string, string>; body: string } {
  const path = (req.url ?? '/').split('?')[0]!;
  if (path === FINERWORKS_PATH) return { status: 200, headers: json, body: FINERWORKS_ANSWER };
  if (path === ACCOUNTADMIN_TOKEN_PATH) return { status: 200, headers: json, body: ACCOUNTADMIN_TOKEN_ANSWER };
  if (path === ACCOUNTADMIN_PATH) {
    const wantsXml = (req.headers.accept ?? '').includes('xml');
    return wantsXml ? { status: 200, headers: xml, body: ACCOUNTADMIN_ANSWER_XML } : { status: 200, headers: json, body: ACCOUNTADMIN_ANSWER_JSON };
  }
  return { status: 404, headers: json, body: '{"Message":"not found"}' };
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  // Read the whole request body first, as a real server does, then answer.
  req.resume();
  req.on('end', () => {
    const { status, headers, body } = answer(req);
    const key = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
    counts[key] = (counts[key] ?? 0) + 1;
    res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
// Connections stay open between rounds, so no run pays for a reconnect the others did not.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});

process.on('message', (message: unknown) => {
  if (message === 'counts') process.send?.({ counts });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
