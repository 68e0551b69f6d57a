import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from './banner.js';
import type { Config } from './config.js';

/**
 * The line `shoptag-server start` prints before a start that must first create the embedded
 * database (PGlite's initdb: seconds, more on a busy machine), so the wait before the banner is
 * explained; null when there is nothing slow to announce (PostgreSQL, or a database that exists).
 */
export function firstStartNotice(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string | null {
  if (config.databaseUrl) return null;
  const dir = join(config.dataDir, 'data');
  if (existsSync(join(dir, 'PG_VERSION'))) return null;
  return `Creating the embedded database in ${displayPath(dir)} (first start only) …\n`;
}
