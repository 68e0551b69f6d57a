import { join } from 'node:path';
import type { Db } from './db.js';
import { createPgDb } from './pg-driver.js';
import { createPgliteDb } from './pglite-driver.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; without it the embedded database is used. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files (`<dataDir>/data`). */
  dataDir: string;
  /** Embedded database in memory (tests); wins over `databaseUrl`. */
  memory?: boolean;
}

/** PGlite in memory when asked, else PostgreSQL when a URL is configured, else PGlite on disk. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  if (options.memory) return createPgliteDb({ dataDir: null });
  if (options.databaseUrl) return createPgDb({ connectionString: options.databaseUrl });
  return createPgliteDb({ dataDir: join(options.dataDir, 'data') });
}
