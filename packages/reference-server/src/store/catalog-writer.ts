import type { Queryable } from './db.js';

/** A whole catalog in table shape, ready to be written in a handful of statements. */
export interface CatalogRows {
  categories: {
    id: string;
    slug: string;
    name: string;
    description: string;
    parentId: string | null;
    position: number;
  }[];
  products: {
    id: string;
    handle: string;
    name: string;
    brand: string;
    categoryId: string;
    shortDescription: string;
    descriptionHtml: string;
    tags: string[];
    ratingAverage: number;
    ratingCount: number;
    /** Ratings with 1…5 stars. */
    ratingDistribution: number[];
    status: 'active' | 'draft' | 'archived';
    position: number;
    createdAt: string;
  }[];
  options: { productId: string; position: number; name: string; values: string[] }[];
  images: {
    id: string;
    productId: string;
    url: string;
    alt: string;
    width: number;
    height: number;
    position: number;
    /** Renditions for srcset: `{ url, width, format }`. */
    sources: { url: string; width: number; format: string }[];
  }[];
  variants: {
    id: string;
    productId: string;
    sku: string;
    title: string;
    options: Record<string, string>;
    priceAmount: number;
    compareAtAmount: number | null;
    currency: string;
    position: number;
    imageId: string | null;
    onHand: number;
    /** Defaults: tracked, deny, ships. */
    trackInventory?: boolean;
    inventoryPolicy?: 'deny' | 'continue';
    requiresShipping?: boolean;
  }[];
}

/** Serializes the seed across processes sharing one database. */
const SEED_LOCK_KEY = 7_302_114_210;

const col = <T, K extends keyof T>(rows: readonly T[], key: K): T[K][] => rows.map((r) => r[key]);

/**
 * Writes catalogs in bulk: one `INSERT … SELECT FROM unnest(arrays)` per table, so the number of
 * round trips does not grow with the catalog. Call inside a transaction.
 */
export function createCatalogWriter(tx: Queryable) {
  return {
    /** Holds until the transaction ends, so only one process seeds at a time. */
    async lock(): Promise<void> {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    },

    async countProducts(): Promise<number> {
      const { rows } = await tx.query<{ n: number }>('SELECT count(*) AS n FROM products');
      return rows[0]?.n ?? 0;
    },

    /** Empties the catalog tables (and, by cascade, anything that references them). */
    async truncate(): Promise<void> {
      await tx.exec(
        'TRUNCATE inventory_levels, variants, product_images, product_options, products, categories CASCADE',
      );
    },

    /**
     * After a bulk write: puts the search documents back in category order, and refreshes the
     * planner's statistics for the catalog tables. PGlite has no autovacuum: without this its
     * planner treats every table as empty and picks hash joins over whole tables for a page of products.
     */
    async analyze(): Promise<void> {
      // Search documents in category order (see 0006_search_documents.sql): the load wrote them
      // once per product and again when stock arrived, which scatters the second versions.
      await tx.exec('CLUSTER search_documents USING search_documents_category_idx');
      await tx.exec(
        'ANALYZE categories, products, product_stats, product_options, product_images, variants, inventory_levels, search_documents, search_suggest_words, search_option_values',
      );
    },

    async insert(catalog: CatalogRows): Promise<void> {
      const { categories, products, options, images, variants } = catalog;
      await tx.query(
        `INSERT INTO categories (id, slug, name, description, parent_id, position)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
        [
          col(categories, 'id'),
          col(categories, 'slug'),
          col(categories, 'name'),
          col(categories, 'description'),
          col(categories, 'parentId'),
          col(categories, 'position'),
        ],
      );
      await tx.query(
        `INSERT INTO products (id, handle, name, brand, category_id, short_description, description_html, tags,
                               rating_average, rating_count, status, position, created_at, updated_at, rating_distribution)
         SELECT id, handle, name, brand, category_id, short_description, description_html,
                ARRAY(SELECT jsonb_array_elements_text(tags::jsonb)), rating_average, rating_count, status, position,
                created_at, created_at, ARRAY(SELECT jsonb_array_elements_text(dist::jsonb)::int)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::numeric[], $10::int[], $11::text[], $12::int[], $13::timestamptz[], $14::text[])
              AS t(id, handle, name, brand, category_id, short_description, description_html, tags,
                   rating_average, rating_count, status, position, created_at, dist)`,
        [
          col(products, 'id'),
          col(products, 'handle'),
          col(products, 'name'),
          col(products, 'brand'),
          col(products, 'categoryId'),
          col(products, 'shortDescription'),
          col(products, 'descriptionHtml'),
          products.map((p) => JSON.stringify(p.tags)),
          col(products, 'ratingAverage'),
          col(products, 'ratingCount'),
          col(products, 'status'),
          col(products, 'position'),
          col(products, 'createdAt'),
          products.map((p) => JSON.stringify(p.ratingDistribution)),
        ],
      );
      await tx.query(
        `INSERT INTO product_options (product_id, position, name, "values")
         SELECT product_id, position, name, ARRAY(SELECT jsonb_array_elements_text(vals::jsonb))
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS t(product_id, position, name, vals)`,
        [
          col(options, 'productId'),
          col(options, 'position'),
          col(options, 'name'),
          options.map((o) => JSON.stringify(o.values)),
        ],
      );
      await tx.query(
        `INSERT INTO product_images (id, product_id, url, alt, width, height, position, sources)
         SELECT id, product_id, url, alt, width, height, position, sources::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::text[])
              AS t(id, product_id, url, alt, width, height, position, sources)`,
        [
          col(images, 'id'),
          col(images, 'productId'),
          col(images, 'url'),
          col(images, 'alt'),
          col(images, 'width'),
          col(images, 'height'),
          col(images, 'position'),
          images.map((i) => JSON.stringify(i.sources)),
        ],
      );
      await tx.query(
        `INSERT INTO variants (id, product_id, sku, title, options, price_amount, compare_at_amount, currency, position, image_id,
                               track_inventory, inventory_policy, requires_shipping)
         SELECT id, product_id, sku, title, options::jsonb, price_amount, compare_at_amount, currency, position, image_id,
                track_inventory, inventory_policy, requires_shipping
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[], $9::int[], $10::text[],
                     $11::boolean[], $12::text[], $13::boolean[])
              AS t(id, product_id, sku, title, options, price_amount, compare_at_amount, currency, position, image_id,
                   track_inventory, inventory_policy, requires_shipping)`,
        [
          col(variants, 'id'),
          col(variants, 'productId'),
          col(variants, 'sku'),
          col(variants, 'title'),
          variants.map((v) => JSON.stringify(v.options)),
          col(variants, 'priceAmount'),
          col(variants, 'compareAtAmount'),
          col(variants, 'currency'),
          col(variants, 'position'),
          col(variants, 'imageId'),
          variants.map((v) => v.trackInventory ?? true),
          variants.map((v) => v.inventoryPolicy ?? 'deny'),
          variants.map((v) => v.requiresShipping ?? true),
        ],
      );
      await tx.query(
        `INSERT INTO inventory_levels (variant_id, on_hand)
         SELECT * FROM unnest($1::text[], $2::int[])`,
        [col(variants, 'id'), col(variants, 'onHand')],
      );
    },
  };
}
