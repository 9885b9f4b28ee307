// Run by no-fetch-in-node.test.ts in a fresh Node: imports the built JSON provider, makes one call over node:http
// to a plain local server, and prints which of Node's internal fetch modules (undici) were loaded, and when.
// node:http as its CommonJS object: on Node 24, `import ... from 'node:http'` itself loads undici (the ESM namespace
// lists http's lazy WebSocket exports), which would hide what creditkit loads.
const { createServer } = process.getBuiltinModule('node:http');

const loaded = () => process.moduleLoadList.filter((m) => m.includes('internal/deps/undici'));
await import('@creditkit/core');
await import('@creditkit/core/node');
const { createFinerWorksClient } = await import('@creditkit/finerworks');
const afterImport = loaded();

const answer = JSON.stringify({ status: { success: true, message: 'Credits added', code: 200 }, account_id: 7, credits: 250 });
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-1' }).end(answer));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = createFinerWorksClient({ webApiKey: 'probe-web-key', appKey: 'probe-app-key', baseUrl: `http://127.0.0.1:${server.address().port}` });
const result = await client.buyAccountCredits({ amount: 250, cart_id: 'probe' });
server.close();
console.log(JSON.stringify({ afterImport, afterCall: loaded(), credits: result.credits }));
