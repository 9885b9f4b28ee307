import { describe, expect, it } from 'vitest';
import { registry } from './providers.js';
import { runCli } from '@creditkit/test-support/cli';

describe('creditkit providers', { timeout: 60_000 }, () => {
  it('lists every registered provider and operation with method, path and idempotency, read from the registry', async () => {
    const { code, stdout, stderr } = await runCli(['providers']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const p of registry.providers) {
      for (const op of Object.values(p.operations)) {
        expect(stdout).toMatch(new RegExp(`${op.id}\\s+${op.method}\\s+${op.path.replace(/[{}]/g, '\\$&')}\\s+${op.idempotency.kind}`));
      }
      for (const c of Object.values(p.spec.credentials)) expect(stdout).toContain(c.env);
    }
  });

  it('gives the same listing as JSON', async () => {
    const { code, stdout } = await runCli(['providers', '--json']);
    expect(code).toBe(0);
    const listing = JSON.parse(stdout) as { id: string; operations: { id: string; method: string; path: string; idempotency: string }[] }[];
    expect(listing.map((p) => p.id)).toEqual(registry.providers.map((p) => p.id));
    for (const p of registry.providers) {
      expect(listing.find((l) => l.id === p.id)!.operations).toEqual(
        Object.values(p.operations).map((op) => expect.objectContaining({ id: op.id, method: op.method, path: op.path, idempotency: op.idempotency.kind })),
      );
    }
  });
});
