// software_DNA's IP lockout: "triggered after multiple invalid attempts in a given period, and a set cooling
// period will be enacted". The thresholds are undocumented system-wide settings, so they are configurable.

export interface LockoutSettings {
  /** Invalid attempts from one IP within `windowMs` that lock it out. */
  maxInvalidAttempts: number;
  windowMs: number;
  /** How long a locked-out IP stays locked. */
  coolingMs: number;
}

export function createIpLockout(settings: () => LockoutSettings, now: () => number) {
  const attempts = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  return {
    /** Milliseconds until the IP may try again; 0 when it is not locked out. */
    remainingMs(ip: string): number {
      const until = lockedUntil.get(ip) ?? 0;
      if (until > now()) return until - now();
      lockedUntil.delete(ip);
      return 0;
    },
    recordInvalid(ip: string): void {
      const { maxInvalidAttempts, windowMs, coolingMs } = settings();
      const at = now();
      const recent = [...(attempts.get(ip) ?? []).filter((t) => t > at - windowMs), at];
      if (recent.length < maxInvalidAttempts) return void attempts.set(ip, recent);
      attempts.delete(ip);
      lockedUntil.set(ip, at + coolingMs);
    },
    clear(): void {
      attempts.clear();
      lockedUntil.clear();
    },
  };
}
