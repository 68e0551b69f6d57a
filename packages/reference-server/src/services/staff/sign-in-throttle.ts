import type { RateLimiter } from '../../cache/rate-limiter.js';
import { RateLimitError } from '../../errors.js';

/** One limit on failed sign-ins: at most `failures` per window of `windowMs`, counted per `scope`. */
export interface SignInLimit {
  scope: 'account' | 'ip';
  failures: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * Failed sign-ins allowed before more are refused (429): per account a few per quarter hour and
 * a few more per day (so a patient guesser is slowed further), per IP address more, as several
 * people may share one.
 */
export const DEFAULT_SIGN_IN_LIMITS: readonly SignInLimit[] = [
  { scope: 'account', failures: 5, windowMs: 15 * MINUTE },
  { scope: 'account', failures: 20, windowMs: 24 * 60 * MINUTE },
  { scope: 'ip', failures: 20, windowMs: 15 * MINUTE },
];

export interface SignInThrottle {
  /** Throws a 429 `rate_limit_error` when the account or the address has failed too often lately. */
  check(email: string, ip: string): Promise<void>;
  /** Counts a failure against the account and the address. */
  fail(email: string, ip: string): Promise<void>;
}

/**
 * Failed sign-ins counted on the shared rate limiter (Redis across processes, or this process).
 * Only failures count: a person who signs in often is never limited. Counted per email whether or
 * not it has an account, so the limit says nothing about which addresses exist. When the counters
 * cannot be reached the sign-in goes on (argon2 still makes each guess slow).
 */
export function createSignInThrottle(options: {
  limiter: RateLimiter;
  limits?: readonly SignInLimit[];
}): SignInThrottle {
  const limits = options.limits ?? DEFAULT_SIGN_IN_LIMITS;
  const keyOf = (limit: SignInLimit, email: string, ip: string) =>
    `signin:${limit.scope}:${limit.windowMs}:${limit.scope === 'account' ? email.trim().toLowerCase() : ip}`;
  return {
    async check(email, ip) {
      let retryMs = 0;
      for (const limit of limits) {
        try {
          const { count, resetMs } = await options.limiter.peek(keyOf(limit, email, ip), limit.windowMs);
          if (count >= limit.failures) retryMs = Math.max(retryMs, resetMs);
        } catch {
          // counters unreachable: not a reason to lock everyone out
        }
      }
      if (retryMs === 0) return;
      const seconds = Math.max(1, Math.ceil(retryMs / 1000));
      throw new RateLimitError(`Too many failed sign-ins. Try again in ${seconds} s, or reset the password.`, {
        code: 'sign_in_rate_limited',
        details: { retry_after_seconds: seconds },
      });
    },
    async fail(email, ip) {
      await Promise.allSettled(
        limits.map((limit) => options.limiter.consume(keyOf(limit, email, ip), limit.failures, limit.windowMs)),
      );
    },
  };
}
