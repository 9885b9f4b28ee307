#!/usr/bin/env node
// `creditkit-mock`: starts every simulator on 127.0.0.1 and prints where they are, until Ctrl-C/SIGTERM.
import { parseArgs } from 'node:util';
import { startMockServer } from './server.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: creditkit-mock [--port N] [--json]

Starts faithful simulators of FinerWorks, Fusebill, software_DNA, 2sms AccountAdmin and Safe Creative on
127.0.0.1 (an ephemeral port unless --port is given) and prints each base URL and the credentials they accept.
Stop it with Ctrl-C or SIGTERM.`);
  process.exit(0);
}
const mock = await startMockServer({ port: Number(values.port) });
const ids = Object.keys(mock.simulators) as (keyof typeof mock.simulators)[];
if (values.json) {
  console.log(JSON.stringify({ origin: mock.origin, urls: Object.fromEntries(ids.map((id) => [id, mock.url(id)])), credentials: mock.credentials }));
} else {
  console.log(`creditkit-mock listening on ${mock.origin} (pid ${process.pid})`);
  for (const id of ids) console.log(`  ${id.padEnd(13)} ${mock.url(id)}`);
}
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
