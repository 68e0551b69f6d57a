import type { Logger } from '../logger.js';
import type { CircuitBreaker, CircuitState } from './circuit-breaker.js';

export interface OutageGuardOptions {
  /** The dependency's name, for logs ("Redis"). */
  name: string;
  breaker: CircuitBreaker;
  /** Whether the dependency answers; bounded in time by the caller (a command timeout). */
  ping: () => Promise<boolean>;
  logger: Logger;
  /** How often to check whether a probe is due while the circuit is open (ms); 0: only when `probe()` is called. */
  probeEveryMs?: number;
}

export interface RunOptions {
  /**
   * The call changes the dependency's state. When it fails, the dependency may or may not have
   * applied it, and the fallback is what the rest of this process sees: the circuit opens at
   * once, so that recovery (which reconciles) runs before anything reads the dependency again.
   */
  write?: boolean;
}

/**
 * Routes calls to a shared dependency (Redis) while its circuit is closed and to an in-process
 * fallback otherwise, so an outage costs at most a command timeout per call until the circuit
 * opens, then nothing. While open it probes the dependency; after a good probe it runs the
 * recovery hooks (reconciling what the dependency missed), and only then closes the circuit.
 */
export interface OutageGuard {
  /** Whether calls go to the dependency right now. */
  readonly available: boolean;
  readonly state: CircuitState;
  /** `call` while the circuit is closed, `fallback` when it is not or when `call` fails. */
  run<T>(call: () => Promise<T>, fallback: () => Promise<T>, options?: RunOptions): Promise<T>;
  /** Opens the circuit at once (the connection dropped); `reason` goes to the log. */
  trip(reason: string): void;
  /**
   * Runs `hook` after every outage, once the dependency answers and before any call uses it
   * again. Hooks run in the order added; one that throws keeps the circuit open (probed again later).
   */
  onRecovery(hook: () => Promise<void>): void;
  /** Probes now if a probe is due; answers whether the circuit is closed afterwards. */
  probe(): Promise<boolean>;
  /** Stops the probe timer. */
  close(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createOutageGuard(options: OutageGuardOptions): OutageGuard {
  const { breaker, logger, name } = options;
  const hooks: (() => Promise<void>)[] = [];
  let probing: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const wentDown = (reason: string) => {
    logger.warn(`${name} is not answering (${reason}); serving from the database and in-process state until it does`);
    startTimer();
  };

  function startTimer() {
    if (timer || !options.probeEveryMs) return;
    timer = setInterval(() => void probe(), options.probeEveryMs);
    timer.unref();
  }

  function stopTimer() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  async function runProbe(): Promise<boolean> {
    try {
      if (!(await options.ping())) throw new Error('no answer to PING');
      for (const hook of hooks) await hook();
      breaker.probed(true);
      stopTimer();
      logger.info(`${name} answers again; using it again`);
      return true;
    } catch (error) {
      breaker.probed(false);
      logger.debug(`${name} probe failed (${describe(error)})`);
      return false;
    }
  }

  function probe(): Promise<boolean> {
    if (probing) return probing;
    if (!breaker.tryProbe()) return Promise.resolve(breaker.allows());
    probing = runProbe().finally(() => {
      probing = null;
    });
    return probing;
  }

  function failed(error: unknown, write: boolean) {
    const wasClosed = breaker.allows();
    if (write) breaker.trip();
    else breaker.failed();
    if (wasClosed && !breaker.allows()) wentDown(describe(error));
  }

  return {
    get available() {
      return breaker.allows();
    },
    get state() {
      return breaker.state;
    },
    async run(call, fallback, runOptions = {}) {
      if (!breaker.allows()) {
        void probe();
        return fallback();
      }
      let result;
      try {
        result = await call();
      } catch (error) {
        failed(error, runOptions.write === true);
        return fallback();
      }
      breaker.succeeded();
      return result;
    },
    trip(reason) {
      if (!breaker.allows()) return;
      breaker.trip();
      wentDown(reason);
    },
    onRecovery(hook) {
      hooks.push(hook);
    },
    probe,
    close: stopTimer,
  };
}
