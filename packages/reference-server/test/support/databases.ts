// Runs a suite on every database available: PGlite in memory always, and real PostgreSQL when
// SHOPTAG_TEST_DATABASE_URL names a server (CI always does). Each suite gets a fresh database.
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import type { Db, DbKind } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { createPgDb } from '../../src/store/pg-driver.js';
import { createPgliteDb } from '../../src/store/pglite-driver.js';

export const TEST_DATABASE_URL = process.env.SHOPTAG_TEST_DATABASE_URL || undefined;
export const TEST_REDIS_URL = process.env.SHOPTAG_TEST_REDIS_URL || undefined;

export function databaseKinds(): DbKind[] {
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A throwaway PostgreSQL database on the test server; `drop()` removes it. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('SHOPTAG_TEST_DATABASE_URL is not set');
  const name = `shoptag_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The database of one suite run; `db` is usable from `before` hooks on. */
export interface DatabaseTarget {
  readonly kind: DbKind;
  readonly db: Db;
  /** The PostgreSQL URL of this suite's database (undefined on PGlite). */
  readonly url: string | undefined;
}

export interface ForEachDatabaseOptions {
  /** Apply the migrations before the suite (default true). */
  migrate?: boolean;
}

/** Declares `body` once per available database, each in its own `describe` with a fresh database. */
export function forEachDatabase(
  title: string,
  body: (target: DatabaseTarget) => void,
  options: ForEachDatabaseOptions = {},
): void {
  for (const kind of databaseKinds()) {
    describe(`${title} (${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'})`, () => {
      let db: Db | undefined;
      let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
      const target: DatabaseTarget = {
        kind,
        get db() {
          if (!db) throw new Error('the database opens in a before hook; use it from tests or hooks');
          return db;
        },
        get url() {
          return scratch?.url;
        },
      };
      before(async () => {
        if (kind === 'postgres') {
          scratch = await createScratchDatabase();
          db = createPgDb({ connectionString: scratch.url, max: 4 });
        } else {
          db = await createPgliteDb({ dataDir: null });
        }
        if (options.migrate !== false) await migrate(db);
      });
      after(async () => {
        await db?.close();
        await scratch?.drop();
      });
      body(target);
    });
  }
}
