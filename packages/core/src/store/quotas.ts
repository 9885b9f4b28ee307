// Proactive quotas. PLACEHOLDER: the types are fixed, the limiter lands with the shared state.

/** A request budget: at most `points` requests per `durationMs`, per provider account. */
export interface QuotaWindow {
  readonly points: number;
  readonly durationMs: number;
}

export interface QuotaOptions {
  /** Budgets to keep under, overriding what the provider's headers say (Fusebill: per minute and per day). */
  readonly windows?: Readonly<Record<string, QuotaWindow>>;
  /** The longest wait for budget before the call fails with a RateLimitError. Default: the retry's maxRetryAfterMs. */
  readonly maxWaitMs?: number;
}
