// The pipeline's log events that are also trace events: handed to the trace scrubbed, the others not at all, and a
// trace that throws costs a log line, never the call.
import { describe, expect, it } from 'vitest';
import { isQuiet, type LogFields, silent } from '../plugins/logger.js';
import { Secrets } from '../redact.js';
import type { CallTrace } from './instrumenter.js';
import { TRACED_EVENTS, tracedLog } from './traced-events.js';

const SECRET = 'sk-live-0123456789abcdef';

function recorder(throwing = false) {
  const events: [string, Readonly<Record<string, unknown>>][] = [];
  const trace: CallTrace = {
    recording: true,
    event(name, fields) {
      if (throwing) throw new Error('exporter down');
      events.push([name, fields]);
    },
    request: (_start, send) => send({}),
    end() {},
  };
  return { trace, events };
}

describe('tracedLog', () => {
  const secrets = new Secrets();
  secrets.add(SECRET);
  const scrub = (s: string) => secrets.scrub(s);

  it('hands a traced event to the trace under its span event name, every string scrubbed', () => {
    const { trace, events } = recorder();
    const lines: [string, LogFields][] = [];
    const log = tracedLog((_level, event, fields = {}) => void lines.push([event, fields]), trace, scrub);
    log('info', 'retry.scheduled', { attempt: 1, waitMs: 250, reason: `refused key ${SECRET}`, nested: { echo: SECRET } });
    expect(events).toEqual([['creditkit.retry', { attempt: 1, waitMs: 250, reason: 'refused key [REDACTED]', nested: { echo: '[REDACTED]' } }]]);
    // The log line itself is the log's to scrub (makeLog does): it gets the fields as the stage gave them.
    expect(lines.map(([event]) => event)).toEqual(['retry.scheduled']);
  });

  it('hands on no event that is not traced', () => {
    const { trace, events } = recorder();
    const log = tracedLog(silent, trace, scrub);
    log('debug', 'request.start', { attempt: 1 });
    log('info', 'request.end', { status: 200 });
    expect(events).toEqual([]);
  });

  it('maps each traced log event to a creditkit.* span event', () => {
    for (const [event, name] of Object.entries(TRACED_EVENTS)) {
      const { trace, events } = recorder();
      tracedLog(silent, trace, scrub)('info', event, {});
      expect(events).toEqual([[name, {}]]);
      expect(name).toMatch(/^creditkit\.[a-z_]+$/);
    }
  });

  it('a trace that throws is logged as telemetry.failed and the stage goes on', () => {
    const { trace } = recorder(true);
    const lines: [string, LogFields][] = [];
    const log = tracedLog((_level, event, fields = {}) => void lines.push([event, fields]), trace, scrub);
    expect(() => log('info', 'auth.token-fetched', {})).not.toThrow();
    expect(lines).toEqual([['auth.token-fetched', {}], ['telemetry.failed', { step: 'event', error: 'exporter down' }]]);
  });

  it('stays quiet when the client log is: stages then skip building lines nobody reads', () => {
    expect(isQuiet(tracedLog(silent, recorder().trace, scrub))).toBe(true);
    expect(isQuiet(tracedLog(() => {}, recorder().trace, scrub))).toBe(false);
  });
});
