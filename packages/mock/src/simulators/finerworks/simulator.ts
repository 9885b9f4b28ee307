// FinerWorks v3 `POST /v3/buy_account_credits` and `POST /v3/credit_transaction`: both credential headers,
// ASP.NET-style model validation, carts and a credits ledger per account kept in memory, the documented
// `{product_id, status}` and `{status}` answers. As the page says, an `account_key` the app
// may not use "will be ignored and the request will be based upon the user's api credentials"; and "only
// authorized accounts may use this endpoint": an account that may not answers `success:false` (a GUESS: the
// page documents no status_code values).
import { balanceOf, type FinerWorksLedgerEntry, readCreditTransaction } from './credit-transaction.js';
import { json, parseJson, type SimRequest, type SimResponse, type Simulator, type SimulatorOptions } from '../../types.js';

export interface FinerWorksCartLine {
  product_id: number;
  amount: number;
  extra_credits?: number;
  /** The account the line was booked for, when the app may act for it; absent for the caller's own account. */
  account_key?: string;
}

export interface FinerWorksSimulator extends Simulator {
  readonly carts: Map<string, FinerWorksCartLine[]>;
  /** Account keys this app may act for; any other `account_key` is ignored. */
  readonly authorizedAccountKeys: Set<string>;
  /** account_id -> its credits ledger, oldest entry first (`reset()` restores the seeded accounts). */
  readonly ledgers: Map<number, FinerWorksLedgerEntry[]>;
  /** Whether the caller's account may use these endpoints (default true; `reset()` restores it). */
  endpointAuthorized: boolean;
}

const ROUTES: Readonly<Record<string, 'buy' | 'credit-transaction'>> = { '/v3/buy_account_credits': 'buy', '/v3/credit_transaction': 'credit-transaction' };
const DENIED = { Message: 'Authorization has been denied for this request.' };
/** Accounts the ledger knows from the start, with an opening deposit. */
const SEED_ACCOUNTS: Readonly<Record<number, number>> = { 5150: 500, 5151: 0 };
const NOT_JSON = { Message: 'The request is invalid.', ModelState: { request: ['A JSON object body is required.'] } };

export function createFinerWorksSimulator(options: SimulatorOptions & { credentials: { webApiKey: string; appKey: string } }): FinerWorksSimulator {
  const carts = new Map<string, FinerWorksCartLine[]>();
  const authorizedAccountKeys = new Set<string>(['acct-authorized-1']);
  const ledgers = new Map<number, FinerWorksLedgerEntry[]>();
  let nextProductId = 1001;
  let nextTransaction = 1;

  function seedLedgers(): void {
    ledgers.clear();
    for (const [id, opening] of Object.entries(SEED_ACCOUNTS)) {
      ledgers.set(Number(id), opening ? [{ reference_id: 'ctx-opening', amount: opening, memo: 'Opening balance', widthdrawal: false, order_id: 0, balance: opening }] : []);
    }
  }
  seedLedgers();

  function creditTransaction(req: SimRequest): SimResponse {
    const body = parseJson(req.text);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return json(400, NOT_JSON);
    const t = readCreditTransaction(body as Record<string, unknown>);
    if ('modelState' in t) return json(400, { Message: 'The request is invalid.', ModelState: t.modelState });
    if (!simulator.endpointAuthorized) return json(200, { status: status(false, 403, 'Only authorized accounts may use this endpoint.') });
    const ledger = ledgers.get(t.account_id);
    if (!ledger) return json(200, { status: status(false, 404, `Account ${t.account_id} was not found.`) });
    const balance = balanceOf(ledger) + (t.widthdrawal ? -t.amount : t.amount);
    if (balance < 0) return json(200, { status: status(false, 402, `Insufficient account credit: the balance is ${balanceOf(ledger)}.`) });
    const reference_id = `ctx-${nextTransaction++}`;
    ledger.push({ reference_id, amount: t.amount, memo: t.memo, widthdrawal: t.widthdrawal, order_id: t.order_id, balance });
    return json(200, { status: { ...status(true, 100, 'Credit transaction recorded.'), reference_id } });
  }

  function buy(req: SimRequest): SimResponse {
    const body = parseJson(req.text);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return json(400, NOT_JSON);
    const b = body as Record<string, unknown>;
    const modelState: Record<string, string[]> = {};
    if (b.amount === undefined || b.amount === null) modelState.amount = ['The amount field is required.'];
    else if (typeof b.amount !== 'number') modelState.amount = ['The field amount must be a number.'];
    else if (b.amount < 100 || b.amount > 5000) modelState.amount = ['The field amount must be between 100 and 5000.'];
    if (typeof b.cart_id !== 'string' || b.cart_id === '') modelState.cart_id = ['The cart_id field is required.'];
    if (b.extra_credits !== undefined && b.extra_credits !== null && typeof b.extra_credits !== 'number') modelState.extra_credits = ['The field extra_credits must be a number.'];
    if (Object.keys(modelState).length) return json(400, { Message: 'The request is invalid.', ModelState: modelState });

    if (!simulator.endpointAuthorized) return json(200, { product_id: 0, status: status(false, 403, 'Only authorized accounts may use this endpoint.') });
    const line: FinerWorksCartLine = { product_id: nextProductId++, amount: b.amount as number };
    if (typeof b.extra_credits === 'number') line.extra_credits = b.extra_credits;
    // Any other key is ignored: the line is the caller's own.
    if (typeof b.account_key === 'string' && authorizedAccountKeys.has(b.account_key)) line.account_key = b.account_key;
    const cartId = b.cart_id as string;
    carts.set(cartId, [...(carts.get(cartId) ?? []), line]);
    return json(200, { product_id: line.product_id, status: status(true, 100, 'Account credit added to cart.') });
  }

  const simulator: FinerWorksSimulator = {
    id: 'finerworks',
    carts,
    authorizedAccountKeys,
    ledgers,
    endpointAuthorized: true,
    reset() {
      carts.clear();
      seedLedgers();
      nextProductId = 1001;
      nextTransaction = 1;
      simulator.endpointAuthorized = true;
    },
    handle(req) {
      // ASP.NET routes are case-insensitive.
      const route = ROUTES[req.path.toLowerCase()];
      if (!route) return json(404, { Message: `No HTTP resource was found that matches the request URI '${req.path}'.` });
      if (req.method !== 'POST') return json(405, { Message: `The requested resource does not support http method '${req.method}'.` });
      if (req.headers.web_api_key !== options.credentials.webApiKey || req.headers.app_key !== options.credentials.appKey) return json(401, DENIED);
      return route === 'buy' ? buy(req) : creditTransaction(req);
    },
  };
  return simulator;
}

function status(success: boolean, code: number, message: string) {
  return { success, status_code: code, message, debug: {}, reference_id: `ref-${Math.random().toString(36).slice(2, 10)}`, domain: 'test-api.finerworks.com' };
}
