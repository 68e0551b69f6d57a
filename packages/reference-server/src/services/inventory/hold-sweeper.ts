import type { Locks } from '../../cache/locks.js';
import type { Logger } from '../../logger.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';
import type { ReservationService } from './reservations.js';

export const DEFAULT_SWEEP_INTERVAL_MS = 30_000;
const LOCK_NAME = 'sweep:inventory-holds';

export interface HoldSweeper {
  /** One sweep now, if no other process is sweeping; answers the holds released (0 when it stood aside). */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Releases lapsed stock holds every `intervalMs`. Several processes may run one: a lock
 * (Redis `SET NX PX` when configured) lets one sweep at a time, so they never fight over rows.
 */
export function startHoldSweeper(deps: {
  reservations: ReservationService;
  locks: Locks;
  logger: Logger;
  intervalMs?: number;
  /** Counts sweeps run, skipped (another process sweeping) and failed. */
  metrics?: MetricsSink;
}): HoldSweeper {
  const metrics = deps.metrics ?? noopMetrics;
  const intervalMs = deps.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function sweepOnce(): Promise<number> {
    // The lease outlives one sweep comfortably; it lapses by itself if this process dies mid-sweep.
    // The lock only spares processes duplicate work: two sweeps at once release each hold once
    // (a hold's rows are deleted under its stock rows' locks; the second finds none), so while
    // Redis is down each process sweeps under its own lock rather than not at all.
    const lease = await deps.locks.tryAcquire(LOCK_NAME, intervalMs * 2, { whenUnavailable: 'local' });
    if (!lease) {
      metrics.jobRun('hold_sweeper', 'skipped');
      return 0;
    }
    try {
      const released = await deps.reservations.releaseExpired();
      metrics.jobRun('hold_sweeper', 'ran');
      return released;
    } catch (error) {
      metrics.jobRun('hold_sweeper', 'failed');
      throw error;
    } finally {
      await lease.release().catch(() => undefined);
    }
  }

  function sweep(): Promise<number> {
    running ??= sweepOnce().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    if (stopped) return;
    sweep().then(
      (n) => n > 0 && deps.logger.debug(`released ${n} lapsed stock hold${n === 1 ? '' : 's'}`),
      (error: unknown) =>
        deps.logger.warn(
          `stock hold sweep failed (${error instanceof Error ? error.message : String(error)}); retrying next interval`,
        ),
    );
  }, intervalMs);
  timer.unref();

  return {
    sweep,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
