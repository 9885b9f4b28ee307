// The trace of one call, as the client starts and ends it: the call span opens before validation (so a refused
// input is traced too, with no request under it) and ends with the call's outcome. Telemetry never changes a call:
// an instrumenter that throws costs its own data, not the purchase.
import type { CallContext } from '../context.js';
import { OutcomeUnknownError } from '../errors.js';
import type { Secrets } from '../redact.js';
import type { OperationSpec, ProviderSpec } from '../spec-types.js';
import type { CallEnd, CallTrace, Instrumenter } from './instrumenter.js';
import { tracedLog } from './traced-events.js';

export interface StartedTrace {
  trace: CallTrace;
  /** The call's log, also handing traced events to the trace. */
  log: CallContext['log'];
  /** The call's outcome, unchanged, with the trace ended on it. */
  ended(outcome: Promise<unknown>): Promise<unknown>;
}

export function startTrace(instrumenter: Instrumenter | undefined, operation: OperationSpec, spec: ProviderSpec, intentId: unknown, log: CallContext['log'], secrets: Secrets): StartedTrace | undefined {
  if (!instrumenter) return undefined;
  let trace: CallTrace | undefined;
  try {
    trace = instrumenter.startCall({
      provider: spec.id,
      operation: operation.id,
      idempotency: operation.idempotency.kind,
      ...(typeof intentId === 'string' ? { intentId: secrets.scrub(intentId) } : {}),
    });
  } catch (error) {
    log('warn', 'telemetry.failed', { step: 'start', error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
  if (!trace) return undefined;
  const started = trace;
  const end = (how: CallEnd) => {
    try {
      started.end(how);
    } catch (error) {
      log('warn', 'telemetry.failed', { step: 'end', error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    trace: started,
    log: tracedLog(log, started, (s) => secrets.scrub(s)),
    async ended(outcome) {
      try {
        const data = await outcome;
        end({ outcome: 'applied' });
        return data;
      } catch (error) {
        end({
          outcome: error instanceof OutcomeUnknownError ? 'in_doubt' : 'failed',
          errorType: error instanceof Error ? error.name : typeof error,
          message: secrets.scrub(error instanceof Error ? error.message : String(error)),
        });
        throw error;
      }
    },
  };
}
