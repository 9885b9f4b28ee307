// A TCP server on 127.0.0.1 that answers each HTTP request with exactly the bytes a test gives it, however
// broken: any status line, header or body. It records each request it read whole (head and body).
import { createServer, type Socket } from 'node:net';

export interface RawAnswer {
  /** Written as is (latin1 for a string). */
  bytes: string | Uint8Array;
  /** End the connection after writing (default true); false keeps it open, as a server that never finishes. */
  close?: boolean;
  /** Reset the connection instead of answering: the request is dropped unprocessed. */
  drop?: boolean;
}

/** The connection a request arrived on. */
export interface RawConnection {
  /** 1 for the server's first connection. */
  readonly id: number;
  /** Since this connection's last answer was written, in ms; undefined for its first request. */
  readonly idleMs: number | undefined;
}

export interface RawServer {
  readonly url: string;
  /** Each request read whole, as latin1 text. */
  readonly requests: string[];
  /** Sets the answer to every request from now on. */
  answer(next: RawAnswer | ((request: string, connection: RawConnection) => RawAnswer)): void;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startRawServer(): Promise<RawServer> {
  let answer: (request: string, connection: RawConnection) => RawAnswer = () => ({ bytes: 'HTTP/1.1 500 Not Set\r\ncontent-length: 0\r\n\r\n' });
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    const id = ++connections;
    let answeredAt: number | undefined;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        const request = buffered.subarray(0, end + 4 + length).toString('latin1');
        buffered = buffered.subarray(end + 4 + length);
        requests.push(request);
        const reply = answer(request, { id, idleMs: answeredAt === undefined ? undefined : performance.now() - answeredAt });
        if (reply.drop) {
          socket.resetAndDestroy();
          return;
        }
        answeredAt = performance.now();
        socket.write(typeof reply.bytes === 'string' ? Buffer.from(reply.bytes, 'latin1') : reply.bytes);
        if (reply.close !== false) {
          socket.end();
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    answer(next) {
      answer = typeof next === 'function' ? next : () => next;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
