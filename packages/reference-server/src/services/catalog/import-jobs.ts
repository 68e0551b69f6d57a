import { isImportFinished, type ImportJob } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, NotFoundError, RateLimitError, ShoptagError } from '../../errors.js';
import { randomId } from '../../ids.js';
import type { Logger } from '../../logger.js';
import type { Db } from '../../store/db.js';
import {
  createImportJobRepository,
  type ImportJobFailure,
  type ImportJobRow,
  type ImportJobSource,
} from '../../store/import-job-repository.js';
import type { CsvSource } from './csv-records.js';
import type { ImportProgress, ShopifyImporter } from './shopify-import.js';

/** How often a process renews the heartbeat of the jobs it holds. */
export const DEFAULT_HEARTBEAT_MS = 5_000;
/** A queued or running job whose heartbeat is this old lost its process. */
export const DEFAULT_ABANDON_AFTER_MS = 60_000;
/** Jobs one process holds at once (running and queued): each keeps its file in memory until it ends. */
export const DEFAULT_MAX_PENDING = 3;

const INTERRUPTED: ImportJobFailure = {
  code: 'import_interrupted',
  message:
    'The process running the import was stopped before it finished. Products in committed chunks stay; import the file again to finish (unchanged products are left alone).',
};
const CANCELLED: ImportJobFailure = {
  code: 'import_cancelled',
  message:
    'The import was cancelled. Products in committed chunks stay; import the file again to finish (unchanged products are left alone).',
};
const ABANDONED: ImportJobFailure = {
  code: 'import_abandoned',
  message:
    'The process running the import stopped answering before it finished. Products in committed chunks stay; import the file again to finish.',
};
const UNEXPECTED: ImportJobFailure = {
  code: 'import_failed',
  message:
    'The import stopped on an unexpected error. Products in committed chunks stay; import the file again to finish.',
};

export interface ImportJobsDeps {
  db: Db;
  clock: Clock;
  importer: ShopifyImporter;
  logger: Logger;
  heartbeatMs?: number;
  abandonAfterMs?: number;
  maxPending?: number;
  /** Called after each chunk a job of this process commits, and when it ends (the CLI draws progress from it). */
  onProgress?: (job: ImportJob) => void;
}

function toJob(row: ImportJobRow): ImportJob {
  return {
    object: 'import_job',
    id: row.id,
    status: row.status,
    rows_total: row.rows_total,
    rows_done: row.rows_done,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    skipped: row.skipped,
    errors: row.errors,
    products: row.products,
    failure: row.failure_code === null ? null : { code: row.failure_code, message: row.failure_message ?? '' },
    cancel_requested: row.cancel_requested,
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
  };
}

interface QueuedImport {
  id: string;
  source: CsvSource;
  rowsTotal: number;
  createdAt: string;
}

/**
 * Product imports as background jobs. A submitted file is read once to check and count it, then
 * queued; this process runs its jobs one at a time, each chunk committing with the job's progress
 * (the `import_jobs` table), so any process can report it. A job stops after the chunk it is
 * writing when it is cancelled (from any process) or when this process shuts down; a job whose
 * process died is reported failed once its heartbeat lapses.
 */
