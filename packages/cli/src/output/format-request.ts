// A captured (already redacted) request as an HTTP message, the way a reader expects to see one.
import type { CapturedRequest } from '../call/dry-run.js';

export function formatRequests(requests: readonly CapturedRequest[]): string {
  return requests
    .map((r) => {
      const title = r.purpose === 'token' ? '# token request (answered with a placeholder token in a dry run)\n' : requests.length > 1 ? "# the operation's request\n" : '';
      const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
      return `${title}${r.method} ${r.url}\n${headers.join('\n')}${r.body !== undefined ? `\n\n${r.body}` : ''}`;
    })
    .join('\n\n');
}
