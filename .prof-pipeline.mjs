import { createFinerWorksClient } from '@creditkit/finerworks';
const body = new TextEncoder().encode(JSON.stringify({ status: { success: true, message: 'ok', code: 200 }, account_id: 1, credits: 250 }));
const answer = { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body };
const client = createFinerWorksClient({ webApiKey: 'k', appKey: 'a', transport: async () => answer, maxRetries: 0 });
let err;
try { await client.buyAccountCredits({ amount: 250, cart_id: 'c-1' }); } catch (e) { err = e; console.log('first call error:', e.name, e.message.slice(0, 200)); }
for (let i = 0; i < 3000; i++) await client.buyAccountCredits({ amount: 250, cart_id: 'c-1' }).catch(() => {});
const n = 20000; const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < n; i++) await client.buyAccountCredits({ amount: 250, cart_id: 'c-1' }).catch(() => {});
const t = performance.now() - t0; const c = process.cpuUsage(c0);
console.log('µs/call wall', (t * 1000 / n).toFixed(1), 'cpu', ((c.user + c.system) / n).toFixed(1));
