// Reads a stream up to a byte limit and stops there: `--data @/dev/zero` or an endless pipe on stdin costs
// one limit's worth of memory, never the whole stream.

/** At most `limit + 1` bytes of `source` (one more than allowed, so the caller can tell it was too long). */
export async function readCapped(source: AsyncIterable<Uint8Array | string>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(bytes);
    size += bytes.length;
    // Leaving the loop destroys the stream: nothing more is read.
    if (size > limit) break;
  }
  const all = Buffer.concat(chunks);
  return all.length > limit + 1 ? all.subarray(0, limit + 1) : all;
}
