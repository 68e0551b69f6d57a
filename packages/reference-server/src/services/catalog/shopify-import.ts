import {
  currencyExponent,
  MAX_IMPORT_ERRORS,
  MAX_IMPORT_REPORT,
  type ImportProductOutcome,
} from '@shoptag/sdk/contract';
import type { Db, Queryable } from '../../store/db.js';
import { createProductWriter, UniqueViolation } from '../../store/product-writer.js';
import { newId } from './admin-catalog-service.js';
import { createYielder, readCsvRecords, type CsvRecord, type CsvSource } from './csv-records.js';
import { buildImportedProduct, type ImportedProduct, type ProductRows, type RowSkip } from './shopify-product.js';

/** Columns of Shopify's product CSV export that the importer needs. */
const REQUIRED_COLUMNS = ['Handle'];
const NOT_SHOPIFY = 'This is not a Shopify product export: the Handle column is missing.';

/** Rows read between commits: each chunk is one transaction with the job's progress. */
const CHUNK_ROWS = 500;
/** …or this long since the last commit, so progress moves while slow rows are read. */
const CHUNK_MS = 250;
/** Longest a chunk's transaction keeps writing products before it commits (PGlite has one connection: others wait meanwhile). */
const WRITE_BUDGET_MS = 100;
/** Longest stretch of parsing or checking rows before other callbacks get a turn. */
const YIELD_MS = 20;
/** A product has at most 250 variants and 50 images: more rows than this cannot be one product. */
export const MAX_PRODUCT_ROWS = 500;
const TOO_MANY_ROWS = `a product spans at most ${MAX_PRODUCT_ROWS} rows (250 variants, 50 images); this one has more`;

const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'imported';

/** Totals of an import so far: rows whose fate is committed, products by outcome, rows skipped. */
export interface ImportProgress {
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** The first {@link MAX_IMPORT_ERRORS} skipped rows, by row. */
  errors: RowSkip[];
  /** The first {@link MAX_IMPORT_REPORT} products written, by row, with what became of each. */
  products: ImportProductOutcome[];
}

export interface ImportRunOptions {
  /** Aborted (server shutdown, a signal to the CLI): the import stops after the chunk it is writing. */
  signal: AbortSignal;
  /**
   * Called in each chunk's transaction after its writes, with the totals so far, so the job's
   * record commits with exactly the rows it counts. Answers true to stop after this chunk.
   */
  onChunk(tx: Queryable, progress: ImportProgress): Promise<boolean>;
}

/** How a run ended: every row read, stopped by the signal, or stopped because `onChunk` asked. */
export type ImportEnd = 'finished' | 'aborted' | 'stopped';

export interface ShopifyImportDeps {
  db: Db;
  currency: string;
  /** Drops cached catalog answers; called once after an import that changed products. */
  invalidate: () => Promise<void>;
}

/** The skipped rows of an import: all counted, the first few (by row) kept, in bounded memory. */
function createSkipLog(max: number) {
  const first: RowSkip[] = [];
  let count = 0;
  return {
    add(skip: RowSkip): void {
      count += 1;
      if (first.length === max && skip.row >= first[max - 1]!.row) return;
      let i = first.length;
      while (i > 0 && first[i - 1]!.row > skip.row) i -= 1;
      first.splice(i, 0, skip);
      if (first.length > max) first.pop();
    },
    get count() {
      return count;
    },
    snapshot: (): RowSkip[] => first.slice(),
  };
}

interface PendingProduct {
  product: ImportedProduct | null;
  /** Rows of the product that were not skipped (skipped if the write conflicts). */
  rows: number[];
  /** Every row up to this one is decided once this product is written. */
  throughRow: number;
}

