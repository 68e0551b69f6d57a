import { createBoundedMap } from '../../cache/bounded-map.js';
import type { Clock } from '../../clock.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';
import type { ProductDocumentRow } from '../../store/product-document-sql.js';
import { documentToProduct } from './product-mapper.js';

/** A product a page shows: its id and what its stock reads as now (`stockSignatureSql`). */
export interface FragmentRef {
  id: string;
  stock_signature: string;
}

export interface ProductFragmentsOptions {
  clock: Clock;
  /** How long a serialized product may be reused (ms); the response cache's lifetime by default. */
  ttlMs?: number;
  /** Serialized products kept, at most. */
  maxEntries?: number;
  /** Bytes of JSON kept, at most; 0 keeps nothing (every page reads its products). */
  maxBytes?: number;
  /** Counts products reused (`product_fragments` hits) and read again (misses). */
  metrics?: MetricsSink;
}

const DEFAULT_TTL_MS = 60_000;
const DEFAULT_MAX_ENTRIES = 20_000;
/** Some 7,000 products of the demo catalog's size (~4.5 KB of JSON each). */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Products serialized once and reused by the catalog pages that show them, so a page the
 * response cache has not seen (a new filter, the next cursor) costs one statement that picks
 * its products and joins text, instead of reading, mapping and serializing every product again.
 *
 * A copy is reused only under the same cache generation (which every admin write changes, in
 * every process) and the same stock signature (read live with the page), and for at most `ttlMs`:
 * a page never shows older stock or catalog data than a response cached at the same moment would.
 */
export function createProductFragments(options: ProductFragmentsOptions) {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const kept = createBoundedMap<{ json: Buffer; expiresAt: number }>({
    maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    // The map's "characters" are bytes here.
    maxChars: options.maxBytes ?? DEFAULT_MAX_BYTES,
    charsOf: (entry) => entry.json.length,
  });
  const keyOf = (generation: string, id: string, stock: string) => `${generation}\n${id}\n${stock}`;

  return {
    /**
     * The JSON of each product in `refs` as UTF-8 bytes, in their order. Products without a fresh
     * copy are read with one `load` call; one that `load` no longer returns (deleted meanwhile, or
     * without variants) is left out. Without a `generation` nothing is reused or kept.
     */
    async render(
      refs: readonly FragmentRef[],
      generation: string | undefined,
      load: (ids: string[]) => Promise<ProductDocumentRow[]>,
    ): Promise<Buffer[]> {
      const now = options.clock.now().getTime();
      const found = new Map<string, Buffer>();
      const missing: string[] = [];
      for (const ref of refs) {
        const hit = generation === undefined ? undefined : kept.get(keyOf(generation, ref.id, ref.stock_signature));
        if (hit && hit.expiresAt > now) found.set(ref.id, hit.json);
        else missing.push(ref.id);
      }
      const metrics = options.metrics ?? noopMetrics;
      metrics.cacheLookup('product_fragments', true, found.size);
      metrics.cacheLookup('product_fragments', false, missing.length);
      if (missing.length > 0) {
        for (const row of await load(missing)) {
          const product = documentToProduct(row);
          if (!product) continue;
          const json = Buffer.from(JSON.stringify(product));
          found.set(row.id, json);
          // Kept under the stock the document itself was read with, which may be newer than the page's.
          if (generation !== undefined)
            kept.set(keyOf(generation, row.id, row.stock_signature), { json, expiresAt: now + ttlMs });
        }
      }
      return refs.flatMap((ref) => found.get(ref.id) ?? []);
    },

    /** Serialized products held now. */
    get size(): number {
      return kept.size;
    },
  };
}

export type ProductFragments = ReturnType<typeof createProductFragments>;
