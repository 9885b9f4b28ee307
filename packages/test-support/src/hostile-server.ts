// A server on 127.0.0.1 that answers whatever the test queued (status, content type, body), in order, for any
// path: the hostile peer of the CLI tests. The last answer repeats once the queue runs dry.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  status?: number;
  contentType?: string;
  body: string;
}

export interface HostileServer {
  url: string;
  /** Queues answers for the next requests. */
  answer(...answers: CannedAnswer[]): void;
  /** What arrived: method, path and headers of every request. */
  readonly requests: Pick<IncomingMessage, 'method' | 'url' | 'headers'>[];
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const queue: CannedAnswer[] = [];
  let last: CannedAnswer = { status: 500, contentType: 'text/plain', body: 'nothing queued' };
  const requests: HostileServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, headers: req.headers });
    req.resume().on('end', () => {
      last = queue.shift() ?? last;
      res.writeHead(last.status ?? 200, { 'content-type': last.contentType ?? 'application/json; charset=utf-8' });
      res.end(last.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer: (...answers) => void queue.push(...answers),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
