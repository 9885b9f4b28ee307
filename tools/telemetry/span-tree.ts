// A finished trace as an indented listing: each span with its kind, its attributes and events, children under their
// parent in start order. No times or ids, so the same run prints the same tree (the README's is checked against it).
import type { Attributes } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

const KINDS = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS = ['', '', ' status=ERROR'];
/** Attributes whose values change from run to run: shown as their name only. */
const VARYING = new Set(['server.port']);

export function spanTree(spans: readonly ReadableSpan[]): string {
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  const byParent = new Map<string | undefined, ReadableSpan[]>();
  for (const span of [...spans].sort((a, b) => hr(a.startTime) - hr(b.startTime))) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent !== undefined && ids.has(parent) ? parent : undefined;
    byParent.set(key, [...(byParent.get(key) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (span: ReadableSpan, depth: number) => {
    const pad = '  '.repeat(depth);
    lines.push(`${pad}${span.name}  [${KINDS[span.kind]}${STATUS[span.status.code]}]`);
    lines.push(...attributeLines(span.attributes, `${pad}    `));
    for (const event of span.events) {
      lines.push(`${pad}    event ${event.name}`);
      lines.push(...attributeLines(event.attributes ?? {}, `${pad}        `));
    }
    for (const child of byParent.get(span.spanContext().spanId) ?? []) walk(child, depth + 1);
  };
  for (const root of byParent.get(undefined) ?? []) walk(root, 0);
  return lines.join('\n');
}

function attributeLines(attributes: Attributes, pad: string): string[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${pad}${k}${VARYING.has(k) ? '' : ` = ${JSON.stringify(v).replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')}`}`);
}

const hr = ([s, ns]: [number, number]) => s * 1e9 + ns;
