/**
 * Counts failed sign-ins per key (email, client address) in a sliding window; while a key has `maxFailures` failures
 * within `windowMs`, further attempts are refused without checking the password. In-memory, per process.
 */
export interface SignInLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: SignInLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Is any of the keys currently blocked? */
  isBlocked(keys: readonly string[]): boolean {
    return keys.some((k) => this.recent(k).length >= this.maxFailures);
  }

  recordFailure(keys: readonly string[]): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k), this.now()]);
    if (this.failures.size > 100_000) this.failures.clear(); // bound memory under a spray of random emails
  }

  recordSuccess(keys: readonly string[]): void {
    for (const k of keys) this.failures.delete(k);
  }
}
