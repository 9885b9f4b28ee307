// Fusebill `POST /v1/purchaseProductItems` (case-insensitive, as ASP.NET routes are): the API key verbatim
// in Basic auth, per-key rate limits with `X-Rate-Limit-*` headers, purchases with a status, and tracked
// items whose `reference` is unique among the active items of the same product.
import { parseJson, type SimRequest, type SimResponse, type Simulator, type SimulatorOptions, json } from '../../types.js';
import { authenticate } from './auth.js';
import { type FusebillErrorEntry, fusebillError } from './errors.js';
import { createRateLimiter, type FusebillRateLimits, SANDBOX_LIMITS } from './rate-limit.js';

export type FusebillPurchaseStatus = 'Draft' | 'Purchased' | 'Reversed' | 'Cancelled';

export interface FusebillPurchase {
  id: number;
  customerId: number;
  /** The tracking-enabled catalog product being purchased. */
  productId: number;
  status: FusebillPurchaseStatus;
}

export interface FusebillTrackedItem {
  id: number;
  reference: string;
  name: string | null;
  description: string | null;
  purchaseId: number;
  customerId: number;
  productId: number;
  /** `Active` when added; only active items keep their reference taken. */
  status: string;
  createdDate: string;
  modifiedDate: string;
}

export interface FusebillSimulator extends Simulator {
  readonly purchases: Map<number, FusebillPurchase>;
  /** Every tracked item added, oldest first. */
  readonly items: FusebillTrackedItem[];
  /** Rate limits in force; change them in a test, `reset()` restores the sandbox values. */
  readonly limits: FusebillRateLimits;
  /** Requests refused with 429 by the rate limits since the last `reset()` (not the fault plan's injected ones). */
  readonly rateLimited: number;
  /** Adds a purchase (id chosen when left out) and returns it. */
  addPurchase(purchase: Partial<FusebillPurchase> & Pick<FusebillPurchase, 'status'>): FusebillPurchase;
}

const SEED_PURCHASES: readonly FusebillPurchase[] = [
  { id: 556891, customerId: 650594, productId: 46818, status: 'Draft' },
  { id: 556892, customerId: 650594, productId: 46818, status: 'Purchased' },
  { id: 556893, customerId: 650595, productId: 46818, status: 'Draft' },
  { id: 556894, customerId: 650595, productId: 46820, status: 'Draft' },
];
const FIRST_ITEM_ID = 242593;

export function createFusebillSimulator(options: SimulatorOptions & { credentials: { apiKey: string } }): FusebillSimulator {
  const now = options.now ?? Date.now;
  const purchases = new Map<number, FusebillPurchase>();
  const items: FusebillTrackedItem[] = [];
  const limits: FusebillRateLimits = { ...SANDBOX_LIMITS };
  const rateLimiter = createRateLimiter(() => limits, now);
  let nextItemId = FIRST_ITEM_ID;
  let nextPurchaseId = 600001;
  let rateLimited = 0;

  function seed(): void {
    purchases.clear();
    for (const p of SEED_PURCHASES) purchases.set(p.id, { ...p });
  }
  seed();

  function addItem(req: SimRequest): SimResponse {
    const body = parseJson(req.text);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fusebillError(400, 'The request body must be a JSON object.');
    const b = body as Record<string, unknown>;
    const invalid = validate(b);
    if (invalid.length) return fusebillError(400, invalid);
    const purchaseId = b.purchaseId as number;
    const reference = b.reference as string;
    const purchase = purchases.get(purchaseId);
    if (!purchase) return fusebillError(404, `Purchase with id ${purchaseId} not found.`);
    // Status and wording of both 409s are assumed: Fusebill documents neither (FACTS §2.4, §7).
    if (purchase.status !== 'Draft') {
      return fusebillError(409, `Purchase ${purchaseId} is in ${purchase.status} status; tracked items can only be added to a Draft purchase.`);
    }
    if (items.some((i) => i.status === 'Active' && i.productId === purchase.productId && i.reference === reference)) {
      return fusebillError(409, `An active tracked item with reference '${reference}' already exists for product ${purchase.productId}.`);
    }
    const at = now();
    const item: FusebillTrackedItem = {
      id: nextItemId++,
      reference,
      name: typeof b.name === 'string' ? b.name : null,
      description: typeof b.description === 'string' ? b.description : null,
      purchaseId,
      customerId: purchase.customerId,
      productId: purchase.productId,
      status: 'Active',
      // As in the vendor's sample: created to the second, modified with its fraction, neither with a zone.
      createdDate: netDate(at - (at % 1000)),
      modifiedDate: netDate(at),
    };
    items.push(item);
    return json(200, {
      ...item,
      subscriptionProductId: null,
      subscriptionId: null,
      invoicePreview: null,
      additionalInvoicesForPreview: null,
      netsuiteInventoryTimestamp: null,
      netsuiteInventoryStatus: null,
      uri: `https://secure.fusebill.com/v1/purchaseProductItems/${item.id}`,
    });
  }

  return {
    id: 'fusebill',
    purchases,
    items,
    limits,
    get rateLimited() {
      return rateLimited;
    },
    addPurchase(purchase) {
      const full: FusebillPurchase = { id: nextPurchaseId++, customerId: 650600, productId: 46818, ...purchase };
      purchases.set(full.id, full);
      return full;
    },
    reset() {
      seed();
      items.length = 0;
      nextItemId = FIRST_ITEM_ID;
      nextPurchaseId = 600001;
      Object.assign(limits, SANDBOX_LIMITS);
      rateLimiter.clear();
      rateLimited = 0;
    },
    handle(req) {
      if (req.path.toLowerCase().replace(/\/$/, '') !== '/v1/purchaseproductitems') return fusebillError(404, `No HTTP resource was found that matches the request URI '${req.path}'.`);
      const auth = authenticate(req, options.credentials.apiKey);
      if ('refusal' in auth) return auth.refusal;
      const rate = rateLimiter.take(auth.key);
      if (rate.exceeded) {
        rateLimited++;
        return fusebillError(429, `Rate limit exceeded: ${rate.exceeded}.`, rate.headers);
      }
      const response = req.method === 'POST' ? addItem(req) : fusebillError(405, `The requested resource does not support http method '${req.method}'.`);
      return { ...response, headers: { ...response.headers, ...rate.headers } };
    },
  };
}

/** Field rules of Fusebill's own help page (Common.Dto.Post.PurchaseProductItem); texts as ASP.NET writes them. */
function validate(b: Record<string, unknown>): FusebillErrorEntry[] {
  const errors: FusebillErrorEntry[] = [];
  const text = (field: string, max: number, required: boolean) => {
    const v = b[field];
    if (v === undefined || v === null || v === '') {
      if (required) errors.push({ Key: field, Value: `The ${field} field is required.` });
    } else if (typeof v !== 'string') errors.push({ Key: field, Value: `The field ${field} must be a string.` });
    else if (v.length > max) errors.push({ Key: field, Value: `The field ${field} must be a string with a maximum length of ${max}.` });
  };
  text('reference', 255, true);
  text('name', 100, false);
  text('description', 255, false);
  if (b.purchaseId === undefined || b.purchaseId === null) errors.push({ Key: 'purchaseId', Value: 'The purchaseId field is required.' });
  else if (!Number.isInteger(b.purchaseId)) errors.push({ Key: 'purchaseId', Value: 'The field purchaseId must be an integer.' });
  return errors;
}

/** .NET's JSON date: UTC, no zone designator, trailing zeros of the fraction dropped (`…:32.64`, `…:32`). */
function netDate(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '').replace(/\.?0+$/, '');
}
