// The request benchmark is only fair if every FinerWorks contender puts the same request on the wire and
// reads the same answer: checked here against a recording server, with raw `node:http` as the reference.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENDERS, REFERENCE } from './contenders.js';
import { ACCOUNTADMIN_ANSWER_JSON, ACCOUNTADMIN_ANSWER_XML, ACCOUNTADMIN_TOKEN_ANSWER, ACCOUNTADMIN_TOKEN_PATH, FINERWORKS_ANSWER, FINERWORKS_INPUT, FINERWORKS_KEYS, FINERWORKS_PATH } from './fixtures.js';

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let baseUrl: string;
const recorded: Recorded[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      recorded.push({ method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const xml = (req.headers.accept ?? '').includes('xml');
      const body = path === FINERWORKS_PATH ? FINERWORKS_ANSWER : path === ACCOUNTADMIN_TOKEN_PATH ? ACCOUNTADMIN_TOKEN_ANSWER : xml ? ACCOUNTADMIN_ANSWER_XML : ACCOUNTADMIN_ANSWER_JSON;
      res.writeHead(200, { 'content-type': xml ? 'application/xml' : 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends one request through a contender; its answer and the FinerWorks request it put on the wire, if any. */
async function sendOnce(spec: (typeof CONTENDERS)[number]): Promise<{ ok: boolean; finerWorks?: Recorded }> {
  const contender = spec.create(baseUrl);
  const from = recorded.length;
  try {
    const ok = spec.check(await contender.send());
    return { ok, finerWorks: recorded.slice(from).find((r) => r.path === FINERWORKS_PATH) };
  } finally {
    await contender.close?.();
  }
}

/** What a FinerWorks server reads of a request: the rest (user-agent, connection, …) is each client's own. */
const meaning = (r: Recorded) => ({
  method: r.method,
  path: r.path,
  contentType: r.headers['content-type'],
  accept: r.headers.accept,
  webApiKey: r.headers.web_api_key,
  appKey: r.headers.app_key,
  body: JSON.parse(r.body) as unknown,
});

describe('bench contenders', () => {
  it('raw node:http sends the FinerWorks request and parses its answer', async () => {
    const { ok, finerWorks } = await sendOnce(CONTENDERS.find((c) => c.name === REFERENCE)!);
    expect(ok).toBe(true);
    expect(meaning(finerWorks!)).toEqual({
      method: 'POST',
      path: FINERWORKS_PATH,
      contentType: 'application/json',
      accept: 'application/json',
      webApiKey: FINERWORKS_KEYS.webApiKey,
      appKey: FINERWORKS_KEYS.appKey,
      body: FINERWORKS_INPUT,
    });
  });

  it('every FinerWorks contender, got and creditkit included, sends what raw node:http sends', async () => {
    const reference = meaning((await sendOnce(CONTENDERS.find((c) => c.name === REFERENCE)!)).finerWorks!);
    const sent = new Map<string, ReturnType<typeof meaning>>();
    for (const spec of CONTENDERS) {
      const { ok, finerWorks } = await sendOnce(spec);
      expect(ok, `${spec.name} read the right answer`).toBe(true);
      if (finerWorks) sent.set(spec.name, meaning(finerWorks));
    }
    expect([...sent.keys()]).toEqual(expect.arrayContaining([REFERENCE, 'undici.request', 'fetch', 'openapi-fetch', 'axios', 'got', 'creditkit JSON']));
    for (const [name, request] of sent) expect({ name, ...request }).toEqual({ name, ...reference });
  });
});