/**
 * Imports Shopify's product CSV export, streamed: rows are parsed as they are read, grouped into
 * products (consecutive rows sharing a Handle), checked against the contract, and written in
 * chunks of about {@link CHUNK_ROWS} rows, each chunk one transaction that also records the
 * progress. Between chunks (and every {@link YIELD_MS} of parsing) the event loop gets a turn,
 * so requests keep being answered and a shutdown signal is heard. Work is linear in the rows;
 * memory holds one chunk, one product and the handles seen. A product equal to what its last
 * import wrote (same checksum) is left alone, so importing a file again changes nothing.
 */
export function createShopifyImporter(deps: ShopifyImportDeps) {
  const exponent = currencyExponent(deps.currency);
  const get = (record: CsvRecord, column: string) => (record.fields[column] ?? '').trim();
  const records = (source: CsvSource) => readCsvRecords(source, REQUIRED_COLUMNS, NOT_SHOPIFY);

  async function writeProduct(
    tx: Queryable,
    product: ImportedProduct,
  ): Promise<'created' | 'updated' | 'unchanged' | UniqueViolation> {
    // A savepoint per product: a handle or SKU taken by another product skips this one, not the chunk.
    await tx.query('SAVEPOINT import_product');
    try {
      const writer = createProductWriter(tx, newId);
      const existing = await writer.findProduct(product.handle);
      let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
      if (existing?.import_checksum !== product.checksum) {
        const categoryId = await writer.ensureCategory(product.categoryName, slugify(product.categoryName));
        await writer.save({ ...product.draft, categoryId, importChecksum: product.checksum }, existing?.id);
        outcome = existing ? 'updated' : 'created';
      }
      await tx.query('RELEASE SAVEPOINT import_product');
      return outcome;
    } catch (error) {
      if (!(error instanceof UniqueViolation)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT import_product');
      return error;
    }
  }

  return {
    /**
     * Reads the whole file once without writing: answers its number of data rows, or throws
     * `csv_invalid` for a file that does not parse or is not a Shopify export.
     */
    async countRows(source: CsvSource): Promise<number> {
      const yielder = createYielder(YIELD_MS);
      let rows = 0;
      for await (const _record of records(source)) {
        rows += 1;
        await yielder.maybeYield();
      }
      return rows;
    },

    /** Imports the file; see {@link ImportRunOptions} for chunks, progress and stopping. */
    async run(source: CsvSource, options: ImportRunOptions): Promise<{ end: ImportEnd; progress: ImportProgress }> {
      const yielder = createYielder(YIELD_MS);
      const skips = createSkipLog(MAX_IMPORT_ERRORS);
      const skip = (s: RowSkip) => skips.add(s);
      const totals = { rowsDone: 0, created: 0, updated: 0, unchanged: 0 };
      const report: ImportProductOutcome[] = [];
      const progress = (): ImportProgress => ({
        ...totals,
        skipped: skips.count,
        errors: skips.snapshot(),
        products: report.slice(),
      });
      const seen = new Set<string>();
      let pending: PendingProduct[] = [];
      let current = null as (ProductRows & { overflow: boolean }) | null;
      let lastRow = 1;
      let rowsSinceCommit = 0;
      let lastCommit = performance.now();

      /** Checks a product whose rows are all read and queues it for the next chunk; rows up to `throughRow` are then decided. */
      const close = (group: ProductRows & { overflow: boolean }, throughRow: number) => {
        const skipped = new Set<number>();
        const skipRow = (s: RowSkip) => {
          skipped.add(s.row);
          skip(s);
        };
        let product: ImportedProduct | null = null;
        if (group.overflow) {
          for (const { row } of group.rows) skipRow({ row, handle: group.handle, reason: TOO_MANY_ROWS });
        } else {
          product = buildImportedProduct(group, { currency: deps.currency, exponent }, skipRow);
        }
        pending.push({ product, rows: group.rows.map((r) => r.row).filter((row) => !skipped.has(row)), throughRow });
      };

      /**
       * Writes the pending products in one or more transactions (each at most
       * {@link WRITE_BUDGET_MS} of writing), recording progress through `decidedThrough` in the
       * last. Answers true when `onChunk` asked to stop.
       */
      const commit = async (decidedThrough: number): Promise<boolean> => {
        do {
          const started = performance.now();
          const chunk = await deps.db.transaction(async (tx) => {
            const counts = { created: 0, updated: 0, unchanged: 0 };
            const outcomes: ImportProductOutcome[] = [];
            let written = 0;
            while (written < pending.length && (written === 0 || performance.now() - started < WRITE_BUDGET_MS)) {
              const item = pending[written]!;
              written += 1;
              if (!item.product) continue;
              const outcome = await writeProduct(tx, item.product);
              if (outcome instanceof UniqueViolation) {
                const reason = /sku/.test(outcome.constraint)
                  ? 'a Variant SKU is already used by another product'
                  : 'conflicts with an existing product';
                for (const row of item.rows) skip({ row, handle: item.product.handle, reason });
              } else {
                counts[outcome] += 1;
                const row = item.rows[0];
                if (row !== undefined && report.length + outcomes.length < MAX_IMPORT_REPORT)
                  outcomes.push({ row, handle: item.product.handle, outcome });
              }
            }
            const through = written === pending.length ? decidedThrough : pending[written - 1]!.throughRow;
            const stop = await options.onChunk(tx, {
              ...progress(),
              rowsDone: Math.max(totals.rowsDone, through - 1),
              created: totals.created + counts.created,
              updated: totals.updated + counts.updated,
              unchanged: totals.unchanged + counts.unchanged,
              products: [...report, ...outcomes],
            });
            return { counts, written, through, stop, outcomes };
          });
          totals.created += chunk.counts.created;
          totals.updated += chunk.counts.updated;
          totals.unchanged += chunk.counts.unchanged;
          report.push(...chunk.outcomes);
          totals.rowsDone = Math.max(totals.rowsDone, chunk.through - 1);
          pending = pending.slice(chunk.written);
          rowsSinceCommit = 0;
          await yielder.yieldNow();
          lastCommit = performance.now();
          if (chunk.stop) return true;
          if (options.signal.aborted) return false;
        } while (pending.length > 0);
        return false;
      };

      let end: ImportEnd = 'finished';
      try {
        for await (const record of records(source)) {
          if (options.signal.aborted) break;
          const { row } = record;
          lastRow = row;
          rowsSinceCommit += 1;
          const handle = get(record, 'Handle');
          if (!handle) {
            skip({ row, handle: null, reason: 'the row has no Handle' });
          } else if (current?.handle === handle) {
            if (current.rows.length < MAX_PRODUCT_ROWS) current.rows.push(record);
            else {
              current.overflow = true;
              skip({ row, handle, reason: TOO_MANY_ROWS });
            }
          } else {
            if (current) close(current, row - 1);
            current = null;
            if (seen.has(handle)) {
              skip({
                row,
                handle,
                reason: `the rows of '${handle.slice(0, 80)}' must follow one another, as in Shopify's export; this one comes after another product's`,
              });
            } else {
              seen.add(handle);
              current = { handle, rows: [record], overflow: false };
            }
          }
          if (rowsSinceCommit >= CHUNK_ROWS || performance.now() - lastCommit >= CHUNK_MS) {
            if (await commit(current ? current.rows[0]!.row - 1 : row)) {
              end = 'stopped';
              break;
            }
          }
          await yielder.maybeYield();
        }
        if (end === 'finished' && options.signal.aborted) end = 'aborted';
        if (end === 'finished') {
          if (current) close(current, lastRow);
          current = null;
          if (await commit(lastRow)) end = 'stopped';
          else if (options.signal.aborted && pending.length > 0) end = 'aborted';
        }
      } finally {
        if (totals.created + totals.updated > 0) await deps.invalidate();
      }
      return { end, progress: progress() };
    },
  };
}

export type ShopifyImporter = ReturnType<typeof createShopifyImporter>;
