// The server side of the tiny provider: it counts purchases, so a test can prove "never twice".
import type { Simulator } from '@creditkit/mock';

export const TINY_KEY = 'tiny-secret-key-0042-DO-NOT-LEAK';

export interface TinySimulator extends Simulator {
  purchases: { key?: string; credits: number }[];
}

export function createTinySimulator(): TinySimulator {
  const purchases: TinySimulator['purchases'] = [];
  const reply = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    id: 'tiny',
    purchases,
    reset: () => void purchases.splice(0),
    handle(req) {
      if (req.headers['x-api-key'] !== TINY_KEY) return reply(401, { message: `bad key ${String(req.headers['x-api-key'])}` });
      const body = req.text ? (JSON.parse(req.text) as { key?: string; credits: number }) : undefined;
      if (req.path.startsWith('/balance/')) return reply(200, { account: req.path.slice(9), credits: purchases.length });
      if (req.path === '/buy-keyed') {
        if (purchases.some((p) => p.key === body!.key)) return reply(409, { message: `key ${body!.key} already used` });
        purchases.push(body!);
        return reply(200, { id: purchases.length, key: body!.key });
      }
      if (req.path === '/buy') {
        purchases.push(body!);
        return reply(200, { id: purchases.length });
      }
      // Echoes the caller's key, as careless servers do: the client must scrub it from errors and logs.
      return reply(404, { message: `no such path for key ${String(req.headers['x-api-key'])}` });
    },
  };
}
