// The quota counter over a StateStore: the server's count is taken in one compare-and-set, so workers that read the
// same answer at once raise the counter to it once (they used to add it each, and refused calls the budget allowed).
import { describe, expect, it } from 'vitest';
import { memoryStore } from './memory-store.js';
import { storeLimiter } from './rate-limiter-store.js';

const limiter = () => storeLimiter(memoryStore(), 'scope-1', 'quota:minute', 6, 60_000);

describe('storeLimiter sync', () => {
  it('raises the count to what the server says once, however many workers report it at the same time', async () => {
    const l = await limiter();
    await l.consume('account');
    await Promise.all(Array.from({ length: 5 }, () => l.sync('account', 3)));
    expect((await l.get('account'))?.consumedPoints).toBe(3);
    // Three points are left of six: three consumes pass, the fourth is refused.
    for (let i = 0; i < 3; i++) await l.consume('account');
    await expect(l.consume('account')).rejects.toMatchObject({ msBeforeNext: expect.any(Number) });
  });

  it('never lowers the count, and keeps the window where it ends when the server gives no reset instant', async () => {
    const l = await limiter();
    await l.consume('account', 4);
    const before = (await l.get('account'))!.msBeforeNext;
    await l.sync('account', 2);
    const after = (await l.get('account'))!;
    expect(after.consumedPoints).toBe(4);
    expect(after.msBeforeNext).toBeLessThanOrEqual(before);
    expect(after.msBeforeNext).toBeGreaterThan(before - 1000);
  });

  it("ends the window at the server's reset instant when given, and ignores one already past", async () => {
    const l = await limiter();
    await l.sync('account', 2, Date.now() + 5_000);
    const synced = (await l.get('account'))!;
    expect(synced.consumedPoints).toBe(2);
    expect(synced.msBeforeNext).toBeLessThanOrEqual(5_000);
    expect(synced.msBeforeNext).toBeGreaterThan(4_000);
    await l.sync('account', 5, Date.now() - 1);
    expect((await l.get('account'))?.consumedPoints).toBe(2);
  });
});
