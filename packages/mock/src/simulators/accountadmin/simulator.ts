// 2sms AccountAdmin (ASP.NET Web API): `POST /Token` issues expiring bearer tokens; `POST
// /api/v1/AccountAdminAPI/PurchaseCredits` answers 401 without a live token, reads JSON or XML, answers in
// the negotiated format in the help page's shapes (`Error: null` on success), and records every purchase.
// What 2sms does with a repeated PurchaseID is a GUESS (FACTS §6 "2sms" #3), so the simulator does either:
// `repeatedPurchaseId: 'buy-again'` (the default, the costly case) or `'deduplicate'` (the original comes back).
import { randomUUID } from 'node:crypto';
import type { SimRequest, SimResponse, Simulator, SimulatorOptions } from '../../types.js';
import { type Format, type Negotiated, readBody, reply, requestFormat, responseFormat } from './negotiate.js';
import { createTokenStore } from './tokens.js';

export interface AccountAdminBilling {
  Address?: string;
  Company?: string;
  Email?: string;
  Mobile?: string;
  Phone?: string;
}

export interface AccountAdminPurchase {
  purchaseId: string;
  billing: AccountAdminBilling;
  purchaseOrder?: string;
  /** The format the purchase arrived in. */
  format: Format;
  userId: string;
  detail: {
    Currency: string;
    DatePurchased: string;
    GrossTotal: number;
    ID: string;
    InvoiceNumber: number | null;
    NetTotal: number;
    Paid: boolean;
    PurchaseType: string;
    Quantity: number;
    Tax: number;
    UnitPrice: number;
  };
}

/** What a repeated PurchaseID does: `buy-again` makes another purchase; `deduplicate` answers with the first. */
export type RepeatedPurchaseId = 'buy-again' | 'deduplicate';

export interface AccountAdminSimulator extends Simulator {
  /** The first purchase made under each PurchaseID (lower-cased). */
  readonly purchases: Map<string, AccountAdminPurchase>;
  /** Every purchase made, in order: what the account paid for (a PurchaseID bought again appears twice). */
  readonly ledger: AccountAdminPurchase[];
  /** What a repeated PurchaseID does (2sms does not say). Default `buy-again`; `reset()` restores it. */
  repeatedPurchaseId: RepeatedPurchaseId;
  /** Lifetime of the tokens issued from now on, in seconds (2sms: 8 hours). `reset()` restores it. */
  tokenLifetimeSeconds: number;
  /** Invalidates every token issued so far, as a revocation or a server restart would. */
  revokeTokens(): void;
  /** Tokens issued by `/Token` since the last `reset()`: how many times clients fetched one. */
  readonly tokensIssued: number;
}

