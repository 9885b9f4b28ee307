// Part of section 1: the client's own cost per call with the network taken out. Each client gets an injected
// `fetch` answering from memory, so what is left is its pipeline: request building, validation, plugins,
// body reading and decoding. CPU time, which a busy machine disturbs far less than wall time.
import { createAccountAdminClient } from '@creditkit/accountadmin';
import { createFinerWorksClient } from '@creditkit/finerworks';
import createOpenApiClient from 'openapi-fetch';
import type { paths } from '../../packages/finerworks/src/generated/schema.js';
import {
  ACCOUNTADMIN_ANSWER_JSON, ACCOUNTADMIN_ANSWER_XML, ACCOUNTADMIN_INPUT, ACCOUNTADMIN_KEYS, ACCOUNTADMIN_TOKEN_ANSWER, FINERWORKS_ANSWER, FINERWORKS_HEADERS,
  FINERWORKS_INPUT, FINERWORKS_KEYS, FINERWORKS_PATH,
} from './fixtures.js';

const BASE = 'http://127.0.0.1:9';

/** Answers like the bench server, without a socket. */
const answering = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const { pathname } = new URL(request.url);
  if (pathname === '/Token') return new Response(ACCOUNTADMIN_TOKEN_ANSWER, { headers: { 'content-type': 'application/json' } });
  if (pathname === FINERWORKS_PATH) return new Response(FINERWORKS_ANSWER, { headers: { 'content-type': 'application/json' } });
  const xml = (request.headers.get('accept') ?? '').includes('xml');
  return new Response(xml ? ACCOUNTADMIN_ANSWER_XML : ACCOUNTADMIN_ANSWER_JSON, { headers: { 'content-type': xml ? 'application/xml' : 'application/json' } });
}) as typeof fetch;

function clients(): [string, () => Promise<unknown>][] {
  const bare = createOpenApiClient<paths>({ baseUrl: BASE, fetch: answering });
  const fw = createFinerWorksClient({ ...FINERWORKS_KEYS, baseUrl: BASE, fetch: answering });
  const aaXml = createAccountAdminClient({ ...ACCOUNTADMIN_KEYS, baseUrl: BASE, format: 'xml', fetch: answering });
  const aaJson = createAccountAdminClient({ ...ACCOUNTADMIN_KEYS, baseUrl: BASE, format: 'json', fetch: answering });
  return [
    ['openapi-fetch', () => bare.POST(FINERWORKS_PATH, { body: FINERWORKS_INPUT, headers: { accept: 'application/json', ...FINERWORKS_HEADERS } })],
    ['creditkit JSON', () => fw.buyAccountCredits(FINERWORKS_INPUT)],
    ['creditkit XML', () => aaXml.purchaseCredits(ACCOUNTADMIN_INPUT)],
    ['creditkit 2sms JSON', () => aaJson.purchaseCredits(ACCOUNTADMIN_INPUT)],
  ];
}

/** Client CPU µs per call, one sample per round for each client, rounds interleaved. */
export async function inMemoryCost(rounds: number, calls: number): Promise<Map<string, number[]>> {
  const list = clients();
  for (const [, call] of list) for (let i = 0; i < Math.ceil(calls / 4); i++) await call();
  const samples = new Map<string, number[]>(list.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < list.length; i++) {
      const [name, call] = list[(i + r) % list.length]!;
      const cpu = process.cpuUsage();
      for (let k = 0; k < calls; k++) await call();
      const used = process.cpuUsage(cpu);
      samples.get(name)!.push((used.user + used.system) / calls);
    }
  }
  return samples;
}
