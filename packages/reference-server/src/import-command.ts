import { readFileSync } from 'node:fs';
import type { ImportSummary } from '@shoptag/sdk/contract';
import { createMemoryCache } from './cache/memory-cache.js';
import { createRedisCache } from './cache/redis-cache.js';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import { createResponseCache } from './services/http/index.js';
import { createShopifyImporter, type ImportProgress } from './services/catalog/index.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

const BAR_WIDTH = 30;

/** `[#######·······]  12/40 products` on one line, redrawn in place. */
export function progressLine({ done, total }: ImportProgress): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}] ${String(done).padStart(String(total).length)}/${total} products`;
}

/** The summary printed after an import: counts, then one line per skipped row with its reason. */
export function formatImportSummary(summary: ImportSummary): string {
  const lines = [
    `Imported ${summary.rows} rows: ${summary.products.created} products created, ${summary.products.updated} updated, ${summary.products.unchanged} unchanged, ${summary.skipped.length} rows skipped`,
  ];
  for (const skip of summary.skipped) lines.push(`  row ${skip.row}${skip.handle ? ` (${skip.handle})` : ''}: ${skip.reason}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `shoptag-server import <file.csv>`: imports a Shopify product export into the configured
 * database, drawing progress on stderr, and drops cached catalog answers (in Redis, when
 * configured, so running servers see the import at once).
 */
export async function runImport(file: string, config: Config, stderr: NodeJS.WriteStream = process.stderr): Promise<ImportSummary> {
  const csv = readFileSync(file);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const cache = config.redisUrl ? await createRedisCache({ url: config.redisUrl }) : createMemoryCache({ clock: systemClock });
  try {
    await migrate(db);
    const responses = createResponseCache({ cache, clock: systemClock });
    const importCsv = createShopifyImporter({ db, currency: config.currency, invalidate: () => responses.invalidate() });
    const summary = await importCsv(csv, (progress) => stderr.write(`\r${progressLine(progress)}`));
    stderr.write('\n');
    return summary;
  } finally {
    await Promise.allSettled([db.close(), cache.close()]);
  }
}
