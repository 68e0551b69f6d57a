import type { SeedCatalog } from './seed-types.js';
import type { Clock } from '../clock.js';
import type { Db, Queryable } from '../store/db.js';
import { createCatalogWriter, type CatalogRows } from '../store/catalog-writer.js';
import { renditionSources } from '../services/media/index.js';

/**
 * A plausible spread of `count` ratings over 1–5 stars whose mean rounds to `average`: the
 * ratings sit on the two star values either side of the average.
 */
export function ratingDistribution(average: number, count: number): number[] {
  const out = [0, 0, 0, 0, 0];
  if (count <= 0) return out;
  const clamped = Math.min(5, Math.max(1, average));
  const low = Math.min(4, Math.floor(clamped));
  const high = Math.round((clamped - low) * count);
  out[low - 1] = count - high;
  out[low] = (out[low] ?? 0) + high;
  return out;
}

/** The seed catalog in table shape. Products keep the seed's order as their curated position. */
export function toCatalogRows(catalog: SeedCatalog): CatalogRows {
  const rows: CatalogRows = {
    categories: catalog.categories.map((c) => ({ ...c })),
    products: [],
    options: [],
    images: [],
    variants: [],
  };
  catalog.products.forEach((p, index) => {
    rows.products.push({
      id: p.id,
      handle: p.handle,
      name: p.name,
      brand: p.brand,
      categoryId: p.categoryId,
      shortDescription: p.shortDescription,
      descriptionHtml: p.descriptionHtml,
      tags: p.tags,
      ratingAverage: Math.round(p.rating.average * 10) / 10,
      ratingCount: p.rating.count,
      ratingDistribution: ratingDistribution(p.rating.average, p.rating.count),
      status: 'active',
      position: index,
      createdAt: p.createdAt,
    });
    p.options.forEach((o, position) =>
      rows.options.push({ productId: p.id, position, name: o.name, values: o.values }),
    );
    for (const image of p.images) rows.images.push({ ...image, productId: p.id, sources: renditionSources(image.url) });
    for (const v of p.variants) {
      rows.variants.push({
        id: v.id,
        productId: p.id,
        sku: v.sku,
        title: v.title,
        options: v.options,
        priceAmount: v.price,
        compareAtAmount: v.compareAtPrice,
        currency: catalog.currency,
        position: v.position,
        imageId: v.imageId,
        onHand: v.onHand,
        trackInventory: v.trackInventory ?? true,
        inventoryPolicy: v.inventoryPolicy ?? 'deny',
        requiresShipping: v.requiresShipping ?? true,
      });
    }
  });
  return rows;
}

export interface SeedResult {
  /** Whether this call wrote the catalog (false: products already existed). */
  seeded: boolean;
  /** Products in the database afterwards. */
  products: number;
  durationMs: number;
}

export interface SeedOptions {
  /** Empty the catalog first, then seed. */
  reset?: boolean;
  clock: Clock;
}

/**
 * Seeds the catalog when the database has no products (or always, with `reset`), in one
 * transaction under a lock so concurrent starts seed once.
 */
export async function seedCatalog(db: Db, catalog: () => SeedCatalog, options: SeedOptions): Promise<SeedResult> {
  return db.transaction((tx) => seedCatalogIn(tx, catalog, options));
}

/** {@link seedCatalog} inside the caller's transaction. */
export async function seedCatalogIn(
  tx: Queryable,
  catalog: () => SeedCatalog,
  options: SeedOptions,
): Promise<SeedResult> {
  const started = options.clock.now().getTime();
  const writer = createCatalogWriter(tx);
  await writer.lock();
  if (options.reset) await writer.truncate();
  const before = await writer.countProducts();
  const durationMs = () => options.clock.now().getTime() - started;
  if (before > 0) return { seeded: false, products: before, durationMs: durationMs() };
  const rows = toCatalogRows(catalog());
  await writer.insert(rows);
  await writer.analyze();
  return { seeded: true, products: rows.products.length, durationMs: durationMs() };
}
