// Run by dist-error-names.test.ts under plain Node, as a user's program would: imports the built packages by
// name (their exports maps pick dist/*.js for import and dist/*.cjs for require) and reports the name of every
// exported error class, of an instance of it, and of the errors a provider's client raises. Prints JSON.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const packages = process.argv[2].split(',');
const loaders = { esm: (name) => import(name), cjs: async (name) => require(name) };

/** Constructor arguments that fit every error class of the family (message-first, init-first or issues-first). */
const init = { status: 400, code: 'X', message: 'm', scope: 'attempt', timeoutMs: 1, attempts: 1, idempotencyKey: 'k', requestSent: false, reconcile: { method: 'POST', path: '/', input: {}, hint: '' } };
function construct(ErrorClass) {
  for (const args of [[init], ['m', init], [[{ path: '', rule: 'r', message: 'm' }], init], ['m']]) {
    try {
      return new ErrorClass(...args);
    } catch {}
  }
  return undefined;
}

const describe = (error) => ({ name: error?.name, constructorName: error?.constructor?.name, text: String(error).split(':')[0] });

const classes = [];
for (const name of packages) {
  for (const [format, load] of Object.entries(loaders)) {
    const mod = await load(name);
    for (const [key, value] of Object.entries(mod)) {
      if (typeof value !== 'function' || !(value.prototype instanceof Error)) continue;
      classes.push({ package: name, format, export: key, className: value.name, ...describe(construct(value)) });
    }
  }
}

// A provider's client from its dist (FinerWorks): a missing credential, then a 400 from a server on 127.0.0.1.
const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(400, { 'content-type': 'application/json' }).end('{"Message":"bad"}')));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const raised = [];
for (const [format, load] of Object.entries(loaders)) {
  const { createFinerWorksClient } = await load('@creditkit/finerworks');
  try {
    createFinerWorksClient({});
  } catch (error) {
    raised.push({ format, case: 'missing credentials', ...describe(error) });
  }
  const client = createFinerWorksClient({ webApiKey: 'probe-web-key', appKey: 'probe-app-key', baseUrl, maxRetries: 0 });
  await client.buyAccountCredits({ amount: 250, cart_id: 'probe' }).then(
    () => raised.push({ format, case: 'HTTP 400', name: 'no error' }),
    (error) => raised.push({ format, case: 'HTTP 400', ...describe(error) }),
  );
}
server.close();
console.log(JSON.stringify({ classes, raised }));
