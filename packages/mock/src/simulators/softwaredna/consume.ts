// Credits Consume (FACTS §5.2): the body's fields, and taking `Count` of credit `Name` from the one ledger the
// query reads. For the target ALL it takes from the license code first and the rest from the buyer email; when
// the target holds too few, nothing is taken and the vendor's 403 "did not have sufficient Credits" answers.
// `Test: true` only "marks a Test Event" on the vendor page: the simulator takes the credits all the same.
import { parseJson, type SimRequest } from '../../types.js';
import { type CreditsQuery, readQueryFields } from './query.js';

export interface CreditsConsume extends CreditsQuery {
  Name: string;
  Count: number;
}

/** The consume request, or the `Message` of the 400 to send (texts assumed; the vendor documents only the status). */
export function readCreditsConsume(req: SimRequest): CreditsConsume | { invalid: string } {
  const parsed = req.text.trim() === '' ? undefined : parseJson(req.text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { invalid: 'The request body must be a JSON object' };
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.Name !== 'string' || fields.Name === '') return { invalid: 'Name is required' };
  // The page types Count "integer" but shows it quoted: a numeric string is read too.
  const count = typeof fields.Count === 'string' && /^\d+$/.test(fields.Count) ? Number(fields.Count) : fields.Count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 20_000) return { invalid: 'Invalid Count: use an integer from 0 to 20,000' };
  const common = readQueryFields(fields);
  return 'invalid' in common ? common : { ...common, Name: fields.Name, Count: count };
}

/** Where the credits are held: the license code's own, and its buyer email's. */
export interface CreditHoldings {
  license: Record<string, number>;
  email: Record<string, number>;
}

/** Takes the credits, or returns false (and takes nothing) when the target holds too few. */
export function consume(held: CreditHoldings, request: Pick<CreditsConsume, 'Name' | 'Count' | 'Target'>): boolean {
  const { Name, Count, Target } = request;
  const onLicense = Target === 'EMAIL' ? 0 : (held.license[Name] ?? 0);
  const onEmail = Target === 'LICENSE' ? 0 : (held.email[Name] ?? 0);
  if (onLicense + onEmail < Count) return false;
  const fromLicense = Math.min(onLicense, Count);
  if (fromLicense > 0) held.license[Name] = onLicense - fromLicense;
  if (Count - fromLicense > 0) held.email[Name] = onEmail - (Count - fromLicense);
  return true;
}
