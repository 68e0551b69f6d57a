import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

/** The migrations shipped with the server; copied next to the build output. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * An arbitrary constant shared by every Shoptag process: the advisory lock that makes a second
 * process wait while the first migrates, then find nothing left to do.
 */
const MIGRATION_LOCK_KEY = 7_302_114_209;

export interface Migration {
  /** File name without `.sql`, e.g. `0001_catalog`; applied in lexical order. */
  version: string;
  sql: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ version: name.slice(0, -'.sql'.length), sql: readFileSync(`${dir}/${name}`, 'utf8') }));
}

export interface MigrateResult {
  /** Versions applied by this call, in order (empty when the schema was up to date). */
  applied: string[];
}

/**
 * Brings the schema up to date. Everything runs in one transaction under an advisory lock:
 * either every pending migration is applied and recorded in `schema_migrations`, or none is.
 */
export async function migrate(db: Db, migrations: Migration[] = readMigrations()): Promise<MigrateResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    text PRIMARY KEY,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = await tx.query<{ version: string }>('SELECT version FROM schema_migrations');
    const doneVersions = new Set(done.rows.map((r) => r.version));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (doneVersions.has(migration.version)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new Error(`migration ${migration.version} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [migration.version, checksum]);
      applied.push(migration.version);
    }
    return { applied };
  });
}
