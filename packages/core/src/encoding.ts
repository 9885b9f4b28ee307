/** UTF-8 text to base64, in browsers and Node alike. */
export function base64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes to text; throws a TypeError on bytes that are not UTF-8 rather than replacing them. */
export function utf8Strict(bytes: ArrayBuffer | Uint8Array): string {
  return strictDecoder.decode(bytes);
}
