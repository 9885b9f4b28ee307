// The clients compared by the request benchmark. Each one sends the same request and hands back the parsed
// answer; `check` proves once, before any timing, that it really got the answer it should.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { createAccountAdminClient } from '@creditkit/accountadmin';
import { createFinerWorksClient } from '@creditkit/finerworks';
import axios from 'axios';
import got from 'got';
import createOpenApiClient from 'openapi-fetch';
import { Agent, request as undiciRequest } from 'undici';
import type { paths } from '../../packages/finerworks/src/generated/schema.js';
import { ACCOUNTADMIN_INPUT, ACCOUNTADMIN_KEYS, FINERWORKS_HEADERS, FINERWORKS_INPUT, FINERWORKS_KEYS, FINERWORKS_PATH } from './fixtures.js';

export interface Contender {
  name: string;
  /** One request, answer read and parsed. */
  send(): Promise<unknown>;
  close?(): Promise<void>;
}

interface ContenderSpec {
  name: string;
  what: string;
  create(baseUrl: string): Contender;
  check(result: unknown): boolean;
}

const body = JSON.stringify(FINERWORKS_INPUT);
const headers = { 'content-type': 'application/json', accept: 'application/json', ...FINERWORKS_HEADERS };
/** The reference of every ratio: what a hand-written call costs with no library at all. */
export const REFERENCE = 'node:http';
const isFinerWorksAnswer = (r: unknown) => (r as { product_id?: unknown; status?: { success?: unknown } })?.product_id === 1001 && (r as { status: { success: unknown } }).status.success === true;
const isPurchase = (r: unknown) => (r as { ResponseData?: { Detail?: { InvoiceNumber?: unknown } } })?.ResponseData?.Detail?.InvoiceNumber === 1;

/** creditkit's FinerWorks call, with these client options over the keys and base URL. */
function finerWorksContender(name: string, what: string, options: { fetch?: typeof fetch }): ContenderSpec {
  return {
    name,
    what,
    create(baseUrl) {
      const client = createFinerWorksClient({ ...FINERWORKS_KEYS, baseUrl, ...options });
      return { name, send: () => client.buyAccountCredits(FINERWORKS_INPUT) };
    },
    check: isFinerWorksAnswer,
  };
}

