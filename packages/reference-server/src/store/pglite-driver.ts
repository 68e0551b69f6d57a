import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockDataDir } from './data-dir-lock.js';
import type { Db, Queryable, QueryResult } from './db.js';

/**
 * Runs tasks one at a time. PGlite has a single connection: a transaction must own it from
 * BEGIN to COMMIT, so every statement waits its turn here.
 */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export interface PgliteDbOptions {
  /** A directory for a file-backed database, or `null` for one in memory. */
  dataDir: string | null;
}

/** An embedded PostgreSQL (PGlite, WASM) database, in a directory or in memory. */
export async function createPgliteDb(options: PgliteDbOptions): Promise<Db> {
  let unlock = () => {};
  if (options.dataDir !== null) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ ...(options.dataDir === null ? {} : { dataDir: options.dataDir }), extensions: { pg_trgm, fuzzystrmatch } });
  } catch (error) {
    unlock();
    throw error;
  }
  const queue = new SerialQueue();
  const raw: Queryable = {
    async query<R extends object>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await pglite.query<R>(text, params as unknown[]);
      // PGlite reports affected rows for writes only; pg counts selected rows too.
      return { rows: result.rows, rowCount: Math.max(result.rows.length, result.affectedRows ?? 0) };
    },
    async exec(text: string): Promise<void> {
      await pglite.exec(text);
    },
  };
  let closed: Promise<void> | null = null;
  return {
    kind: 'pglite',
    description: options.dataDir === null ? 'PGlite (embedded) in memory' : `PGlite (embedded) at ${options.dataDir}`,
    query: (text, params) => queue.run(() => raw.query(text, params)),
    exec: (text) => queue.run(() => raw.exec(text)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return queue.run(async () => {
        await raw.exec('BEGIN');
        try {
          const result = await fn(raw);
          await raw.exec('COMMIT');
          return result;
        } catch (error) {
          await raw.exec('ROLLBACK');
          throw error;
        }
      });
    },
    close() {
      closed ??= queue.run(() => pglite.close()).finally(unlock);
      return closed;
    },
  };
}
