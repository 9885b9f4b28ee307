// The validation rules (pipeline/validate.ts applies them first in every call): the generated validator checks
// the input against the spec, plus what no schema says (a path segment that would move the URL, an unpaired
// surrogate); nothing is sent on failure.
import type { CallContext } from '../context.js';
import { type Issue, ValidationError } from '../errors.js';
import type { Secrets } from '../redact.js';
import type { OperationSpec, ValidatorIssue } from '../spec-types.js';

/** Throws a ValidationError listing every issue of `input`; returns when it may be sent. */
export function validateInput(input: unknown, ctx: CallContext): asserts input is Record<string, unknown> {
  const { operation: op } = ctx;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError([{ path: '', rule: 'type', message: 'input must be an object' }], { provider: ctx.provider.id, operation: op.id, secrets: ctx.secrets });
  }
  if (!op.validate(input)) {
    throw new ValidationError(toIssues(op.validate.errors ?? [], { secrets: ctx.secrets }), { provider: ctx.provider.id, operation: op.id, secrets: ctx.secrets });
  }
  const unsendable = [...unpairedSurrogates(input), ...pathSegmentIssues(op, input as Record<string, unknown>)];
  if (unsendable.length) throw new ValidationError(unsendable, { provider: ctx.provider.id, operation: op.id, secrets: ctx.secrets });
}

export interface IssueOptions {
  /** Quoted values are scrubbed before they are cut to a preview. */
  secrets?: Secrets;
  /** Names a body and its items (`body[0].Count`) instead of input fields as the caller wrote them (`Billing.Email`). */
  root?: string;
}

const ONE_BOUND = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' };

/** Ajv errors -> one readable issue per field and rule. */
export function toIssues(errors: readonly ValidatorIssue[], { secrets, root }: IssueOptions = {}): Issue[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const issues: Issue[] = [];
  for (const e of errors) {
    // The branches of a failed anyOf are summed up by the anyOf issue itself.
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && anyOfPaths.has(e.instancePath)) continue;
    const issue = toIssue(e, errors, secrets, root);
    if (!issues.some((i) => i.path === issue.path && i.rule === issue.rule)) issues.push(issue);
  }
  return issues;
}

function toIssue(e: ValidatorIssue, all: readonly ValidatorIssue[], secrets?: Secrets, root?: string): Issue {
  const base = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = e.params as Record<string, any>;
  const schema = e.parentSchema ?? {};
  const at = (segments: string[]) =>
    root === undefined ? segments.join('.') : segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : `${path}.${s}`), root);
  const field = at(base) || 'input';
  const got = (value: unknown) => `; got ${preview(value, secrets)}`;
  const value = (e as { data?: unknown }).data;
  switch (e.keyword) {
    case 'required':
      return { path: at([...base, p.missingProperty]), rule: 'required', message: `${at([...base, p.missingProperty])} is required` };
    case 'dependentRequired':
      return { path: at([...base, p.missingProperty]), rule: 'dependentRequired', message: `${at([...base, p.missingProperty])} is required when ${at([...base, p.property])} is given (both or neither)` };
    case 'additionalProperties':
      return { path: at([...base, p.additionalProperty]), rule: 'additionalProperties', message: `${at([...base, p.additionalProperty])} is not a field of this operation` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const lo = schema.minimum ?? schema.exclusiveMinimum;
      const hi = schema.maximum ?? schema.exclusiveMaximum;
      const inclusive = schema.minimum !== undefined && schema.maximum !== undefined;
      const rule = lo !== undefined && hi !== undefined ? 'range' : e.keyword;
      const text = lo !== undefined && hi !== undefined
        ? `must be between ${lo} and ${hi}${inclusive ? ' (inclusive)' : ''}`
        : `must be ${ONE_BOUND[e.keyword as keyof typeof ONE_BOUND]} ${p.limit}`;
      return { path: field, rule, message: `${field} ${text}${got(value)}` };
    }
    case 'maxLength':
    case 'minLength':
      return { path: field, rule: e.keyword, message: `${field} must be at ${e.keyword === 'maxLength' ? 'most' : 'least'} ${p.limit} characters; got ${typeof value === 'string' ? value.length : '?'}` };
    case 'enum':
      return { path: field, rule: 'enum', message: `${field} must be one of ${(p.allowedValues as unknown[]).join(', ')}${got(value)}` };
    case 'const':
      return { path: field, rule: 'const', message: `${field} must be ${JSON.stringify(p.allowedValue)}${got(value)}` };
    case 'type':
      return { path: field, rule: 'type', message: `${field} must be of type ${p.type}${got(value)}` };
    case 'format':
      return { path: field, rule: 'format', message: `${field} must be a valid ${p.format}${got(value)}` };
    case 'pattern':
      return { path: field, rule: 'pattern', message: `${field} must match ${p.pattern}${got(value)}` };
    case 'anyOf':
    case 'oneOf': {
      const branches = all.filter((x) => x.instancePath === e.instancePath && x.keyword !== e.keyword).map((x) => (x.keyword === 'format' ? `a valid ${(x.params as { format: string }).format}` : x.message));
      return { path: field, rule: e.keyword, message: `${field} must be ${[...new Set(branches)].join(' or ') || 'one of the allowed forms'}${got(value)}` };
    }
    default:
      return { path: field, rule: e.keyword, message: `${field} ${e.message ?? 'is invalid'}` };
  }
}

/** A short picture of a bad value, scrubbed before it is cut; never throws (a BigInt or a cycle cannot be JSON). */
function preview(value: unknown, secrets?: Secrets): string | undefined {
  try {
    const json = JSON.stringify(value);
    return json === undefined || !secrets ? json?.slice(0, 60) : secrets.clip(json, 60);
  } catch {
    return typeof value === 'bigint' ? `${value}n` : Object.prototype.toString.call(value);
  }
}

const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Strings with an unpaired surrogate have no UTF-8 form: URL encoding throws on them, bodies would corrupt them. */
function unpairedSurrogates(value: unknown, path: readonly string[] = [], issues: Issue[] = []): Issue[] {
  if (typeof value === 'string') {
    const at = path.join('.') || 'input';
    if (UNPAIRED.test(value)) issues.push({ path: at, rule: 'wellFormed', message: `${at} contains an unpaired UTF-16 surrogate, which cannot be sent as UTF-8` });
  } else if (value && typeof value === 'object' && path.length < 32) {
    for (const [k, v] of Object.entries(value)) unpairedSurrogates(v, [...path, k], issues);
  }
  return issues;
}

/**
 * A path parameter is one segment of the URL. `.` and `..` are removed or climb a level when the URL is
 * normalised (`/v1/credits/../L` is sent as `/v1/L`), an empty one merges two segments, and `/` or `\`
 * (sent as %2F, %5C) are read as separators by many servers and proxies: each would send the call elsewhere.
 */
function pathSegmentIssues(op: OperationSpec, input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  for (const field of op.fields) {
    if (field.in !== 'path' || field.supplied || !Object.hasOwn(input, field.name)) continue;
    const value = input[field.name];
    if (value === undefined || value === null || typeof value === 'object') continue;
    const text = String(value);
    const problem = text === '' ? 'must not be empty' : text === '.' || text === '..' ? `must not be "${text}"` : /[/\\]/.test(text) ? 'must not contain / or \\' : undefined;
    if (problem) issues.push({ path: field.name, rule: 'pathSegment', message: `${field.name} is a URL path segment and ${problem}` });
  }
  return issues;
}