const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
const PURCHASE_PATH = '/api/v1/accountadminapi/purchasecredits';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What one purchase buys (the page has no amount field, so the account's standard bundle; a GUESS). */
const BUNDLE = { Currency: 'GBP', PurchaseType: 'Credits', Quantity: 2500, UnitPrice: 0.039, NetTotal: 97.5, Tax: 19.5, GrossTotal: 117 } as const;
const BILLING_FIELDS = ['Address', 'Company', 'Email', 'Mobile', 'Phone'] as const;

export function createAccountAdminSimulator(options: SimulatorOptions & { credentials: { clientId: string; clientSecret: string } }): AccountAdminSimulator {
  const now = options.now ?? Date.now;
  const purchases = new Map<string, AccountAdminPurchase>();
  const ledger: AccountAdminPurchase[] = [];
  const tokens = createTokenStore(options.credentials, now);
  let nextInvoice = 1;

  function purchase(req: SimRequest): SimResponse {
    const answer = responseFormat(req);
    if (!tokens.accepts(req.headers.authorization)) return reply(answer, 401, 'Error', { Message: 'Authorization has been denied for this request.' }, { namespaces: false });
    const format = requestFormat(req);
    if (!format) {
      return reply(answer, 415, 'Error', { Message: `The request entity's media type '${String(req.headers['content-type'] ?? '')}' is not supported for this resource.` }, { namespaces: false });
    }
    const body = readBody(req, format, 'AccountPurchase');
    const purchaseId = body?.PurchaseID;
    if (!body || typeof purchaseId !== 'string' || !GUID.test(purchaseId)) {
      return reply(answer, 400, 'Error', { Message: 'The request is invalid.', ModelState: { 'purchase.PurchaseID': ['A GUID PurchaseID is required.'] } }, { namespaces: false });
    }
    const earlier = purchases.get(purchaseId.toLowerCase());
    if (earlier && simulator.repeatedPurchaseId === 'deduplicate') return reply(answer, 200, 'ResponseOfPurchase', purchaseBody(earlier, answer));
    const billing = readBilling(body.Billing);
    // GUESS (FACTS §4: no ErrorCode values are documented): a purchase needs billing details.
    if (!billing) return reply(answer, 200, 'ResponseOfPurchase', { Error: { ErrorCode: 'BillingRequired', ErrorReason: 'Billing details are required to purchase credits.' }, ResponseData: null });
    const record: AccountAdminPurchase = {
      purchaseId,
      billing,
      ...(typeof body.PurchaseOrder === 'string' ? { purchaseOrder: body.PurchaseOrder } : {}),
      format,
      userId: `user-${options.credentials.clientId}`,
      detail: {
        Currency: BUNDLE.Currency,
        DatePurchased: new Date(now()).toISOString().replace('Z', '+00:00'),
        GrossTotal: BUNDLE.GrossTotal,
        ID: randomUUID(),
        InvoiceNumber: nextInvoice++,
        NetTotal: BUNDLE.NetTotal,
        Paid: true,
        PurchaseType: BUNDLE.PurchaseType,
        Quantity: BUNDLE.Quantity,
        Tax: BUNDLE.Tax,
        UnitPrice: BUNDLE.UnitPrice,
      },
    };
    if (!earlier) purchases.set(purchaseId.toLowerCase(), record);
    ledger.push(record);
    return reply(answer, 200, 'ResponseOfPurchase', purchaseBody(record, answer));
  }

  const simulator: AccountAdminSimulator = {
    id: 'accountadmin',
    purchases,
    ledger,
    repeatedPurchaseId: 'buy-again',
    tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
    revokeTokens: () => tokens.revokeAll(),
    get tokensIssued() {
      return tokens.issued;
    },
    reset() {
      purchases.clear();
      ledger.length = 0;
      simulator.repeatedPurchaseId = 'buy-again';
      tokens.revokeAll();
      tokens.issued = 0;
      nextInvoice = 1;
      simulator.tokenLifetimeSeconds = TOKEN_LIFETIME_SECONDS;
    },
    handle(req) {
      // ASP.NET routes are case-insensitive.
      const path = req.path.toLowerCase();
      if (path === '/token' && req.method === 'POST') return tokens.grant(req, simulator.tokenLifetimeSeconds);
      if (path === PURCHASE_PATH && req.method === 'POST') return purchase(req);
      return reply(responseFormat(req), 404, 'Error', { Message: `No HTTP resource was found that matches the request URI '${req.path}'.` }, { namespaces: false });
    },
  };
  return simulator;
}

/** The page's two samples differ in member order: JSON has Identification first, XML has Result first. */
function purchaseBody(p: AccountAdminPurchase, answer: Negotiated): Record<string, unknown> {
  const identification = { UserId: p.userId };
  const data = answer.format === 'json'
    ? { Identification: identification, Result: 'Success', Detail: p.detail }
    : { Result: 'Success', Identification: identification, Detail: p.detail };
  return { Error: null, ResponseData: data };
}

/** Billing as sent, or undefined when there is none to bill. */
function readBilling(value: unknown): AccountAdminBilling | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const billing: AccountAdminBilling = {};
  for (const field of BILLING_FIELDS) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string') billing[field] = v;
  }
  return Object.keys(billing).length ? billing : undefined;
}
