import { z } from 'zod';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });
const Count = z.number().int().nonnegative();

/** How many skipped rows a job lists (the first, by row); `skipped` counts them all. */
export const MAX_IMPORT_ERRORS = 100;

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const ImportJobStatus = z.enum(IMPORT_JOB_STATUSES);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ImportJobId = z
  .string()
  .regex(/^imp_[A-Za-z0-9]+$/)
  .meta({ example: 'imp_01' });
export const ImportJobParams = z.object({ id: ImportJobId });

/** One row of an import that was not applied, and why. */
export const ImportSkip = z
  .object({
    row: z.number().int().positive().meta({ description: 'Record number in the file, counting the header row as 1' }),
    handle: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'ImportSkip' });
export type ImportSkip = z.infer<typeof ImportSkip>;

/** How many written products a job lists (the first, by row); the counts cover them all. */
export const MAX_IMPORT_REPORT = 1000;

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged'] as const;

/** What an import did with one product, named by its first row in the file. */
export const ImportProductOutcome = z
  .object({
    row: z.number().int().positive().meta({ description: "The product's first row in the file (the header is row 1)" }),
    handle: z.string(),
    outcome: z.enum(IMPORT_OUTCOMES),
  })
  .meta({ id: 'ImportProductOutcome' });
export type ImportProductOutcome = z.infer<typeof ImportProductOutcome>;

/**
 * A product import running in the background: `POST /v1/admin/products/import` answers it (202)
 * and `GET /v1/admin/imports/:id` reports its progress from any server process. Rows are written
 * in chunks, each committed with the progress it made: a cancelled or failed job keeps the chunks
 * committed before it stopped, and importing the file again finishes it (unchanged products are
 * left alone).
 */
export const ImportJob = z
  .object({
    object: z.literal('import_job'),
    id: ImportJobId,
    status: ImportJobStatus,
    rows_total: Count.meta({ description: 'Data rows in the file (the header is not counted)' }),
    rows_done: Count.meta({ description: 'Rows read and committed so far' }),
    created: Count.meta({ description: 'Products created' }),
    updated: Count.meta({ description: 'Products changed' }),
    unchanged: Count.meta({ description: 'Products equal to what the last import of them wrote' }),
    skipped: Count.meta({ description: 'Rows not applied' }),
    errors: z
      .array(ImportSkip)
      .max(MAX_IMPORT_ERRORS)
      .meta({ description: `The first ${MAX_IMPORT_ERRORS} rows not applied (by row), with the reason` }),
    products: z
      .array(ImportProductOutcome)
      .max(MAX_IMPORT_REPORT)
      .meta({
        description: `The first ${MAX_IMPORT_REPORT} products written so far (by row), each created, updated or unchanged`,
      }),
    failure: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .meta({ description: 'Why the job failed or was cancelled; null otherwise' }),
    cancel_requested: z
      .boolean()
      .meta({ description: 'A cancel was asked for: the job stops after the chunk it is writing' }),
    created_at: Timestamp,
    started_at: Timestamp.nullable(),
    finished_at: Timestamp.nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

/** Whether a job has stopped for good (succeeded, failed or cancelled). */
export function isImportFinished(status: ImportJobStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}
