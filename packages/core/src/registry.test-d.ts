import { expectTypeOf, test } from 'vitest';
import type { ClientOptions } from './client.js';
import { defineProvider } from './define-provider.js';
import { createRegistry } from './registry.js';
import { tinyOperations, tinySpec } from '@creditkit/test-support';

const alpha = defineProvider<ClientOptions & { alphaKey?: string }>()({ spec: { ...tinySpec, id: 'alpha' } as const, operations: tinyOperations }, () => ({ buyAlpha: (): number => 1 }));
const beta = defineProvider<ClientOptions & { betaKey?: string }>()({ spec: { ...tinySpec, id: 'beta' } as const, operations: tinyOperations }, () => ({ buyBeta: (): string => 'b' }));

test('a registry returns the client and takes the options of the provider named by id', () => {
  const registry = createRegistry([alpha, beta]);
  expectTypeOf(registry.client('alpha', { alphaKey: 'k' }).buyAlpha).returns.toEqualTypeOf<number>();
  expectTypeOf(registry.client('beta').buyBeta).returns.toEqualTypeOf<string>();
  // @ts-expect-error not a registered provider id
  registry.client('gamma');
  // @ts-expect-error alpha's client has no beta methods
  registry.client('alpha').buyBeta();
});
