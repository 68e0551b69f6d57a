import type { Queryable } from './db.js';

export type ImportJobStatusValue = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type ImportJobSource = 'api' | 'cli';

export interface ImportJobRow {
  id: string;
  status: ImportJobStatusValue;
  source: ImportJobSource;
  rows_total: number;
  rows_done: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: { row: number; handle: string | null; reason: string }[];
  products: { row: number; handle: string; outcome: 'created' | 'updated' | 'unchanged' }[];
  failure_code: string | null;
  failure_message: string | null;
  cancel_requested: boolean;
  heartbeat_at: Date;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** What a committed chunk has done so far (totals, not increments). */
export interface ImportJobProgress {
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: ImportJobRow['errors'];
  products: ImportJobRow['products'];
}

export interface ImportJobFailure {
  code: string;
  message: string;
}

const COLUMNS = `id, status, source, rows_total, rows_done, created, updated, unchanged, skipped, errors, products, failure_code, failure_message,
  cancel_requested, heartbeat_at, created_at, started_at, finished_at`;
const UNFINISHED = `status IN ('queued', 'running')`;

export function createImportJobRepository(q: Queryable) {
  return {
    /** A new job: queued, or already finished (a job refused before it could start). */
    async insert(
      job: {
        id: string;
        source: ImportJobSource;
        rowsTotal: number;
        status: 'queued' | 'cancelled';
        failure: ImportJobFailure | null;
      },
      now: Date,
    ): Promise<ImportJobRow> {
      const { rows } = await q.query<ImportJobRow>(
        `INSERT INTO import_jobs (id, status, source, rows_total, failure_code, failure_message, heartbeat_at, created_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, CASE WHEN $2 = 'queued' THEN NULL ELSE $7::timestamptz END)
         RETURNING ${COLUMNS}`,
        [job.id, job.status, job.source, job.rowsTotal, job.failure?.code ?? null, job.failure?.message ?? null, now],
      );
      return rows[0]!;
    },

    async get(id: string): Promise<ImportJobRow | undefined> {
      const { rows } = await q.query<ImportJobRow>(`SELECT ${COLUMNS} FROM import_jobs WHERE id = $1`, [id]);
      return rows[0];
    },

    /** Queued → running; false when the job is no longer queued (cancelled meanwhile). */
    async start(id: string, now: Date): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE import_jobs SET status = 'running', started_at = $2, heartbeat_at = $2 WHERE id = $1 AND status = 'queued'`,
        [id, now],
      );
      return rowCount === 1;
    },

    /**
     * Records a committed chunk (call in the chunk's transaction, so the counts are exactly what
     * is committed) and answers whether a cancel was asked for since.
     */
    async progress(id: string, p: ImportJobProgress, now: Date): Promise<{ cancelRequested: boolean }> {
      const { rows } = await q.query<{ cancel_requested: boolean }>(
        `UPDATE import_jobs SET rows_done = $2, created = $3, updated = $4, unchanged = $5, skipped = $6, errors = $7::jsonb, heartbeat_at = $8,
                products = $9::jsonb
          WHERE id = $1 RETURNING cancel_requested`,
        [
          id,
          p.rowsDone,
          p.created,
          p.updated,
          p.unchanged,
          p.skipped,
          JSON.stringify(p.errors),
          now,
          JSON.stringify(p.products),
        ],
      );
      return { cancelRequested: rows[0]?.cancel_requested ?? false };
    },

    /** The end of a job that is still unfinished; answers the row as it ends up. */
    async finish(
      id: string,
      status: 'succeeded' | 'failed' | 'cancelled',
      failure: ImportJobFailure | null,
      now: Date,
    ): Promise<ImportJobRow | undefined> {
      const { rows } = await q.query<ImportJobRow>(
        `UPDATE import_jobs SET status = $2, failure_code = $3, failure_message = $4, finished_at = $5, heartbeat_at = $5
          WHERE id = $1 AND ${UNFINISHED} RETURNING ${COLUMNS}`,
        [id, status, failure?.code ?? null, failure?.message ?? null, now],
      );
      return rows[0];
    },

    /** Renews the heartbeat of jobs this process holds. */
    async heartbeat(ids: readonly string[], now: Date): Promise<void> {
      if (ids.length === 0) return;
      await q.query(`UPDATE import_jobs SET heartbeat_at = $2 WHERE id = ANY($1::text[]) AND ${UNFINISHED}`, [
        ids,
        now,
      ]);
    },

    /**
     * Asks a job to stop: a queued one is cancelled at once, a running one when its runner next
     * commits a chunk. Answers the row, or undefined when the job is already finished (or unknown).
     */
    async requestCancel(id: string, failure: ImportJobFailure, now: Date): Promise<ImportJobRow | undefined> {
      const { rows } = await q.query<ImportJobRow>(
        `UPDATE import_jobs SET cancel_requested = true,
                status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
                failure_code = CASE WHEN status = 'queued' THEN $2 ELSE failure_code END,
                failure_message = CASE WHEN status = 'queued' THEN $3 ELSE failure_message END,
                finished_at = CASE WHEN status = 'queued' THEN $4::timestamptz ELSE finished_at END
          WHERE id = $1 AND ${UNFINISHED} RETURNING ${COLUMNS}`,
        [id, failure.code, failure.message, now],
      );
      return rows[0];
    },

    /** Marks the job failed when it is unfinished and its heartbeat lapsed before `cutoff` (its process is gone). */
    async failIfAbandoned(id: string, cutoff: Date, failure: ImportJobFailure, now: Date): Promise<void> {
      await q.query(
        `UPDATE import_jobs SET status = 'failed', failure_code = $3, failure_message = $4, finished_at = $5
          WHERE id = $1 AND ${UNFINISHED} AND heartbeat_at < $2`,
        [id, cutoff, failure.code, failure.message, now],
      );
    },
  };
}

export type ImportJobRepository = ReturnType<typeof createImportJobRepository>;
