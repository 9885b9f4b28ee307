// The shapes `npm run generate` writes into each provider's src/generated/provider.ts.

/** What decoders need to know about a schema: types, arrays, XML names (see tools/codegen/shape.ts). */
export interface Shape {
  readonly type: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'any';
  readonly name?: string;
  readonly format?: string;
  readonly xml?: { readonly name?: string; readonly attribute?: boolean; readonly wrapped?: boolean; readonly namespace?: string; readonly prefix?: string };
  readonly properties?: { readonly [name: string]: Shape };
  readonly items?: Shape;
  readonly variants?: readonly Shape[];
}

/** One field of an operation's input, and where it goes on the wire. */
export interface InputField {
  readonly name: string;
  readonly in: 'path' | 'query' | 'body' | 'header';
  /** Filled by the pipeline (`auth`) or fixed by the spec (`const`, with `value`): never the caller's. */
  readonly supplied?: 'auth' | 'const';
  readonly value?: string;
}

/** How safe an operation is to send twice, from the spec's `x-creditkit-idempotency`. */
export interface Idempotency {
  readonly kind: 'safe' | 'key' | 'unsafe';
  /** With `key`: the input field that makes a repeat harmless. */
  readonly field?: string;
  /** With `key`: how to fill the field when the caller leaves it out (`uuid`). */
  readonly generate?: 'uuid';
  /** With `key`: a 409 after an ambiguous attempt means the earlier attempt was applied. */
  readonly conflictMeansDone?: boolean;
}

/** A 2xx body that reports failure, located by JSON pointers into the decoded body. */
export interface BodyErrorRule {
  /** The call failed when this is `false`. */
  readonly successPointer?: string;
  /** The call failed when this is present and not empty. */
  readonly presencePointer?: string;
  readonly codePointer?: string;
  readonly messagePointer?: string;
}

/** One error of a {@link Validator}, as Ajv reports it. */
export interface ValidatorIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: Record<string, unknown>;
}

/** A compiled schema check (Ajv standalone): true when `data` is valid, otherwise false with `errors` set. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidatorIssue[] | null;
}

/** One operation of a provider, as `npm run generate` reads it from the spec. */
export interface OperationSpec {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly summary?: string;
  readonly requestMediaTypes?: readonly string[];
  readonly responseMediaTypes: readonly string[];
  readonly security: readonly (readonly string[])[];
  readonly idempotency: Idempotency;
  readonly bodyError?: BodyErrorRule;
  readonly fields: readonly InputField[];
  readonly requestShape?: Shape;
  readonly responseShape?: Shape;
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly validate: Validator;
  /** Checks a 2xx body, once decoded and found not to report a failure, against the response schema. */
  readonly validateResponse?: Validator;
}

/** One security scheme of the spec. */
export interface SecuritySchemeSpec {
  readonly type: string;
  readonly in?: string;
  readonly name?: string;
  readonly scheme?: string;
  readonly tokenUrl?: string;
  readonly extension?: unknown;
}

/** A server hint header beyond Retry-After / retry-after-ms (`x-creditkit-provider.retryHints`). */
export interface RetryHintSpec {
  readonly header: string;
  /** `delta-seconds`: seconds from now; `epoch-seconds`/`epoch-ms`: an instant; `http-date`; `auto`: any of these. */
  readonly format: 'delta-seconds' | 'epoch-seconds' | 'epoch-ms' | 'http-date' | 'auto';
}

/** A provider as `npm run generate` reads it from its spec: servers, credentials and security schemes, retry hints. */
export interface ProviderSpec {
  readonly id: string;
  readonly name: string;
  readonly servers: Readonly<Record<string, string>>;
  readonly defaultEnvironment: string;
  /** Option name -> env variable, security scheme, and `role` (`username`, `password`, `token`…) for schemes that take several. */
  readonly credentials: Readonly<Record<string, { readonly env: string; readonly scheme?: string; readonly role?: string; readonly secret?: boolean }>>;
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
  readonly retryHints: readonly RetryHintSpec[];
}

/** Flattens an intersection so editors show one object type. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
