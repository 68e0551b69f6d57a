import type { ProductSort } from '@shoptag/sdk/contract';
import type { Queryable } from './db.js';
import { keysetCondition, orderBy, sortValuesFit, type SortKey, type SortValues } from './keyset.js';
import {
  PRODUCT_BASE_COLUMNS,
  productDocumentsSql,
  stockSignatureSql,
  type ProductDocumentRow,
} from './product-document-sql.js';
import type { ImageRow, ProductRow, VariantRow } from './product-rows.js';

export interface ProductListFilter {
  /** Restricts to this category and everything below it. */
  categoryId?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

export interface ProductPageRequest {
  filter: ProductListFilter;
  sort: ProductSort;
  /** Rows to return; ask for one more than the page size to learn whether more follow. */
  limit: number;
  /** Keyset: rows strictly after these sort values. */
  after?: SortValues;
  offset?: number;
}

/**
 * A listed product as the page query reads it: its id, the values the sorts read, its stock
 * signature (see `stockSignatureSql`) and the count of all matches. Its document is read
 * separately, and only when no serialized copy for the same stock is at hand.
 */
export interface ListedProductRef {
  id: string;
  position: number;
  min_price: number;
  rating_average: number;
  rating_count: number;
  created_at: Date;
  stock_signature: string;
  total: number;
}

/** What the list sorts read from a row. */
type SortableRow = Pick<
  ListedProductRef,
  'id' | 'position' | 'min_price' | 'rating_average' | 'rating_count' | 'created_at'
>;

export interface ProductPage {
  rows: ListedProductRef[];
  /** Products matching the filter, regardless of paging. */
  total: number;
}

const id: SortKey<SortableRow> = { sql: 'l.id', direction: 'asc', type: 'text', read: (r) => r.id };

/** Each sort ends with the id, so the order is total and pages never repeat or skip a product. */
const SORT_KEYS: Record<ProductSort, SortKey<SortableRow>[]> = {
  relevance: [{ sql: 'l.position', direction: 'asc', type: 'integer', read: (r) => r.position }, id],
  price_asc: [{ sql: 'l.min_price', direction: 'asc', type: 'bigint', read: (r) => r.min_price }, id],
  price_desc: [{ sql: 'l.min_price', direction: 'desc', type: 'bigint', read: (r) => r.min_price }, id],
  rating: [
    { sql: 'l.rating_average', direction: 'desc', type: 'numeric', read: (r) => r.rating_average },
    { sql: 'l.rating_count', direction: 'desc', type: 'integer', read: (r) => r.rating_count },
    id,
  ],
  newest: [
    { sql: 'l.created_at', direction: 'desc', type: 'timestamptz', read: (r) => r.created_at.toISOString() },
    id,
  ],
};

export const PRODUCT_COLUMNS = `${PRODUCT_BASE_COLUMNS},
  coalesce((SELECT jsonb_agg(jsonb_build_object('name', o.name, 'values', to_jsonb(o."values")) ORDER BY o.position)
            FROM product_options o WHERE o.product_id = p.id), '[]'::jsonb) AS options`;

/**
 * CTEs ending in `matched`: the active products with variants that pass the filter, with the
 * values the sorts use. The lowest price comes from `product_stats` (kept by triggers), so no
 * variant is aggregated for products that do not make the page.
 */
function matchedProductsSql(filter: ProductListFilter, params: unknown[]): string {
  const where = [`p.status = 'active'`, 's.min_price IS NOT NULL'];
  const ctes: string[] = [];
  if (filter.categoryId !== undefined) {
    params.push(filter.categoryId);
    ctes.push(`subtree(id) AS (
      SELECT id FROM categories WHERE id = $${params.length}
      UNION ALL SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id)`);
    where.push('p.category_id IN (SELECT id FROM subtree)');
  }
  if (filter.brand !== undefined) {
    params.push(filter.brand);
    where.push(`lower(p.brand) = lower($${params.length})`);
  }
  if (filter.minPrice !== undefined) {
    params.push(filter.minPrice);
    where.push(`s.min_price >= $${params.length}`);
  }
  if (filter.maxPrice !== undefined) {
    params.push(filter.maxPrice);
    where.push(`s.min_price <= $${params.length}`);
  }
  if (filter.inStock !== undefined) {
    // Any enabled variant that can be bought now (units available, stock not tracked, or sold on
    // backorder): what the product's own in_stock says, and search (search_product_in_stock).
    const available = `EXISTS (SELECT 1 FROM variants v JOIN inventory_levels i ON i.variant_id = v.id
      WHERE v.product_id = p.id AND v.enabled
        AND (NOT v.track_inventory OR v.inventory_policy = 'continue' OR i.on_hand - i.reserved > 0))`;
    where.push(filter.inStock ? available : `NOT ${available}`);
  }
  ctes.push(`matched AS (
    SELECT p.id, p.category_id, p.position, s.min_price, p.rating_average::float8 AS rating_average, p.rating_count, p.created_at
    FROM products p JOIN product_stats s ON s.product_id = p.id
    WHERE ${where.join(' AND ')})`);
  return `WITH RECURSIVE ${ctes.join(',\n')}`;
}

export function createProductRepository(db: Queryable) {
  return {
    /** Whether `values` (decoded from a client's cursor) are valid sort values for `sort`. */
    isValidCursor(sort: ProductSort, values: readonly unknown[]): values is SortValues {
      return sortValuesFit(SORT_KEYS[sort], values);
    },

    /** The sort values of a row, to encode into the next cursor. */
    sortValuesOf(sort: ProductSort, row: SortableRow): SortValues {
      return SORT_KEYS[sort].map((key) => key.read(row));
    },

    /**
     * One page of active products matching the filter, as references (see `ListedProductRef`):
     * a single statement, whatever the filters. `documentsFor` reads what they show.
     */
    async listPage(request: ProductPageRequest): Promise<ProductPage> {
      const params: unknown[] = [];
      const withSql = matchedProductsSql(request.filter, params);
      const keys = SORT_KEYS[request.sort];
      const after = request.after ? `WHERE ${keysetCondition(keys, request.after, params)}` : '';
      params.push(request.limit, request.offset ?? 0);
      // The total counts every match, so it is taken before the keyset condition.
      const { rows } = await db.query<ListedProductRef>(
        `${withSql},
         page AS (
           SELECT l.* FROM (SELECT m.*, count(*) OVER () AS total FROM matched m) l ${after}
           ORDER BY ${orderBy(keys)}
           LIMIT $${params.length - 1} OFFSET $${params.length})
         SELECT l.id, l.position, l.min_price, l.rating_average, l.rating_count, l.created_at, l.total,
                ${stockSignatureSql('l.id')} AS stock_signature
         FROM page l
         ORDER BY ${orderBy(keys)}`,
        params,
        { prepare: true },
      );
      if (rows.length > 0 || (!request.after && !request.offset)) return { rows, total: rows[0]?.total ?? 0 };
      // Past the last page the window count has no row to ride on: count separately.
      const countParams: unknown[] = [];
      const count = await db.query<{ total: number }>(
        `${matchedProductsSql(request.filter, countParams)} SELECT count(*) AS total FROM matched`,
        countParams,
      );
      return { rows, total: count.rows[0]?.total ?? 0 };
    },

    /**
     * The documents (variants, images, category path, stock signature) of these products, in no
     * particular order; a product deleted meanwhile is missing.
     */
    async documentsFor(productIds: readonly string[]): Promise<ProductDocumentRow[]> {
      if (productIds.length === 0) return [];
      const { rows } = await db.query<ProductDocumentRow>(
        `WITH RECURSIVE page AS (SELECT p.id, p.category_id FROM products p WHERE p.id = ANY($1::text[]))
         ${productDocumentsSql('', 'l.id')}`,
        [productIds],
        { prepare: true },
      );
      return rows;
    },

    /** An active product by id or handle; only products with variants are listed, so the same holds here. */
    async findActive(idOrHandle: string): Promise<ProductRow | null> {
      const { rows } = await db.query<ProductRow>(
        `SELECT ${PRODUCT_COLUMNS}
         FROM products p JOIN categories c ON c.id = p.category_id
         WHERE (p.id = $1 OR p.handle = $1) AND p.status = 'active'
           AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id)
         LIMIT 1`,
        [idOrHandle],
      );
      return rows[0] ?? null;
    },

    /** An active product with variants, images and category path, by id or handle: one statement. */
    async findActiveDocument(idOrHandle: string): Promise<ProductDocumentRow | null> {
      const { rows } = await db.query<ProductDocumentRow>(
        `WITH RECURSIVE page AS (
           SELECT p.id, p.category_id FROM products p
           WHERE (p.id = $1 OR p.handle = $1) AND p.status = 'active'
             AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id)
           LIMIT 1)
         ${productDocumentsSql('', 'l.id')}`,
        [idOrHandle],
        { prepare: true },
      );
      return rows[0] ?? null;
    },

    /** Variants with their stock for several products, in display order. */
    async variantsFor(productIds: readonly string[]): Promise<VariantRow[]> {
      if (productIds.length === 0) return [];
      const { rows } = await db.query<VariantRow>(
        `SELECT v.id, v.product_id, v.sku, v.title, v.options, v.price_amount, v.compare_at_amount, v.currency,
                v.position, v.image_id, coalesce(i.on_hand, 0) AS on_hand, coalesce(i.reserved, 0) AS reserved,
                v.enabled, v.weight_grams, v.track_inventory, v.inventory_policy, v.requires_shipping
         FROM variants v LEFT JOIN inventory_levels i ON i.variant_id = v.id
         WHERE v.product_id = ANY($1::text[])
         ORDER BY v.product_id, v.position, v.id`,
        [productIds],
      );
      return rows;
    },

    /** Images for several products, in display order. */
    async imagesFor(productIds: readonly string[]): Promise<ImageRow[]> {
      if (productIds.length === 0) return [];
      const { rows } = await db.query<ImageRow>(
        `SELECT id, product_id, url, alt, width, height, position, sources
         FROM product_images WHERE product_id = ANY($1::text[])
         ORDER BY product_id, position, id`,
        [productIds],
      );
      return rows;
    },

    /** A product in any status, by id or handle (admin). */
    async findAny(idOrHandle: string): Promise<ProductRow | null> {
      const { rows } = await db.query<ProductRow>(
        `SELECT ${PRODUCT_COLUMNS}
         FROM products p JOIN categories c ON c.id = p.category_id
         WHERE p.id = $1 OR p.handle = $1
         LIMIT 1`,
        [idOrHandle],
      );
      return rows[0] ?? null;
    },

    /** Ids of images the server renders itself (the demo catalog's SVGs), for warming renditions. */
    async renderedImageIds(): Promise<string[]> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM product_images WHERE url LIKE '/media/products/%.svg' ORDER BY product_id, position`,
      );
      return rows.map((r) => r.id);
    },

    async countAll(): Promise<number> {
      const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM products');
      return rows[0]?.n ?? 0;
    },
  };
}

export type ProductRepository = ReturnType<typeof createProductRepository>;
