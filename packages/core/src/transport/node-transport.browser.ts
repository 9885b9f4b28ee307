// Browsers and edge runtimes have no transport that can send a body on GET. Fail before anything is sent.
import { UnsupportedRuntimeError } from '../errors.js';
import type { Transport } from './transport.js';

export const nodeHttpTransport: Transport = async (_request, ctx) => {
  throw new UnsupportedRuntimeError(
    `${ctx.provider.name} ${ctx.operation.id} sends a JSON body on GET, which only Node's http module can do; WHATWG fetch (browsers, workers) drops or refuses it. Call it from Node.`,
    { provider: ctx.provider.id, operation: ctx.operation.id },
  );
};
