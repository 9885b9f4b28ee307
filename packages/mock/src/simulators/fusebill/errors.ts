// Fusebill's one error shape (developer.staxbill.com/reference/errors), e.g. the documented 404
// `{"ErrorId":0,"HttpStatusCode":404,"Errors":[{"Key":"Api Error","Value":"Purchase with id 123 not found."}]}`.
import { json, type SimResponse } from '../../types.js';

export interface FusebillErrorEntry {
  Key: string;
  Value: string;
}

export function fusebillError(status: number, errors: string | FusebillErrorEntry[], headers: Record<string, string> = {}): SimResponse {
  const entries = typeof errors === 'string' ? [{ Key: 'Api Error', Value: errors }] : errors;
  return json(status, { ErrorId: 0, HttpStatusCode: status, Errors: entries }, headers);
}
