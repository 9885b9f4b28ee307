#!/usr/bin/env node
// `creditkit-mock`: starts every simulator on 127.0.0.1 and prints where they are, until Ctrl-C/SIGTERM.
// A bad flag is one line on stderr and exit 2; a port that cannot be used, one line and exit 1.
import { MockUsageError, parseMockArgs, printable, USAGE } from './bin-args.js';
import { startMockServer } from './server.js';

function fail(message: string, code: number): never {
  console.error(`creditkit-mock: ${printable(message)}`);
  process.exit(code);
}

let args: ReturnType<typeof parseMockArgs>;
try {
  args = parseMockArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof MockUsageError)) throw error;
  fail(`${error.message} (see creditkit-mock --help)`, 2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const mock = await startMockServer({ port: args.port }).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `port ${args.port} is in use` : error.code === 'EACCES' ? `no permission to listen on port ${args.port}` : `cannot start: ${error.message}`, 1),
);
// Before anything is printed: a supervisor that stops it as soon as it reads the URLs gets a clean exit 0.
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const ids = Object.keys(mock.simulators) as (keyof typeof mock.simulators)[];
if (args.json) {
  console.log(JSON.stringify({ origin: mock.origin, urls: Object.fromEntries(ids.map((id) => [id, mock.url(id)])), credentials: mock.credentials }));
} else {
  console.log(`creditkit-mock listening on ${mock.origin} (pid ${process.pid})`);
  for (const id of ids) console.log(`  ${id.padEnd(13)} ${mock.url(id)}`);
}
