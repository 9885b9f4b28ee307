// A typed error as the store keeps it, and back: a call that meets a failed or doubtful intent throws the same
// class with the same fields (status, code, body, reconcile…) as the call that ended it, without sending.
import { ERROR_KINDS } from '../error-kinds.js';
import { CreditkitError } from '../errors.js';
import type { StoredError } from './intent-record.js';
import type { StoredValue } from './state-store.js';

/** The stored form: the error's JSON (already scrubbed when the error was built), made plain. */
export function toStoredError(error: unknown): StoredError {
  if (error instanceof CreditkitError) {
    const { name, message, cause: _cause, ...fields } = error.toJSON() as Record<string, unknown>;
    return { name: String(name), message: String(message), fields: plain(fields) as { [key: string]: StoredValue } };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, fields: {} };
}

const CLASSES = new Map<string, abstract new (...args: never[]) => Error>([...ERROR_KINDS.keys()].map((c) => [c.name, c]));

/** The error again: its class (CreditkitError for a name we do not know), message and fields. */
export function restoreError(stored: StoredError, intentId: string): Error {
  const errorClass = CLASSES.get(stored.name) ?? CreditkitError;
  // Built without its constructor (each class takes other arguments), with the properties a constructor sets:
  // `message` and `stack` not enumerable (as Error makes them), `name` and the fields enumerable (as ours are).
  const error = Object.create(errorClass.prototype, {
    message: { value: stored.message, writable: true, configurable: true },
    stack: { value: `${stored.name}: ${stored.message}\n    (replayed from intent ${intentId})`, writable: true, configurable: true },
  }) as Error;
  Object.assign(error, { name: stored.name, ...stored.fields });
  return error;
}

/** JSON-safe: what JSON would keep (no undefined, no functions), so every store can hold it. */
export const plain = (value: unknown): StoredValue => (value === undefined ? null : (JSON.parse(JSON.stringify(value)) as StoredValue));
