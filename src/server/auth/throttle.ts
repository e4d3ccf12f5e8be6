/**
 * Counts failures per key (an account, an IP address) in a fixed window that starts at the first
 * failure: after `limit` failures the key is locked until the window ends. Memory is bounded: past
 * `maxKeys` the oldest key is forgotten. In memory, per server process.
 *
 * @example
 * const t = new Throttle(5, 15 * 60_000);
 * for (let i = 0; i < 5; i++) t.fail('rita@example.com');
 * t.retryAfter('rita@example.com') // 900 (seconds)
 */
export class Throttle {
  private readonly entries = new Map<string, { count: number; start: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  private current(key: string) {
    const e = this.entries.get(key);
    if (e && this.now() - e.start >= this.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Seconds until `key` may try again; undefined when it is not locked. */
  retryAfter(key: string): number | undefined {
    const e = this.current(key);
    if (!e || e.count < this.limit) return undefined;
    return Math.max(1, Math.ceil((e.start + this.windowMs - this.now()) / 1000));
  }

  /** Records one failure of `key`. */
  fail(key: string): void {
    const e = this.current(key);
    if (e) {
      e.count += 1;
      return;
    }
    if (this.entries.size >= this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { count: 1, start: this.now() });
  }

  /** Forgets the failures of `key` (after a success). */
  reset(key: string): void {
    this.entries.delete(key);
  }
}
