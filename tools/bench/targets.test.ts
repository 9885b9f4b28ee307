// Issue 14's targets table: every row always listed, judged at its limit, and never judged on a handful of
// samples (a smoke run) or on a section that did not run.
import { describe, expect, it } from 'vitest';
import { ISSUE_TARGETS, judge, MIN_SAMPLES, targetRows, targetsTable } from './targets.js';

const target = (id: string) => ISSUE_TARGETS.find((t) => t.id === id)!;

describe('issue 14 targets', () => {
  it('lists every row of the issue, in its order, even when nothing was measured', () => {
    const rows = targetRows([]);
    expect(rows.map((r) => r.target.id)).toEqual(ISSUE_TARGETS.map((t) => t.id));
    expect(new Set(rows.map((r) => r.verdict))).toEqual(new Set(['not measured']));
    expect(targetsTable([]).split('\n')).toHaveLength(2 + ISSUE_TARGETS.length);
  });

  it('allows equality at a "≤" limit but not at "faster"', () => {
    expect(judge(target('sequential'), { id: 'sequential', value: 1.5, samples: 9 })).toBe('met');
    expect(judge(target('sequential'), { id: 'sequential', value: 1.51, samples: 9 })).toBe('not met');
    expect(judge(target('gotConcurrent'), { id: 'gotConcurrent', value: 1, samples: 9 })).toBe('not met');
    expect(judge(target('gotConcurrent'), { id: 'gotConcurrent', value: 0.99, samples: 9 })).toBe('met');
    expect(judge(target('bundleJson'), { id: 'bundleJson', value: 9_000 })).toBe('met');
    expect(judge(target('bundleJson'), { id: 'bundleJson', value: 9_001 })).toBe('not met');
  });

  it('gives no verdict on fewer samples than the minimum', () => {
    expect(judge(target('importJson'), { id: 'importJson', value: 1, samples: MIN_SAMPLES - 1 })).toBe('too few samples');
    expect(judge(target('importJson'), { id: 'importJson', value: 1, samples: MIN_SAMPLES })).toBe('met');
  });

  it('shows the median, its interquartile range, what it is of and how many samples', () => {
    const [row] = targetRows([{ id: 'importXml', value: 61.25, iqr: [-2, 70.5], samples: 21, note: '`@creditkit/safecreative`' }]).filter((r) => r.target.id === 'importXml');
    expect(row!.measured).toBe('61.3 ms (IQR −2.0 ms – 70.5 ms), `@creditkit/safecreative`, 21 runs');
    expect(row!.verdict).toBe('not met');
  });
});
