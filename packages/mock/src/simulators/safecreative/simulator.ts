// Safe Creative API v2 on `/v2/` (GET query, or a POST form, or both mixed): `component=ztime` answers the
// server clock unsigned; every other call needs a known `authkey`, a valid SHA-1 `signature` over the decoded
// parameters (`+` read as a space, as a form decoder does) and a `ztime` within 5 s of the server's clock.
// Failures are `<error>` documents with HTTP 200, as the real API sends them.
import type { SimRequest, SimResponse, Simulator, SimulatorOptions } from '../../types.js';
import { document, errorDocument } from './documents.js';
import { NEW_SALE_PARAMETERS, newSale, type SafeCreativeSale } from './new-sale.js';
import { verifySignature } from './signature.js';

export type { SafeCreativeSale } from './new-sale.js';

export interface SafeCreativeSimulator extends Simulator {
  /** Sales by code. */
  readonly sales: Map<string, SafeCreativeSale>;
  /** Promotion codes and their discount in percent; 100 makes the sale PROCESSED at once. */
  readonly promotionCodes: Map<string, number>;
  /** `component=ztime` answers since the last `reset()`: how often clients read the server clock. */
  readonly clockReads: number;
}

const MAX_SKEW_MS = 5000;
const PROMOTION_CODES: readonly [string, number][] = [['SOME_GIFT_CODE', 100], ['HALFPRICE', 50]];

export function createSafeCreativeSimulator(options: SimulatorOptions & { credentials: { authkey: string; privateKey: string } }): SafeCreativeSimulator {
  const now = options.now ?? Date.now;
  const sales = new Map<string, SafeCreativeSale>();
  const promotionCodes = new Map(PROMOTION_CODES);
  let sequence = 0;
  let clockReads = 0;

  /** `PS` + yyMMdd + a 7-digit sequence, as in the page's `PS1608100003311`. */
  const nextCode = () => `PS${new Date(now()).toISOString().slice(2, 10).replace(/-/g, '')}${String(++sequence).padStart(7, '0')}`;

  function signedCall(params: URLSearchParams): SimResponse {
    for (const required of ['authkey', 'ztime', 'signature']) {
      if (params.get(required) === null) return errorDocument('RestParameterNotFound', `Required parameter not found: ${required}`);
    }
    if (params.get('authkey') !== options.credentials.authkey) return errorDocument('UserKeyAuthNotFound', 'Authorization key not found');
    if (!verifySignature(options.credentials.privateKey, params)) return errorDocument('InvalidSignature', 'Invalid signature');
    const ztime = Number(params.get('ztime'));
    if (!Number.isInteger(ztime) || Math.abs(ztime - now()) > MAX_SKEW_MS) return errorDocument('InvalidTime', 'The request ztime parameter is not correct');
    const unexpected = [...params.keys()].find((key) => !NEW_SALE_PARAMETERS.has(key));
    if (unexpected) return errorDocument('RestParameterNotExpected', `Parameter not expected: ${unexpected}`);
    return newSale(params, promotionCodes, nextCode, (sale) => sales.set(sale.code, sale));
  }

  return {
    id: 'safecreative',
    sales,
    promotionCodes,
    get clockReads() {
      return clockReads;
    },
    reset() {
      clockReads = 0;
      sales.clear();
      promotionCodes.clear();
      for (const [code, discount] of PROMOTION_CODES) promotionCodes.set(code, discount);
      sequence = 0;
    },
    handle(req) {
      if (req.path !== '/v2/' && req.path !== '/v2') return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body>Not Found</body></html>' };
      const params = parameters(req);
      const component = params.get('component');
      if (component === null) return errorDocument('RestParameterNotFound', 'Required parameter not found: component');
      if (component === 'ztime') {
        clockReads++;
        return document('ztime', now());
      }
      if (component === 'exception.test') {
        return document('exception', { exceptionId: 'RuntimeException', exceptionMessage: 'This is a test exception' });
      }
      if (component !== 'user.newsale') return errorDocument('InvalidRestComponent', `Component not found: ${component}`);
      return signedCall(params);
    },
  };
}

/** Query and form body together (both are allowed and may be mixed), decoded: `+` is a space. */
function parameters(req: SimRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(req.text)) params.append(k, v);
  }
  return params;
}
