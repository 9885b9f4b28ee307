// The new package's wire tests, against its simulator stub: per operation, the request on the wire (method,
// path, credentials, body) and the decoded answer, a refused input that sends nothing, and a wrong credential;
// then the credential variables. The values are the spec's examples, written out so a reader sees them.
import type { PlannedOperation, ProviderPlan } from '../plan.js';
import { literal } from './literal.js';

export function wireTestFile(plan: ProviderPlan): string {
  const T = plan.typeName;
  const { id } = plan;
  const checked = plan.credentials.filter((c) => c.carried);
  const [first] = plan.credentials;
  const imports = ['ValidationError', ...(checked.length ? ['AuthenticationError'] : []), ...(first ? ['MissingCredentialsError'] : [])].sort();
  return `// Wire tests of @creditkit/${id} against its simulator (packages/mock/src/simulators/${id}), scaffolded from the
// examples of specs/${id}.yaml. Each rule index.ts or the simulator learns gets its own test here.
import { ${imports.join(', ')} } from '@creditkit/core';
import { useMockServer } from '@creditkit/test-support';
import { describe, expect, it } from 'vitest';
import { create${T}Client } from './index.js';

const mock = useMockServer({ providers: ['${id}'] });

const client = (overrides: Parameters<typeof create${T}Client>[0] = {}) =>
  create${T}Client({ ...mock.credentials.${id}, baseUrl: mock.url('${id}'), ...overrides });
${plan.operations.map((op) => operationTests(plan, op)).join('')}${first ? credentialTest(plan) : ''}`;
}

function operationTests(plan: ProviderPlan, op: PlannedOperation): string {
  const { id } = plan;
  const name = (c: string) => literal(c);
  const credentialChecks = plan.credentials.flatMap((c) => {
    const value = `mock.credentials.${id}.${c.option}`;
    if (c.carried?.in === 'header') return [`    expect(sent!.headers[${name(c.carried.name.toLowerCase())}]).toBe(${value});`];
    if (c.carried?.in === 'query') return [`    expect(sent!.query[${name(c.carried.name)}]).toBe(${value});`];
    if (c.carried?.in === 'bearer') return [`    expect(sent!.headers.authorization).toBe(\`Bearer \${${value}}\`);`];
    return [];
  });
  const bodyChecks =
    op.body === undefined
      ? ['    expect(sent!.body).toBe(\'\');']
      : ["    expect(sent!.headers['content-type']).toMatch(/json/);", `    expect(JSON.parse(sent!.body)).toEqual(${literal(op.body, '    ')});`];
  const queryCheck = Object.keys(op.query).length ? [`    expect(sent!.query).toMatchObject(${literal(op.query, '    ')});`] : [];
  const [wrong] = plan.credentials.filter((c) => c.carried);
  const { [op.required ?? '']: _left, ...incomplete } = op.input;
  return `
describe('${plan.name} ${op.id}', () => {
  const input = ${literal(op.input, '  ')};

  it('sends ${op.method} ${op.path} with the credentials${op.body === undefined ? '' : ' and the JSON body'}, and decodes the answer', async () => {
    const result = await client().${op.id}(input);

    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent).toMatchObject({ method: ${name(op.method)}, path: ${name(op.requestPath)} });
${[...credentialChecks, ...queryCheck, ...bodyChecks].join('\n')}
    expect(result).toEqual(${literal(op.result, '    ')});
    expect(mock.simulators.${id}.accepted).toEqual([${literal({ operation: op.id, params: op.params, ...(op.body === undefined ? {} : { body: op.body }), unsafe: op.unsafe }, '    ')}]);
  });
${
  op.required
    ? `
  it('refuses an input without ${op.required} in a ValidationError, sending nothing', async () => {
    const error = await client()
      .${op.id}(${literal(incomplete, '      ')} as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ path: ${name(op.required)}, rule: 'required' })]);
    expect(mock.requests).toHaveLength(0);
  });
`
    : ''
}
  it('refuses a field the spec does not know, sending nothing', async () => {
    const error = await client()
      .${op.id}({ ...input, notAField: 1 } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(mock.requests).toHaveLength(0);
  });
${
  wrong
    ? `
  it('maps a wrong ${wrong.option} to AuthenticationError (401) without echoing it', async () => {
    const wrongValue = 'wrong-${wrong.option}-0000-1111-2222';
    const error = await client({ ${wrong.option}: wrongValue })
      .${op.id}(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, provider: ${name(id)}, operation: ${name(op.id)} });
    expect(JSON.stringify(error)).not.toContain(wrongValue);
    expect(mock.simulators.${id}.accepted).toHaveLength(0);
  });
`
    : ''
}});
`;
}

function credentialTest(plan: ProviderPlan): string {
  const T = plan.typeName;
  const [first] = plan.credentials;
  const others = plan.credentials.slice(1);
  return `
describe('${plan.name} credentials', () => {
  it('fail at construction when ${first!.option} is missing, naming the option and ${first!.env}', () => {
    const saved = { ...process.env };
    for (const name of ${literal(plan.credentials.map((c) => c.env))}) delete process.env[name];
    try {
      const error = catchError(() => create${T}Client({${others.map((c) => ` ${c.option}: 'x'`).join(',')}${others.length ? ' ' : ''}}));
      expect(error).toBeInstanceOf(MissingCredentialsError);
      expect(error).toMatchObject({ option: ${literal(first!.option)} });
      expect((error as Error).message).toContain(${literal(first!.env)});
    } finally {
      process.env = saved;
    }
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
`;
}
