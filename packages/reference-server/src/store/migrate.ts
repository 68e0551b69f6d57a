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

/**
 * A migration already applied to this database whose file has changed since: the schema no longer
 * matches what the files say it is. Startup stops rather than guess; the message names the file.
 */
export class MigrationChangedError extends Error {
  constructor(
    /** e.g. `0003_carts_inventory` */
    readonly version: string,
  ) {
    super(
      `migration ${version}.sql has changed since it was applied to this database (its checksum differs from the one in schema_migrations). ` +
        'An applied migration must not be edited: restore the file and put the change in a new migration.',
    );
    this.name = 'MigrationChangedError';
  }
}

/** The checksum recorded for a migration: SHA-256 of its SQL with line endings as LF, so a CRLF checkout is not a change. */
export function migrationChecksum(sql: string): string {
  return sha256(sql.replace(/\r\n/g, '\n'));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface MigrateResult {
  /** Versions applied by this call, in order (empty when the schema was up to date). */
  applied: string[];
}

/**
 * Brings the schema up to date. Everything runs in one transaction under an advisory lock:
 * either every pending migration is applied and recorded in `schema_migrations`, or none is.
 * Throws a {@link MigrationChangedError} (applying nothing) when an applied migration's file has
 * changed since.
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
    const done = await tx.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const recorded = new Map(done.rows.map((r) => [r.version, r.checksum]));
    for (const migration of migrations) {
      const checksum = recorded.get(migration.version);
      // Versions before this check hashed the file as read, CRLF included: that still matches.
      if (
        checksum !== undefined &&
        checksum !== migrationChecksum(migration.sql) &&
        checksum !== sha256(migration.sql)
      ) {
        throw new MigrationChangedError(migration.version);
      }
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      if (recorded.has(migration.version)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new Error(
          `migration ${migration.version} failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
        migration.version,
        migrationChecksum(migration.sql),
      ]);
      applied.push(migration.version);
    }
    return { applied };
  });
}
