// `user.newsale` (the seed page): a sale of PROFESSIONAL or CORPORATE, with a payment link carrying the
// return URLs (both or neither), or PROCESSED at once when a promotion code makes it free.
import type { SimResponse } from '../../types.js';
import { document, errorDocument } from './documents.js';

export interface SafeCreativeSale {
  code: string;
  service: 'PROFESSIONAL' | 'CORPORATE';
  status: 'PAYMENT_PENDING' | 'PROCESSED';
  promotioncode?: string;
  returnurl?: string;
  cancelurl?: string;
  paymentlink?: string;
}

const SERVICES = new Set(['PROFESSIONAL', 'CORPORATE']);
const PAYMENT_PAGE = 'https://account.safecreative.org/sale/';

/** Parameters the component reads or tolerates; anything else is `RestParameterNotExpected`. */
export const NEW_SALE_PARAMETERS = new Set([
  'component', 'authkey', 'ztime', 'signature', 'debug-component', 'locale', 'format',
  'service', 'promotioncode', 'returnurl', 'returnUrl', 'cancelurl', 'cancelUrl',
]);

/** Validates a signed request's own parameters and records the sale; `nextCode` numbers it. */
export function newSale(params: URLSearchParams, discounts: ReadonlyMap<string, number>, nextCode: () => string, record: (sale: SafeCreativeSale) => void): SimResponse {
  const service = params.get('service');
  if (service === null) return errorDocument('RestParameterNotFound', 'Required parameter not found: service');
  if (!SERVICES.has(service)) return errorDocument('InvalidParameter', `Invalid parameter value: service=${service}`);
  // The page names them returnUrl/cancelUrl, its example sends returnurl/cancelurl (FACTS §6): take both.
  const returnurl = params.get('returnurl') ?? params.get('returnUrl') ?? undefined;
  const cancelurl = params.get('cancelurl') ?? params.get('cancelUrl') ?? undefined;
  if ((returnurl === undefined) !== (cancelurl === undefined)) {
    return errorDocument('InvalidParameter', 'If return URLs are provided, both URLs must be included');
  }
  const promotioncode = params.get('promotioncode') ?? undefined;
  const discount = promotioncode === undefined ? 0 : discounts.get(promotioncode);
  if (discount === undefined) return errorDocument('InvalidParameter', `Promotion code not found: ${promotioncode}`);

  const code = nextCode();
  const sale: SafeCreativeSale = { code, service: service as SafeCreativeSale['service'], status: discount >= 100 ? 'PROCESSED' : 'PAYMENT_PENDING' };
  if (promotioncode !== undefined) sale.promotioncode = promotioncode;
  if (returnurl !== undefined && cancelurl !== undefined) Object.assign(sale, { returnurl, cancelurl });
  if (sale.status === 'PAYMENT_PENDING') {
    const back = returnurl === undefined ? '' : `?r=${encodeURIComponent(returnurl)}&c=${encodeURIComponent(cancelurl!)}`;
    sale.paymentlink = `${PAYMENT_PAGE}${code}${back}`;
  }
  record(sale);
  return document('sale', { code: sale.code, status: sale.status, ...(sale.paymentlink ? { paymentlink: sale.paymentlink } : {}) });
}
