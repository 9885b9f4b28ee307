// software_DNA `GET /v1/credits/{productId}/{licenseId}` with a JSON body and `POST …/consume` (case-insensitive
// paths): Basic `clientId:apiKey`, a request budget per period (429 + `X-RateLimit-Reset` in seconds), an IP
// lockout after repeated invalid attempts, and one ledger of credits per license and per buyer email, which the
// query reads (filtered by `Target`) and consume takes from.
import { json, type SimRequest, type SimResponse, type Simulator, type SimulatorOptions } from '../../types.js';
import { FixedWindows } from '../fixed-window.js';
import { consume, readCreditsConsume } from './consume.js';
import { createIpLockout, type LockoutSettings } from './ip-lockout.js';
import { type CreditsQuery, readCreditsQuery } from './query.js';

export interface DnaLicense {
  productId: string;
  licenseId: string;
  /** The buyer email; its credits are shared by every license bought with it. */
  email: string;
  /** Credit name -> count, held by the license code itself. */
  credits: Record<string, number>;
}

/** One consume call the simulator applied. */
export interface DnaConsumption {
  productId: string;
  licenseId: string;
  Name: string;
  Count: number;
  Target: CreditsQuery['Target'];
}

/** The vendor publishes none of these numbers; defaults are plausible, and tests change them. */
export interface SoftwareDnaSettings {
  /** Requests per period and client id. Default 100. */
  requestsPerPeriod: number;
  /** Default 60 000 ms. */
  periodMs: number;
  /** Default 5 invalid attempts within 10 minutes lock an IP out for 15 minutes. */
  lockout: LockoutSettings;
  /** Send `Count` as a numeric string, as the vendor's response template shows. Default false. */
  countAsString: boolean;
}

export interface SoftwareDnaSimulator extends Simulator {
  readonly settings: SoftwareDnaSettings;
  /** `${productId}/${licenseId}` -> license. */
  readonly licenses: Map<string, DnaLicense>;
  readonly products: Set<string>;
  /** Buyer email -> credit name -> count. */
  readonly emailCredits: Map<string, Record<string, number>>;
  addLicense(license: DnaLicense): DnaLicense;
  /** Consume calls applied since the last `reset()` (refused ones are not). */
  readonly consumptions: readonly DnaConsumption[];
  /** Requests refused with 429 by the period budget since the last `reset()` (not the fault plan's injected ones). */
  readonly rateLimited: number;
  /** Milliseconds until `ip` may query again (0: not locked out). */
  lockoutRemainingMs(ip: string): number;
}

const DEFAULTS = (): SoftwareDnaSettings => ({
  requestsPerPeriod: 100,
  periodMs: 60_000,
  lockout: { maxInvalidAttempts: 5, windowMs: 10 * 60_000, coolingMs: 15 * 60_000 },
  countAsString: false,
});

const SEED_LICENSES: readonly DnaLicense[] = [
  { productId: 'P0001234', licenseId: 'TEST12345', email: 'alice@example.com', credits: { Reports: 5 } },
  { productId: 'P0001234', licenseId: 'K7Q2W3E4R5T6Y8U9', email: 'alice@example.com', credits: { Reports: 1, Exports: 3 } },
  { productId: 'P0005678', licenseId: 'Z9Y8X7W6V5U4T3S2', email: 'bob@example.com', credits: {} },
];
const SEED_EMAIL_CREDITS: Readonly<Record<string, Record<string, number>>> = { 'alice@example.com': { Reports: 2 } };

const QUERY_ROUTE = /^\/v1\/credits\/([^/]+)\/([^/]+)\/?$/i;
const CONSUME_ROUTE = /^\/v1\/credits\/([^/]+)\/([^/]+)\/consume\/?$/i;
// The product id format is inferred from real ids (`P0001234`); the vendor documents only the message.
const PRODUCT_ID = /^P\d{7}$/;

