import type { Locks } from '../../cache/locks.js';
import type { Logger } from '../../logger.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';
import type { PlacementRecovery, RecoveryReport } from './placement-recovery.js';

const LOCK_NAME = 'recover:placements';

export interface RecoveryJob {
  /** One pass now, if no other process is running one; null when it stood aside. */
  runOnce(): Promise<RecoveryReport | null>;
  stop(): Promise<void>;
}

function summary(r: RecoveryReport): string {
  const parts = [
    r.placed && `${r.placed} placed`,
    r.paid && `${r.paid} paid`,
    r.cancelled && `${r.cancelled} cancelled`,
    r.cleared && `${r.cleared} cleared`,
    r.left && `${r.left} left for later`,
  ].filter(Boolean);
  return parts.join(', ');
}

/**
 * Runs placement recovery every `intervalMs` in every process; a lock (Redis `SET NX PX` when
 * configured) lets one pass run at a time, and lapses by itself if its holder dies mid-pass.
 * Passes may still meet a retried `complete` or the webhook: every step is idempotent.
 */
export function startRecoveryJob(deps: {
  recovery: PlacementRecovery;
  locks: Locks;
  logger: Logger;
  intervalMs: number;
  /** Counts passes run, skipped (another process running one) and failed. */
  metrics?: MetricsSink;
}): RecoveryJob {
  const metrics = deps.metrics ?? noopMetrics;
  const { intervalMs } = deps;
  let running: Promise<RecoveryReport | null> | null = null;
  let stopped = false;

  async function passOnce(): Promise<RecoveryReport | null> {
    // Two intervals: a pass that takes longer may overlap the next one elsewhere, which is
    // harmless, as every step is idempotent — and for the same reason, with Redis down each
    // process may run its own passes (an in-process lock).
    const lease = await deps.locks.tryAcquire(LOCK_NAME, intervalMs * 2, { whenUnavailable: 'local' });
    if (!lease) {
      metrics.jobRun('placement_recovery', 'skipped');
      return null;
    }
    try {
      const report = await deps.recovery.runOnce();
      metrics.jobRun('placement_recovery', 'ran');
      return report;
    } catch (error) {
      metrics.jobRun('placement_recovery', 'failed');
      throw error;
    } finally {
      await lease.release().catch(() => undefined);
    }
  }

  function runOnce(): Promise<RecoveryReport | null> {
    running ??= passOnce().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    if (stopped) return;
    runOnce().then(
      (report) => {
        const said = report && summary(report);
        if (said) deps.logger.info(`placement recovery: ${said}`);
      },
      (error: unknown) =>
        deps.logger.warn(
          `placement recovery failed (${error instanceof Error ? error.message : String(error)}); retrying next interval`,
        ),
    );
  }, intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