/** One POST on a keep-alive agent, the body's chunks collected and `JSON.parse`d: no library, no checks. */
function rawNodeHttp(url: URL, agent: HttpAgent, signal?: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, ...(signal ? { signal } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const CONTENDERS: readonly ContenderSpec[] = [
  {
    name: REFERENCE,
    what: 'raw `node:http` `request()` on a keep-alive `http.Agent`, body chunks collected, `JSON.parse`: the reference of the ratios',
    create(baseUrl) {
      const agent = new HttpAgent({ keepAlive: true });
      const url = new URL(FINERWORKS_PATH, baseUrl);
      return { name: this.name, send: () => rawNodeHttp(url, agent), close: async () => agent.destroy() };
    },
    check: isFinerWorksAnswer,
  },
  {
    name: 'node:http + timeout',
    what:
      "diagnostic: the same raw request under what every attempt of a client with a timeout and a caller's `signal` needs: an `AbortController`, a timer, `AbortSignal.any([caller, timer])` on the request (nothing else of creditkit)",
    create(baseUrl) {
      const agent = new HttpAgent({ keepAlive: true });
      const url = new URL(FINERWORKS_PATH, baseUrl);
      const caller = new AbortController().signal;
      const send = async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        try {
          return await rawNodeHttp(url, agent, AbortSignal.any([caller, controller.signal]));
        } finally {
          clearTimeout(timer);
        }
      };
      return { name: this.name, send, close: async () => agent.destroy() };
    },
    check: isFinerWorksAnswer,
  },
  {
    name: 'undici.request',
    what: '`undici.request` 7.30.2 (own keep-alive Agent), `body.json()`',
    create(baseUrl) {
      const dispatcher = new Agent();
      const url = baseUrl + FINERWORKS_PATH;
      return {
        name: this.name,
        send: async () => (await undiciRequest(url, { method: 'POST', headers, body, dispatcher })).body.json(),
        close: () => dispatcher.close(),
      };
    },
    check: isFinerWorksAnswer,
  },
  {
    name: 'fetch',
    what: "Node's global `fetch`, `res.json()`",
    create(baseUrl) {
      const url = baseUrl + FINERWORKS_PATH;
      return { name: this.name, send: async () => (await fetch(url, { method: 'POST', headers, body })).json() };
    },
    check: isFinerWorksAnswer,
  },
  {
    name: 'openapi-fetch',
    what: 'bare `createClient<paths>()` (openapi-fetch 0.17.0, FinerWorks generated `paths`), `POST(…)`',
    create(baseUrl) {
      const client = createOpenApiClient<paths>({ baseUrl });
      return {
        name: this.name,
        send: async () => (await client.POST(FINERWORKS_PATH, { body: FINERWORKS_INPUT, headers: { accept: 'application/json', ...FINERWORKS_HEADERS } })).data,
      };
    },
    check: isFinerWorksAnswer,
  },
  {
    name: 'axios',
    what: 'axios 1.21.1, `axios.create()` with a keep-alive `http.Agent`, `post(…)`',
    create(baseUrl) {
      const httpAgent = new HttpAgent({ keepAlive: true });
      const client = axios.create({ baseURL: baseUrl, httpAgent });
      return {
        name: this.name,
        send: async () => (await client.post(FINERWORKS_PATH, FINERWORKS_INPUT, { headers: { accept: 'application/json', ...FINERWORKS_HEADERS } })).data,
        close: async () => httpAgent.destroy(),
      };
    },
    check: isFinerWorksAnswer,
  },
  {
    name: 'got',
    what: 'got 14.6.5, `got.extend()` with a keep-alive `http.Agent`, `post(…, { body }).json()` (no retry on POST, its default)',
    create(baseUrl) {
      const agent = new HttpAgent({ keepAlive: true });
      const client = got.extend({ agent: { http: agent } });
      const url = baseUrl + FINERWORKS_PATH;
      return { name: this.name, send: () => client.post(url, { headers, body }).json(), close: async () => agent.destroy() };
    },
    check: isFinerWorksAnswer,
  },
  finerWorksContender(
    'creditkit JSON',
    'FinerWorks `buyAccountCredits` (default transport, `node:http`): validation, two API-key headers, the fixed pipeline (retry rules, timeouts, answer checks), typed decode',
    {},
  ),
  finerWorksContender(
    'creditkit JSON, fetch',
    "diagnostic: the same FinerWorks call sent through Node's global `fetch` (the `fetch` option) instead of the default `node:http` transport",
    { fetch: globalThis.fetch },
  ),
  {
    name: 'creditkit XML',
    what: "2sms `purchaseCredits`, `format: 'xml'`: validation, UUID `PurchaseID`, OAuth2 bearer (token cached), XML encode + schema decode",
    create(baseUrl) {
      const client = createAccountAdminClient({ ...ACCOUNTADMIN_KEYS, baseUrl, format: 'xml' });
      return { name: this.name, send: () => client.purchaseCredits(ACCOUNTADMIN_INPUT) };
    },
    check: isPurchase,
  },
  {
    name: 'creditkit 2sms JSON',
    what: "the same 2sms call with `format: 'json'` (isolates the XML codec's cost)",
    create(baseUrl) {
      const client = createAccountAdminClient({ ...ACCOUNTADMIN_KEYS, baseUrl, format: 'json' });
      return { name: this.name, send: () => client.purchaseCredits(ACCOUNTADMIN_INPUT) };
    },
    check: isPurchase,
  },
];

/** Creates every contender and proves each gets the right answer. */
export async function createContenders(baseUrl: string): Promise<Contender[]> {
  const out: Contender[] = [];
  for (const spec of CONTENDERS) {
    const contender = spec.create(baseUrl);
    const result = await contender.send();
    if (!spec.check(result)) throw new Error(`${spec.name}: unexpected answer ${JSON.stringify(result).slice(0, 200)}`);
    out.push(contender);
  }
  return out;
}