export function createImportJobs(deps: ImportJobsDeps) {
  const jobs = createImportJobRepository(deps.db);
  const heartbeatMs = deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const abandonAfterMs = deps.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS;
  const maxPending = deps.maxPending ?? DEFAULT_MAX_PENDING;
  const queue: QueuedImport[] = [];
  let running: { id: string; controller: AbortController; done: Promise<void> } | null = null;
  /** Submissions still being counted: they hold a place so the limit counts them. */
  let counting = 0;
  let stopping = false;
  let heartbeat: NodeJS.Timeout | null = null;
  const waiters = new Map<string, ((job: ImportJob) => void)[]>();

  const held = () => [...(running ? [running.id] : []), ...queue.map((q) => q.id)];

  function keepHeartbeat(): void {
    if (heartbeat || held().length === 0) return;
    heartbeat = setInterval(() => {
      const ids = held();
      if (ids.length === 0) {
        clearInterval(heartbeat ?? undefined);
        heartbeat = null;
        return;
      }
      jobs
        .heartbeat(ids, deps.clock.now())
        .catch((error: unknown) =>
          deps.logger.warn(`import heartbeat failed: ${error instanceof Error ? error.message : String(error)}`),
        );
    }, heartbeatMs);
    heartbeat.unref();
  }

  async function ended(id: string): Promise<void> {
    const row = await jobs.get(id);
    if (!row) return;
    const job = toJob(row);
    deps.onProgress?.(job);
    for (const resolve of waiters.get(id) ?? []) resolve(job);
    waiters.delete(id);
  }

  async function runOne(item: QueuedImport, controller: AbortController): Promise<void> {
    const { id } = item;
    try {
      if (!(await jobs.start(id, deps.clock.now()))) return;
      const startedAt = deps.clock.now().toISOString();
      const { end } = await deps.importer.run(item.source, {
        signal: controller.signal,
        onChunk: async (tx, progress: ImportProgress) => {
          const { cancelRequested } = await createImportJobRepository(tx).progress(id, progress, deps.clock.now());
          deps.onProgress?.({
            object: 'import_job',
            id,
            status: 'running',
            rows_total: item.rowsTotal,
            rows_done: progress.rowsDone,
            created: progress.created,
            updated: progress.updated,
            unchanged: progress.unchanged,
            skipped: progress.skipped,
            errors: progress.errors,
            products: progress.products,
            failure: null,
            cancel_requested: cancelRequested,
            created_at: item.createdAt,
            started_at: startedAt,
            finished_at: null,
          });
          return cancelRequested;
        },
      });
      const failure =
        end === 'finished'
          ? null
          : end === 'stopped'
            ? CANCELLED
            : ((controller.signal.reason as ImportJobFailure | undefined) ?? INTERRUPTED);
      await jobs.finish(id, failure ? 'cancelled' : 'succeeded', failure, deps.clock.now());
    } catch (error) {
      const failure = error instanceof ShoptagError ? { code: error.code, message: error.message } : UNEXPECTED;
      if (!(error instanceof ShoptagError)) deps.logger.error(`import ${id} failed`, error);
      await jobs
        .finish(id, 'failed', failure, deps.clock.now())
        .catch((e: unknown) => deps.logger.error(`import ${id}: could not record the failure`, e));
    } finally {
      await ended(id).catch((e: unknown) => deps.logger.error(`import ${id}: could not read the job`, e));
    }
  }

  function next(): void {
    if (running || stopping) return;
    const item = queue.shift();
    if (!item) return;
    const controller = new AbortController();
    const done = runOne(item, controller).finally(() => {
      running = null;
      next();
    });
    running = { id: item.id, controller, done };
  }

  async function get(id: string): Promise<ImportJob> {
    let row = await jobs.get(id);
    if (!row) throw new NotFoundError(`No such import: '${id}'`, { param: 'id' });
    if (!isImportFinished(row.status) && !held().includes(id)) {
      const now = deps.clock.now();
      const cutoff = new Date(now.getTime() - abandonAfterMs);
      if (row.heartbeat_at < cutoff) {
        await jobs.failIfAbandoned(id, cutoff, ABANDONED, now);
        row = (await jobs.get(id)) ?? row;
      }
    }
    return toJob(row);
  }

  return {
    /**
     * Checks and counts the file (a `csv_invalid` 400 for one that does not parse or is not a
     * Shopify export, with nothing written), then queues the job and answers it. 429
     * `import_queue_full` while this process already holds {@link DEFAULT_MAX_PENDING} jobs.
     */
    async submit(source: CsvSource, origin: ImportJobSource): Promise<ImportJob> {
      if (held().length + counting >= maxPending) {
        throw new RateLimitError(
          `This server is already running or holding ${maxPending} imports; try again when one has finished.`,
          {
            code: 'import_queue_full',
          },
        );
      }
      counting += 1;
      let rowsTotal: number;
      try {
        rowsTotal = await deps.importer.countRows(source);
      } finally {
        counting -= 1;
      }
      const id = randomId('imp');
      const row = await jobs.insert(
        {
          id,
          source: origin,
          rowsTotal,
          status: stopping ? 'cancelled' : 'queued',
          failure: stopping ? INTERRUPTED : null,
        },
        deps.clock.now(),
      );
      if (!stopping) {
        queue.push({ id, source, rowsTotal, createdAt: row.created_at.toISOString() });
        keepHeartbeat();
        next();
      }
      return toJob(row);
    },

    get,

    /** Cancels a queued job at once, a running one after its current chunk; a cancelled job stays cancelled (409 for one that has ended otherwise). */
    async cancel(id: string): Promise<ImportJob> {
      const row = await jobs.requestCancel(id, CANCELLED, deps.clock.now());
      const local = queue.findIndex((q) => q.id === id);
      if (local >= 0) {
        queue.splice(local, 1);
        await ended(id);
      }
      if (running?.id === id) running.controller.abort(CANCELLED);
      if (row) return toJob(row);
      const job = await get(id);
      if (job.status !== 'cancelled') {
        throw new ConflictError(`The import has already ${job.status === 'succeeded' ? 'succeeded' : 'failed'}.`, {
          code: 'import_finished',
        });
      }
      return job;
    },

    /** Resolves with the job once it has ended (a job of this process), or as it is now (any other). */
    async wait(id: string): Promise<ImportJob> {
      if (!held().includes(id)) return get(id);
      return new Promise<ImportJob>((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },

    /** Resolves once this process holds no job (every one it ran or queued has ended). */
    async idle(): Promise<void> {
      while (running) await running.done;
    },

    /**
     * Stops taking jobs: the running one stops after its current chunk, queued ones are
     * cancelled; resolves once they are recorded. Call on shutdown (SIGTERM) before closing the database.
     */
    async shutdown(): Promise<void> {
      stopping = true;
      running?.controller.abort(INTERRUPTED);
      const queued = queue.splice(0);
      await Promise.allSettled(
        queued.map(async ({ id }) => {
          await jobs.finish(id, 'cancelled', INTERRUPTED, deps.clock.now());
          await ended(id);
        }),
      );
      await running?.done;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
