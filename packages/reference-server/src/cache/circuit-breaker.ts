import type { Clock } from '../clock.js';

/**
 * `closed`: calls go to the dependency. `open`: they do not (callers use their fallback) until a
 * probe is due. `half-open`: a probe is running; calls still use the fallback until it succeeds.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  clock: Clock;
  /** Failed calls in a row that open the circuit. */
  failureThreshold?: number;
  /** How long the circuit stays open before the first probe (ms). */
  openMs?: number;
  /** Each failed probe doubles the wait, up to this (ms). */
  maxOpenMs?: number;
}

export const DEFAULT_FAILURE_THRESHOLD = 2;
export const DEFAULT_OPEN_MS = 500;
export const DEFAULT_MAX_OPEN_MS = 5_000;

/**
 * A circuit breaker as a small state machine over an injected clock: it never calls anything
 * itself. Callers ask `allows()` before a call and report `succeeded()` / `failed()`; while
 * open they ask `tryProbe()` and report the probe with `probed(ok)`. Only a successful probe
 * closes the circuit, so the caller can reconcile the dependency before traffic returns to it.
 */
export interface CircuitBreaker {
  readonly state: CircuitState;
  /** Whether a call may go to the dependency now. */
  allows(): boolean;
  /** A call succeeded: the run of failures starts over. Ignored unless closed (a late answer does not close the circuit). */
  succeeded(): void;
  /** A call failed; the `failureThreshold`-th in a row opens the circuit. Ignored unless closed. */
  failed(): void;
  /** Opens the circuit at once (the connection dropped, or a write may have been lost). */
  trip(): void;
  /** True, once, when the circuit is open and its wait is over: the caller probes, then reports with `probed`. */
  tryProbe(): boolean;
  /** Closes the circuit after a good probe, or opens it again for twice as long (capped). */
  probed(ok: boolean): void;
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const threshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
  const baseOpenMs = options.openMs ?? DEFAULT_OPEN_MS;
  const maxOpenMs = options.maxOpenMs ?? DEFAULT_MAX_OPEN_MS;
  if (!(threshold >= 1 && baseOpenMs > 0 && maxOpenMs >= baseOpenMs))
    throw new RangeError('circuit breaker: need failureThreshold ≥ 1 and 0 < openMs ≤ maxOpenMs');
  const now = () => options.clock.now().getTime();
  let state: CircuitState = 'closed';
  let failures = 0;
  let openMs = baseOpenMs;
  let probeAt = 0;

  const open = () => {
    state = 'open';
    probeAt = now() + openMs;
  };

  return {
    get state() {
      return state;
    },
    allows: () => state === 'closed',
    succeeded() {
      if (state === 'closed') failures = 0;
    },
    failed() {
      if (state !== 'closed') return;
      failures++;
      if (failures >= threshold) open();
    },
    trip() {
      if (state === 'closed') open();
    },
    tryProbe() {
      if (state !== 'open' || now() < probeAt) return false;
      state = 'half-open';
      return true;
    },
    probed(ok) {
      if (state !== 'half-open') return;
      if (ok) {
        state = 'closed';
        failures = 0;
        openMs = baseOpenMs;
      } else {
        openMs = Math.min(openMs * 2, maxOpenMs);
        open();
      }
    },
  };
}
