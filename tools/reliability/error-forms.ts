// Every way an error ends up in a log or a bug report: what a secret search must cover.
import { inspect } from 'node:util';

/** String(), message, stack, JSON.stringify, util.inspect (depth 10), and the same for each cause in the chain. */
export function errorForms(error: unknown): string[] {
  const forms: string[] = [String(error), JSON.stringify(error) ?? '', inspect(error, { depth: 10 })];
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 10; depth++, e = e.cause) forms.push(String(e), e.message, e.stack ?? '', inspect(e, { depth: 10 }));
  return forms;
}
