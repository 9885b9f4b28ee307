// The codec does not know the client's secrets; the client scrubs what the codec says afterwards. So the
// codec never cuts text from the document: a cut would leave the head of an echoed key, which the scrubber no
// longer recognises. A bad value is quoted whole or not at all; a long parser message loses its quoted parts
// whole before it is cut.
import { DecodeError, REDACTED, Secrets, type Shape } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { xmlCodec } from './index.js';

const KEY = 'scAUTH-4f0a2b6d-e19c73a5';
const shape: Shape = { type: 'object', xml: { name: 'sale' }, properties: { total: { type: 'number' }, paid: { type: 'boolean' } } };

function decodeError(text: string, s: Shape | undefined = shape): DecodeError {
  try {
    xmlCodec.decode(text, s);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return error as DecodeError;
  }
  throw new Error('decoded without an error');
}

/** What the client makes of a codec's error: the same message and cause, scrubbed (decode/response.ts). */
function asTheClientReports(error: DecodeError, raw: string): DecodeError {
  const secrets = new Secrets();
  secrets.add(KEY);
  return new DecodeError(error.message, { secrets, raw, cause: error.cause });
}

const texts = (e: DecodeError) => [e.message, e.raw, String(e.cause), (e.cause as Error | undefined)?.stack ?? ''];

describe('XML error text and secrets', () => {
  it('never quotes part of a bad value: a key inside a long one is not cut to its head', () => {
    for (const pad of [0, 10, 20, 30, 39]) {
      for (const field of ['total', 'paid']) {
        const text = `<sale><${field}>${'9'.repeat(pad)}${KEY}</${field}></sale>`;
        const error = decodeError(text);
        const value = `${'9'.repeat(pad)}${KEY}`;
        expect(error.message).toContain(value.length > 40 ? `got a text of ${value.length} characters` : `got ${JSON.stringify(value)}`);
        for (const t of texts(asTheClientReports(error, text))) expect(t, `${field} pad ${pad}`).not.toContain(KEY.slice(0, 6));
      }
    }
  });

  it('quotes a short bad value whole, so the client can scrub it', () => {
    const short = 'scAUTH-4f0a2b6d';
    const text = `<sale><total>${short}</total></sale>`;
    const error = decodeError(text);
    expect(error.message).toContain(`got ${JSON.stringify(short)}`);
    const secrets = new Secrets();
    secrets.add(short);
    expect(new DecodeError(error.message, { secrets, raw: text }).message).toContain(`got "${REDACTED}"`);
  });

  it('drops the quoted parts of a long parser message whole, rather than cutting a tag name', () => {
    const text = `<sale>${`<${KEY}>`.repeat(40)}`;
    const error = decodeError(text, undefined);
    expect(error.message.length).toBeLessThan(400);
    for (const t of [error.message, String(error.cause)]) {
      expect(t).not.toContain(KEY.slice(0, 6));
    }
  });
});
