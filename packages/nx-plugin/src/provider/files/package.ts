// The provider package itself, shaped like packages/finerworks: the manifest (with the `creditkit` metadata that
// puts it on the one provider list), the build and type settings, the hand-written index.ts, README and LICENSE.
import type { ProviderPlan } from '../plan.js';
import { literal } from './literal.js';

export function packageFiles(plan: ProviderPlan, license: string): Record<string, string> {
  return {
    'package.json': `${JSON.stringify(manifest(plan), null, 2)}\n`,
    'tsconfig.json': '{ "extends": "../../tsconfig.base.json", "include": ["src"], "exclude": ["src/**/*.test.ts", "src/**/*.test-d.ts"] }\n',
    'tsup.config.ts': "import { defineConfig } from 'tsup';\nimport { libraryConfig } from '../../tools/build/tsup.js';\n\nexport default defineConfig(libraryConfig(['src/index.ts']));\n",
    'src/index.ts': indexFile(plan),
    'README.md': readme(plan),
    LICENSE: license,
  };
}

function manifest(plan: ProviderPlan) {
  const { id } = plan;
  return {
    name: `@creditkit/${id}`,
    version: '0.1.0',
    description: `Typed client for the ${plan.name} API: validated input, typed errors, safe retries.`,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    engines: { node: '^20.19.0 || ^22.0.0 || ^24.0.0' },
    repository: { type: 'git', url: 'git+https://github.com/creditkit/creditkit.git', directory: `packages/${id}` },
    keywords: [id, 'credits', 'openapi', 'sdk'],
    exports: {
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './package.json': './package.json',
    },
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.cts',
    files: ['dist', 'README.md', 'LICENSE', 'CHANGELOG.md'],
    scripts: {
      generate: `tsx ../../tools/codegen/generate.ts --only ${id}`,
      build: 'tsup',
      typecheck: 'tsc -p tsconfig.json --noEmit',
      lint: 'biome lint src',
      test: `vitest run --root ../.. packages/${id}/`,
    },
    dependencies: { '@creditkit/core': '^0.1.0' },
    devDependencies: { '@creditkit/test-support': '*' },
    creditkit: { provider: id, simulator: id, credentials: Object.fromEntries(plan.credentials.map((c) => [c.option, c.env])) },
    nx: { targets: { generate: { inputs: [`{workspaceRoot}/specs/${id}.yaml`, 'codegen'] } } },
  };
}

function indexFile(plan: ProviderPlan): string {
  const T = plan.typeName;
  return `// @creditkit/${plan.id} — ${plan.title}. Everything but this file is generated from specs/${plan.id}.yaml; what
// lives here is what the spec cannot say (where the vendor's errors keep their text, a rate-limit rule, a
// signature): so far only the error text.
import { defineProvider } from '@creditkit/core/internal';
import { platformTransport } from '@creditkit/core/node';
import { bindOperations } from './generated/client.js';
import type { ${T}GeneratedOptions } from './generated/options.js';
import { operations, spec } from './generated/provider.js';

export type * from './generated/client.js';

/** The credentials and \`environment\` of the spec (generated/options.ts); ${plan.name} adds none yet. */
export interface ${T}ClientOptions extends ${T}GeneratedOptions {}

export const provider = defineProvider<${T}ClientOptions>()(
  {
    spec,
    operations,
    transport: platformTransport,
    // Where ${plan.name}'s error documents keep their text: \`message\` until the vendor's pages say otherwise.
    errorMessage: (body) => {
      const text = (body as { message?: unknown } | undefined)?.message;
      return typeof text === 'string' ? text : undefined;
    },
  },
  bindOperations,
);

export const create${T}Client = provider.createClient;
export type ${T}Client = ReturnType<typeof create${T}Client>;
`;
}

function readme(plan: ProviderPlan): string {
  const { id, name } = plan;
  const T = plan.typeName;
  const [op] = plan.operations;
  const call = op ? `await ${id}.${op.id}(${literal(op.input, '  ')})` : 'undefined';
  const methods = plan.operations.map((o) => `| \`${o.id}(input, callOptions?)\` | \`${o.method} ${o.path}\` | ${o.summary} | ${o.idempotency === 'unsafe' ? 'no: never resent after an ambiguous failure' : o.idempotency === 'key' ? 'yes, with its idempotency key' : 'yes'} |`);
  const credentials = plan.credentials.map((c) => `| \`${c.option}\` | env \`${c.env}\` |`);
  const environments = plan.servers.map((s) => `\`'${s.environment}'\` (${s.url})`).join(', ');
  return `# @creditkit/${id}

Typed client for ${plan.name} (${plan.title}). Input is validated against the spec before anything is sent, failures are typed
errors, secrets never appear in an error or a log line, and a purchase is never sent twice.

## Install

\`\`\`sh
npm install @creditkit/${id} @creditkit/core
\`\`\`

Node 20.19+, 22 or 24, ESM (\`import\`) or CommonJS (\`require\`).

## Try it against the simulator

\`@creditkit/mock\` runs a ${name} simulator on 127.0.0.1 (\`npm install -D @creditkit/mock\`):

\`\`\`ts
import { create${T}Client } from '@creditkit/${id}';
import { startMockServer } from '@creditkit/mock';

const mock = await startMockServer({ providers: ['${id}'] });
try {
  const ${id} = create${T}Client({ ...mock.credentials.${id}, baseUrl: mock.url('${id}') });
  console.log(${call});
} finally {
  await mock.close();
}
\`\`\`

## API

\`create${T}Client(options?)\` returns a client with one method per operation of the spec:

| method | call | what it does | safe to resend |
|---|---|---|---|
${methods.join('\n')}

The package also exports \`provider\`, for apps that pick a provider at run time with \`createRegistry\` from
\`@creditkit/core\`.

### Options

| option | default |
|---|---|
${credentials.join('\n')}
| \`environment\` | \`'${plan.defaultEnvironment}'\`: ${environments} |
| \`baseUrl\` | from \`environment\`; another host: a proxy, or the simulator (\`mock.url('${id}')\`) |

The options every client shares (\`maxRetries\`, \`timeoutMs\`, \`logger\`, \`fetch\`, \`plugins\`…) are described in
\`@creditkit/core\`'s README. A missing credential fails at construction with a \`MissingCredentialsError\` naming
the option and its variable.

## Errors

Every error extends \`CreditkitError\` (import the classes from \`@creditkit/core\`): \`ValidationError\` (nothing
was sent), \`AuthenticationError\` (401), \`ApiError\`, \`ServerError\`, \`RateLimitError\`, \`OutcomeUnknownError\`
(a purchase was sent and no answer came back; it is not resent), \`ConnectionError\`, \`TimeoutError\`.

## License

MIT
`;
}
