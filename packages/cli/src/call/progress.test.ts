import { type LogLine, Secrets } from '@creditkit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../io.js';
import { progress } from './progress.js';

const io = (tty: boolean) => {
  const drawn: string[] = [];
  const printed: string[] = [];
  const value: Io = {
    out: () => {},
    err: (t) => void printed.push(t),
    ...(tty ? { progress: { write: (t: string) => drawn.push(t), columns: 100 } } : {}),
    readStdin: async () => '',
    onInterrupt: () => () => {},
  };
  return { value, drawn, printed };
};
const line = (event: string, fields: Record<string, unknown> = {}): LogLine => ({ level: 'info', event, provider: 'finerworks', operation: 'buyAccountCredits', ...fields });

afterEach(() => vi.useRealTimers());

describe('progress line', () => {
  it('counts down a retry wait on a terminal and erases itself when done', () => {
    vi.useFakeTimers();
    const { value, drawn } = io(true);
    const shown = progress(value, 'finerworks.buyAccountCredits', false, new Secrets());
    const log = shown.options.logger as (l: LogLine) => void;
    log(line('request.start', { attempt: 1 }));
    log(line('retry.scheduled', { attempt: 1, waitMs: 3000, reason: '429 Too Many Requests' }));
    vi.advanceTimersByTime(1000);
    shown.done();
    expect(drawn).toEqual([
      '\r\x1b[2K… finerworks.buyAccountCredits: waiting for an answer (attempt 1)',
      '\r\x1b[2K… finerworks.buyAccountCredits: retrying in 3 s (attempt 1: 429 Too Many Requests)',
      '\r\x1b[2K… finerworks.buyAccountCredits: retrying in 2 s (attempt 1: 429 Too Many Requests)',
      '\r\x1b[2K',
    ]);
  });

  it('installs no logger when stderr is not a terminal, unless --verbose asks for the log lines', () => {
    expect(progress(io(false).value, 'x', false, new Secrets()).options).toEqual({});
    const { value, printed, drawn } = io(false);
    const verbose = progress(value, 'x', true, new Secrets());
    (verbose.options.logger as (l: LogLine) => void)(line('request.start', { attempt: 1 }));
    expect(drawn).toEqual([]);
    expect(printed.map((p) => JSON.parse(p))).toEqual([expect.objectContaining({ event: 'request.start' })]);
  });
});
