// Request budgets of the simulators: a fixed window per key that opens with the key's first request and
// ends `windowMs` later (Fusebill's per-minute and per-day limits, software_DNA's budget per period).

export interface Window {
  /** Epoch ms when this window ends and the budget is whole again. */
  readonly end: number;
  /** Requests counted in this window. */
  used: number;
}

export class FixedWindows {
  readonly #windows = new Map<string, Window>();

  /** The key's current window: the open one, or a fresh one once the last has ended. */
  current(key: string, windowMs: number, now: number): Window {
    const open = this.#windows.get(key);
    if (open && now < open.end) return open;
    const fresh: Window = { end: now + windowMs, used: 0 };
    this.#windows.set(key, fresh);
    return fresh;
  }

  clear(): void {
    this.#windows.clear();
  }
}