export function createSoftwareDnaSimulator(options: SimulatorOptions & { credentials: { clientId: string; apiKey: string } }): SoftwareDnaSimulator {
  const now = options.now ?? Date.now;
  const settings = DEFAULTS();
  const licenses = new Map<string, DnaLicense>();
  const products = new Set<string>();
  const emailCredits = new Map<string, Record<string, number>>();
  const consumptions: DnaConsumption[] = [];
  const budgets = new FixedWindows();
  let rateLimited = 0;
  const lockout = createIpLockout(() => settings.lockout, now);
  const expectedAuth = `Basic ${Buffer.from(`${options.credentials.clientId}:${options.credentials.apiKey}`).toString('base64')}`;

  function addLicense(license: DnaLicense): DnaLicense {
    const copy = { ...license, credits: { ...license.credits } };
    products.add(copy.productId);
    licenses.set(`${copy.productId}/${copy.licenseId}`, copy);
    return copy;
  }

  function seed(): void {
    for (const l of SEED_LICENSES) addLicense(l);
    for (const [email, credits] of Object.entries(SEED_EMAIL_CREDITS)) emailCredits.set(email, { ...credits });
  }
  seed();

  function credits(license: DnaLicense, target: CreditsQuery['Target']) {
    const list = (scope: 'LICENSE' | 'EMAIL', held: Record<string, number>) =>
      Object.entries(held).map(([Name, Count]) => ({ Target: scope, Name, Count: settings.countAsString ? String(Count) : Count }));
    return [
      ...(target !== 'EMAIL' ? list('LICENSE', license.credits) : []),
      ...(target !== 'LICENSE' ? list('EMAIL', emailCredits.get(license.email) ?? {}) : []),
    ];
  }

  /** The license both calls name, or the response refusing it (a locked-out IP, an unknown product or license). */
  function findLicense(q: CreditsQuery, productId: string, licenseId: string): DnaLicense | SimResponse {
    const lockedMs = lockout.remainingMs(q.UserIp);
    // 403 is assumed: the vendor documents the lockout but not its status (FACTS §5.3).
    if (lockedMs > 0) return json(403, { Message: `Too many invalid attempts from ${q.UserIp}: locked out for ${Math.ceil(lockedMs / 1000)} more seconds` });
    // Naming a product or license that does not exist is what counts towards the lockout (license guessing).
    const invalid = (status: number, message: string) => {
      lockout.recordInvalid(q.UserIp);
      return json(status, { Message: message });
    };
    if (!PRODUCT_ID.test(productId)) return invalid(400, 'Invalid ProductId format');
    if (!products.has(productId)) return invalid(404, `ProductId ${productId} not found`);
    const license = licenses.get(`${productId}/${licenseId}`);
    return license ?? invalid(404, `LicenseId ${licenseId} not found for ProductId ${productId}`);
  }

  function query(req: SimRequest, productId: string, licenseId: string): SimResponse {
    const q = readCreditsQuery(req);
    if ('invalid' in q) return json(400, { Message: q.invalid });
    const license = findLicense(q, productId, licenseId);
    return 'status' in license ? license : json(200, credits(license, q.Target));
  }

  function consumeCredits(req: SimRequest, productId: string, licenseId: string): SimResponse {
    const c = readCreditsConsume(req);
    if ('invalid' in c) return json(400, { Message: c.invalid });
    const license = findLicense(c, productId, licenseId);
    if ('status' in license) return license;
    if (!emailCredits.has(license.email)) emailCredits.set(license.email, {});
    if (!consume({ license: license.credits, email: emailCredits.get(license.email)! }, c)) {
      return json(403, { Message: `The ${c.Target} did not have sufficient Credits` });
    }
    consumptions.push({ productId, licenseId, Name: c.Name, Count: c.Count, Target: c.Target });
    // "The updated status of the Credit": the consumed credit's counts for the target.
    return json(200, credits(license, c.Target).filter((credit) => credit.Name === c.Name));
  }

  return {
    id: 'softwaredna',
    settings,
    licenses,
    products,
    emailCredits,
    addLicense,
    consumptions,
    lockoutRemainingMs: (ip) => lockout.remainingMs(ip),
    get rateLimited() {
      return rateLimited;
    },
    reset() {
      rateLimited = 0;
      Object.assign(settings, DEFAULTS());
      licenses.clear();
      products.clear();
      emailCredits.clear();
      consumptions.length = 0;
      budgets.clear();
      lockout.clear();
      seed();
    },
    handle(req) {
      const consumeRoute = CONSUME_ROUTE.exec(req.path);
      const route = consumeRoute ?? QUERY_ROUTE.exec(req.path);
      if (!route) return json(404, { Message: `No HTTP resource was found that matches the request URI '${req.path}'.` });
      if (req.method !== (consumeRoute ? 'POST' : 'GET')) return json(405, { Message: `The requested resource does not support http method '${req.method}'.` });
      if (req.headers.authorization !== expectedAuth) return json(401, { Message: 'Authorization has been denied for this request.' });
      const budget = budgets.current(options.credentials.clientId, settings.periodMs, now());
      if (budget.used >= settings.requestsPerPeriod) {
        rateLimited++;
        const resetSeconds = Math.max(1, Math.ceil((budget.end - now()) / 1000));
        return json(429, { Message: `API request limit of ${settings.requestsPerPeriod} per period exceeded` }, { 'X-RateLimit-Reset': String(resetSeconds) });
      }
      budget.used++;
      const [productId, licenseId] = [decodeURIComponent(route[1]!), decodeURIComponent(route[2]!)];
      return consumeRoute ? consumeCredits(req, productId, licenseId) : query(req, productId, licenseId);
    },
  };
}
