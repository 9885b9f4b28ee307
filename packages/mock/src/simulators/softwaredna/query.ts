// The credits query's fields: from the JSON body of the GET, or (defensively, FACTS §5.4: some proxies drop
// GET bodies) from query parameters. Booleans arrive as JSON booleans or as "true"/"false" strings.
import { isIP } from 'node:net';
import { parseJson, type SimRequest } from '../../types.js';

export type CreditsTarget = 'LICENSE' | 'EMAIL' | 'ALL';

export interface CreditsQuery {
  Target: CreditsTarget;
  UserIp: string;
  Test: boolean;
  SendDnaEmail: boolean;
}

const FIELDS = ['Target', 'UserIp', 'Test', 'SendDnaEmail'] as const;
const TARGETS: readonly string[] = ['LICENSE', 'EMAIL', 'ALL'];

/** The query, or the `Message` of the 400 to send (texts assumed; the vendor documents only the status). */
export function readCreditsQuery(req: SimRequest): CreditsQuery | { invalid: string } {
  const fromQuery: Record<string, unknown> = {};
  for (const f of FIELDS) if (req.query.has(f)) fromQuery[f] = req.query.get(f);
  let fromBody: Record<string, unknown> = {};
  if (req.text.trim() !== '') {
    const parsed = parseJson(req.text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { invalid: 'The request body must be a JSON object' };
    fromBody = parsed as Record<string, unknown>;
  } else if (!Object.keys(fromQuery).length) {
    return { invalid: 'The request body is missing: Target and UserIp are required' };
  }
  return readQueryFields({ ...fromQuery, ...fromBody });
}

/** The fields the query and the consume call share. */
export function readQueryFields(fields: Record<string, unknown>): CreditsQuery | { invalid: string } {
  if (typeof fields.Target !== 'string' || !TARGETS.includes(fields.Target)) return { invalid: 'Invalid Target: use LICENSE, EMAIL or ALL' };
  if (typeof fields.UserIp !== 'string' || !isIP(fields.UserIp)) return { invalid: 'Invalid UserIp' };
  const test = toBoolean(fields.Test, false);
  const sendDnaEmail = toBoolean(fields.SendDnaEmail, true);
  if (test === undefined) return { invalid: 'Invalid Test value: use true or false' };
  if (sendDnaEmail === undefined) return { invalid: 'Invalid SendDnaEmail value: use true or false' };
  return { Target: fields.Target as CreditsTarget, UserIp: fields.UserIp, Test: test, SendDnaEmail: sendDnaEmail };
}

function toBoolean(value: unknown, fallback: boolean): boolean | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}
