import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { ImportJob } from '@shoptag/sdk/contract';
import { createMemoryCache } from './cache/memory-cache.js';
import { createRedisCache } from './cache/redis-cache.js';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import { createImportJobs, createShopifyImporter, type CsvSource } from './services/catalog/index.js';
import { createResponseCache } from './services/http/index.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

const BAR_WIDTH = 30;
/** Bytes read from the file at a time: each piece is parsed before the next is read. */
const READ_BYTES = 16 * 1024;

/** `[#######·······]  1200/4000 rows · 40 created · 0 updated · 2 skipped` on one line, redrawn in place. */
export function progressLine(
  job: Pick<ImportJob, 'rows_done' | 'rows_total' | 'created' | 'updated' | 'skipped'>,
): string {
  const { rows_done: done, rows_total: total } = job;
  const filled = total === 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
  return `[${'#'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}] ${String(done).padStart(String(total).length)}/${total} rows · ${job.created} created · ${job.updated} updated · ${job.skipped} skipped`;
}

/** The summary printed after an import: how it ended, counts, then one line per listed skipped row with its reason. */
export function formatImportSummary(job: ImportJob): string {
  const counts = `${job.created} products created, ${job.updated} updated, ${job.unchanged} unchanged, ${job.skipped} rows skipped`;
  const lines = [
    job.status === 'succeeded'
      ? `Imported ${job.rows_total} rows: ${counts}`
      : `Import ${job.status} after ${job.rows_done} of ${job.rows_total} rows: ${counts}`,
  ];
  if (job.failure) lines.push(job.failure.message);
  for (const skip of job.errors)
    lines.push(`  row ${skip.row}${skip.handle ? ` (${skip.handle})` : ''}: ${skip.reason}`);
  if (job.skipped > job.errors.length)
    lines.push(
      `  … and ${job.skipped - job.errors.length} more skipped rows (the first ${job.errors.length} are listed)`,
    );
  return `${lines.join('\n')}\n`;
}

/** The file, read in pieces on each pass. */
function fileSource(file: string): CsvSource {
  return () => createReadStream(file, { highWaterMark: READ_BYTES });
}

export interface RunImportOptions {
  /** Progress is drawn here (default stderr). */
  stderr?: NodeJS.WritableStream;
  /** Aborting it (SIGINT/SIGTERM in the CLI) stops the import after its current chunk. */
  signal?: AbortSignal;
}

/**
 * `shoptag-server import <file.csv>`: imports a Shopify product export into the configured
 * database as an import job run in this process, drawing progress on stderr (a server sharing
 * the database reports the same job at `GET /v1/admin/imports/:id`), and drops cached catalog
 * answers (in Redis, when configured, so running servers see the import at once). Answers the
 * job as it ended: succeeded, cancelled (by `signal`) or failed.
 */
export async function runImport(file: string, config: Config, options: RunImportOptions = {}): Promise<ImportJob> {
  const stderr = options.stderr ?? process.stderr;
  await access(file);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const cache = config.redisUrl
    ? await createRedisCache({ url: config.redisUrl })
    : createMemoryCache({ clock: systemClock });
  try {
    await migrate(db);
    const responses = createResponseCache({ cache, clock: systemClock });
    const imports = createImportJobs({
      db,
      clock: systemClock,
      logger: createLogger(config.logLevel, undefined, config.logFormat),
      importer: createShopifyImporter({ db, currency: config.currency, invalidate: () => responses.invalidate() }),
      onProgress: (job) => stderr.write(`\r${progressLine(job)}`),
    });
    const onAbort = () => void imports.shutdown();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const queued = await imports.submit(fileSource(file), 'cli');
      stderr.write(`Import ${queued.id}: ${queued.rows_total} rows\n${progressLine(queued)}`);
      const job = await imports.wait(queued.id);
      stderr.write('\n');
      return job;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      await imports.shutdown();
    }
  } finally {
    await Promise.allSettled([db.close(), cache.close()]);
  }
}
