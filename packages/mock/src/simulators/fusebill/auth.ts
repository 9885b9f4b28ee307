// `Authorization: Basic <key>`, the key verbatim as the admin UI shows it: base64("<digits>:<secret>").
// A token that does not decode to that form is the documented 400; anything else wrong is 401.
import type { SimRequest, SimResponse } from '../../types.js';
import { fusebillError } from './errors.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The API key the request presents, or the error response to send. */
export function authenticate(req: SimRequest, apiKey: string): { key: string } | { refusal: SimResponse } {
  const match = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  // Text assumed: the docs give the 401 status ("check your API key and which environment"), not its body.
  if (!match) return { refusal: fusebillError(401, 'Authorization has been denied for this request.') };
  const token = match[1]!;
  // Catches the classic bug too: base64(key + ':') decodes to "<key>:", whose user part is not digits.
  if (!BASE64.test(token) || !/^\d+:./.test(Buffer.from(token, 'base64').toString('utf8'))) {
    return { refusal: fusebillError(400, 'Authorization key is not in the correct format.') };
  }
  if (token !== apiKey) return { refusal: fusebillError(401, 'Authorization has been denied for this request.') };
  return { key: token };
}
