// Replies checked before use: a broken or hostile server (or a proxy in between) answering in another shape
// gives a DecodeError, never a TypeError deep inside the store nor a wrong answer.
import { type ClaimResult, DecodeError, type StoredRecord } from '@creditkit/core';

function describe(reply: unknown): string {
  try {
    return typeof reply === 'string' ? reply : (JSON.stringify(reply) ?? String(reply));
  } catch {
    return Object.prototype.toString.call(reply);
  }
}

const fail = (what: string, reply: unknown, cause?: unknown): never => {
  throw new DecodeError(`redis: unexpected reply to ${what}`, { raw: describe(reply), ...(cause === undefined ? {} : { cause }) });
};

function text(what: string, reply: unknown): string {
  if (typeof reply === 'string') return reply;
  if (reply instanceof Uint8Array) return new TextDecoder().decode(reply);
  return fail(what, reply);
}

export function decodeList(what: string, reply: unknown): string[] {
  // A RESP3 client may map SMEMBERS to a Set.
  const items = reply instanceof Set ? [...reply] : reply;
  if (!Array.isArray(items)) return fail(what, reply);
  return items.map((item) => text(what, item));
}

export function decodeInteger(what: string, reply: unknown): number {
  const n = typeof reply === 'number' ? reply : typeof reply === 'string' && /^-?\d+$/.test(reply) ? Number(reply) : Number.NaN;
  if (!Number.isSafeInteger(n)) return fail(what, reply);
  return n;
}

/** A script's 0 or 1. */
export function decodeFlag(what: string, reply: unknown): boolean {
  const n = decodeInteger(what, reply);
  if (n !== 0 && n !== 1) return fail(what, reply);
  return n === 1;
}

/** A stored record's JSON, or undefined for a nil reply. */
export function decodeRecord(what: string, reply: unknown): StoredRecord | undefined {
  if (reply === null || reply === undefined) return undefined;
  const raw = text(what, reply);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return fail(what, raw, error);
  }
  const record = parsed as { state?: unknown; value?: unknown } | null;
  if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof record.state !== 'string' || !('value' in record)) {
    return fail(what, raw);
  }
  return { state: record.state, value: record.value as StoredRecord['value'] };
}

/** MGET: one entry per key asked, each a record or nil. */
export function decodeRecords(what: string, reply: unknown, count: number): (StoredRecord | undefined)[] {
  if (!Array.isArray(reply) || reply.length !== count) return fail(what, reply);
  return reply.map((item) => decodeRecord(what, item));
}

export function decodeClaim(reply: unknown): ClaimResult {
  if (!Array.isArray(reply) || (reply.length !== 1 && reply.length !== 3)) return fail('claim', reply);
  const granted = decodeInteger('claim', reply[0]);
  if (granted !== 0 && granted !== 1) return fail('claim', reply);
  if (reply.length === 1) return granted === 1 ? { claimed: true } : fail('claim', reply);
  const owner = text('claim', reply[1]);
  const expiresAt = decodeInteger('claim', reply[2]);
  return granted === 1 ? { claimed: true, expired: { owner, expiresAt } } : { claimed: false, owner, expiresAt };
}
