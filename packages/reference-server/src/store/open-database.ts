import { join } from 'node:path';
import type { Db } from './db.js';
import { createPgDb } from './pg-driver.js';
import { createPgliteDb } from './pglite-driver.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; without it the embedded database is used. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files (`<dataDir>/data`). */
  dataDir: string;
  /** Embedded database in memory (tests); ignored when `databaseUrl` is set. */
  memory?: boolean;
}

/** Opens PostgreSQL when a URL is configured, else PGlite on disk or in memory. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  if (options.databaseUrl) return createPgDb({ connectionString: options.databaseUrl });
  return createPgliteDb({ dataDir: options.memory ? null : join(options.dataDir, 'data') });
}
