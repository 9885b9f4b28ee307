// The fixed order of one call, owned by core. Nothing a user or a provider passes can add, remove or reorder a
// stage: user plugins hook in at the named points (plugin.ts), providers fill in their own rules (their codecs,
// their authorize step, their error detectors) through the ProviderDefinition.
//
//   validate -> key -> retry loop { serialize -> authorize -> [beforeSend] -> send -> decode -> [afterDecode] } -> result
//                      [onRetry] between attempts; timeouts by the attempt runner (attempt.ts)

/** The stages of one call, in the order they run. Each has its own file in this folder. */
export const STAGES = ['validate', 'key', 'retry', 'serialize', 'authorize', 'send', 'decode', 'result'] as const;

/** The name of one of the fixed stages of a call ({@link ClientDescription.stages}). */
export type StageName = (typeof STAGES)[number];

/** Where a user plugin can hook in, in the order a call meets them. */
export const HOOK_POINTS = ['beforeSend', 'afterDecode', 'onRetry'] as const;

/** A point of the pipeline where a {@link Plugin} can hook in. */
export type HookPoint = (typeof HOOK_POINTS)[number];

/** Names no user plugin may take: the stages, and the guarantees that once were plugins of these names. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set<string>([...STAGES, 'validation', 'idempotency', 'timeout', 'logger']);
