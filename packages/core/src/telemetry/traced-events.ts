// Which of the pipeline's log events are also trace events, under which name. The stages state each fact once
// (`ctx.log`); the log and the trace both listen, so neither can tell a different story. Fields are scrubbed here,
// before an instrumenter sees them, as the logger scrubs its lines.
import type { CallContext } from '../context.js';
import { isQuiet, type LogFields, type LogLevel, quiet } from '../plugins/logger.js';
import { scrubDeep } from '../redact.js';
import type { CallTrace } from './instrumenter.js';

/** Log event -> span event. Waits carry `waitMs`; a retry carries `serverRequested` (a 429's Retry-After). */
export const TRACED_EVENTS: Readonly<Record<string, string>> = {
  'retry.scheduled': 'creditkit.retry',
  'retry.shared-wait': 'creditkit.server_wait',
  'retry.hint-exceeds-budget': 'creditkit.server_wait_refused',
  'quota.wait': 'creditkit.quota_wait',
  'auth.token-fetched': 'creditkit.token_fetch',
  'auth.ztime-resync': 'creditkit.clock_resync',
  'intent.resumed': 'creditkit.intent_resumed',
  'intent.in-doubt': 'creditkit.intent_in_doubt',
};

type CallLog = CallContext['log'];

/** The `log` of one call: the client's log, and the traced events handed to the call's trace. */
export function tracedLog(log: CallLog, trace: CallTrace, scrub: (s: string) => string): CallLog {
  const traced: CallLog = (level: LogLevel, event: string, fields: LogFields = {}) => {
    log(level, event, fields);
    const name = TRACED_EVENTS[event];
    if (name === undefined) return;
    try {
      trace.event(name, scrubDeep(fields, scrub) as LogFields);
    } catch (error) {
      log('warn', 'telemetry.failed', { step: 'event', error: error instanceof Error ? error.message : String(error) });
    }
  };
  return isQuiet(log) ? quiet(traced) : traced;
}
