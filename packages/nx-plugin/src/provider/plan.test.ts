// What the generator reads from a spec when the spec gives no examples (values made from the schemas), for a
// query-string operation with a bearer token, and what it refuses to scaffold (an XML operation).
import { describe, expect, it } from 'vitest';
import { planProvider } from './plan.js';

const spec = (operation: string, schemes = 'token: { type: http, scheme: bearer }') => `
openapi: 3.1.0
info: { title: Bare, version: '1' }
servers: [{ url: 'https://bare.example', x-creditkit-environment: production }]
x-creditkit-provider: { id: bare, name: Bare, credentials: { token: { env: BARE_TOKEN, scheme: token, description: t } } }
security: [{ token: [] }]
components: { securitySchemes: { ${schemes} } }
paths:
  /v2/orders/{orderId}:
${operation}`;

describe('planProvider', () => {
  it('makes a valid example call from the schemas when the spec gives none', () => {
    const plan = planProvider(
      'bare.yaml',
      spec(`    post:
      operationId: placeOrder
      parameters: [{ name: orderId, in: path, required: true, schema: { type: string, minLength: 3 } }]
      requestBody:
        content:
          application/json:
            schema: { type: object, required: [qty, kind, note], properties: { qty: { type: integer, minimum: 5 }, kind: { enum: [a, b] }, note: { type: string }, opt: { type: string } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { type: object, required: [id], properties: { id: { type: string } } } } } } }`),
    );
    expect(plan).toMatchObject({ id: 'bare', name: 'Bare', typeName: 'Bare', defaultEnvironment: 'production', credentials: [{ option: 'token', env: 'BARE_TOKEN', carried: { in: 'bearer', option: 'token' } }] });
    const [op] = plan.operations;
    expect(op).toMatchObject({ id: 'placeOrder', method: 'POST', unsafe: true, idempotency: 'unsafe', status: 201, required: 'qty', tagField: 'note' });
    expect(op!.input).toEqual({ orderId: 'xxx', qty: 5, kind: 'a', note: 'x' });
    expect(op!.body).toEqual({ qty: 5, kind: 'a', note: 'x' });
    expect(op!.requestPath).toBe('/v2/orders/xxx');
    expect(op!.params).toEqual({ orderId: 'xxx' });
    expect(op!.result).toEqual({ id: 'x' });
  });

  it('reads a GET with a required query parameter as safe, with no body, and a query API key as checked there', () => {
    const plan = planProvider(
      'bare.yaml',
      spec(
        `    get:
      operationId: getOrder
      parameters:
        - { name: orderId, in: path, required: true, schema: { type: string }, example: 'o/1' }
        - { name: fields, in: query, required: true, schema: { type: string }, example: all }
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object }, example: { id: o1 } } } } }`,
        'token: { type: apiKey, in: query, name: key }',
      ),
    );
    const [op] = plan.operations;
    expect(plan.credentials[0]!.carried).toEqual({ in: 'query', name: 'key', option: 'token' });
    expect(op).toMatchObject({ unsafe: false, idempotency: 'safe', requestPath: '/v2/orders/o%2F1', query: { fields: 'all' }, result: { id: 'o1' }, required: 'fields' });
    expect(op!.body).toBeUndefined();
  });

  it('refuses an XML operation: its simulator is written by hand', () => {
    expect(() =>
      planProvider(
        'bare.yaml',
        spec(`    post:
      operationId: placeOrder
      requestBody: { content: { application/xml: { schema: { type: object } } } }
      responses: { '200': { description: ok } }`),
      ),
    ).toThrow('placeOrder: the provider generator scaffolds JSON operations; application/xml needs a hand-written simulator');
  });
});
