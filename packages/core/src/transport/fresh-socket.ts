// A pooled keep-alive socket may already be closed by the server: it closes an idle socket at its own timeout,
// and a request written as its FIN is under way is lost. On a purchase that loss is indistinguishable from a
// purchase that went through and lost its answer (OutcomeUnknownError), so an unsafe request never goes out on a
// socket that may be stale: only on one idle for less than a short bound (and less than the server's announced
// `Keep-Alive: timeout` minus a margin), otherwise on a new connection. A reset is never read as "not processed".
import type { Agent, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The longest idle time after which an unsafe request still reuses a socket. Below the shortest idle timeouts
 * servers commonly use unannounced (gunicorn 2 s; Node and Apache 5 s, announced).
 */
export const UNSAFE_REUSE_MAX_IDLE_MS = 1000;
/** Kept from the server's announced timeout (as Node's agent keeps for every request). */
export const KEEP_ALIVE_HINT_MARGIN_MS = 1000;

interface Idle {
  since: number;
  /** `Keep-Alive: timeout=N`, in ms, when the server announced one. */
  hintMs?: number;
}

const idleSockets = new WeakMap<Socket, Idle>();

/** Notes when the socket that carried `res` went idle: once its answer was read whole. */
export function noteIdleAfter(res: IncomingMessage): void {
  const socket = res.socket;
  if (!socket) return;
  res.once('end', () => {
    const hintMs = keepAliveTimeoutMs(res.headers['keep-alive']);
    idleSockets.set(socket, { since: Date.now(), ...(hintMs !== undefined ? { hintMs } : {}) });
  });
}

/**
 * Closes the agent's free sockets that may be stale, so that the next request takes a fresh one or a new
 * connection. The agent hands out the last socket of a list (scheduling 'lifo') after skipping destroyed ones
 * at its front only: when the last one may be stale, every socket of that list is closed.
 */
export function dropStaleSockets(agent: Agent, now = Date.now()): void {
  for (const sockets of Object.values(agent.freeSockets)) {
    if (!sockets?.length) continue;
    const lastStale = mayBeStale(sockets[sockets.length - 1] as Socket, now);
    for (const socket of [...sockets]) if (lastStale || mayBeStale(socket as Socket, now)) socket.destroy();
  }
}

function mayBeStale(socket: Socket, now: number): boolean {
  const idle = idleSockets.get(socket);
  // A socket we did not see go idle: its age is unknown.
  if (!idle) return true;
  const idleFor = now - idle.since;
  if (idleFor >= UNSAFE_REUSE_MAX_IDLE_MS) return true;
  return idle.hintMs !== undefined && idleFor >= idle.hintMs - KEEP_ALIVE_HINT_MARGIN_MS;
}

function keepAliveTimeoutMs(header: string | string[] | undefined): number | undefined {
  const seconds = header === undefined ? undefined : /(?:^|[\s,])timeout=(\d+)/i.exec(String(header))?.[1];
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}
