/** What one counted request learned: whether it may go on, and how the window stands. */
export interface RateLimitResult {
  allowed: boolean;
  /** Requests left in the current window after this one (0 once refused). */
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

/**
 * Fixed-window request counters shared by every server process: Redis `INCR` with an expiry
 * when configured, otherwise a map in this process.
 */
export interface RateLimiter {
  readonly kind: 'redis' | 'memory';
  /** Counts one request against `key`: at most `limit` per window of `windowMs`. */
  consume(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
  /**
   * How many requests `key` has counted in the current window, without counting one (a sign-in
   * checks its failures before trying a password, and counts only the failures).
   */
  peek(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  close(): Promise<void>;
}

/** The window a moment falls in, and how long until it ends. */
export function windowOf(nowMs: number, windowMs: number): { index: number; resetMs: number } {
  const index = Math.floor(nowMs / windowMs);
  return { index, resetMs: (index + 1) * windowMs - nowMs };
}
