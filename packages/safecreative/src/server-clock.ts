// Safe Creative refuses a ztime more than 5 s away from its own clock (`InvalidTime`). The client keeps the
// offset it learned from the server's clock and adds it to every ztime it signs.

export class ServerClock {
  #offsetMs = 0;
  #syncing: Promise<boolean> | undefined;

  /** Milliseconds since the epoch, by the server's clock as last learned. */
  now(): number {
    return Math.round(Date.now() + this.#offsetMs);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Takes an offset another worker learned (shared through the client's store). */
  adopt(offsetMs: number): void {
    if (Number.isFinite(offsetMs) && Math.abs(offsetMs) < 366 * 86_400_000) this.#offsetMs = offsetMs;
  }

  /** Reads the server's clock once for all concurrent callers; false when it could not be read. */
  sync(read: () => Promise<number | undefined>): Promise<boolean> {
    this.#syncing ??= (async () => {
      const sent = Date.now();
      const server = await read();
      if (server === undefined) return false;
      // The server read its clock somewhere in the round trip: assume the middle.
      this.#offsetMs = server - (sent + Date.now()) / 2;
      return true;
    })().finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }
}
