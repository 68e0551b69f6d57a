/**
 * Test-only crash points of order placement (`SHOPTAG_FAULT_KILL_AT`): the process SIGKILLs
 * itself when it reaches the named point, so tests can prove a crash anywhere leaves a state that
 * recovery finishes. Never set it in production.
 */
export const FAULT_POINTS = ['before-payment', 'after-authorization', 'after-order', 'after-capture'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface FaultInjector {
  /** Called at each crash point; kills the process when it is the configured one. */
  reach(point: FaultPoint): void;
}

export const noFaults: FaultInjector = { reach: () => undefined };

/** Kills this process (SIGKILL: no cleanup, no answer) at `point`. */
export function createFaultInjector(
  point: FaultPoint | null,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): FaultInjector {
  if (point === null) return noFaults;
  return {
    reach(at) {
      if (at !== point) return;
      write(`[shoptag] fault injection: SIGKILL at ${at} (SHOPTAG_FAULT_KILL_AT)`);
      process.kill(process.pid, 'SIGKILL');
    },
  };
}
