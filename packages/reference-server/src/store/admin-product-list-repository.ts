import type { AdminProductSort, AdminStockFilter, ProductStatus } from '@shoptag/sdk/contract';
import type { Queryable } from './db.js';
import { keysetCondition, orderBy, sortValuesFit, type SortKey, type SortValues } from './keyset.js';

export interface AdminProductFilter {
  /** Words that must each appear in the name, the handle or a variant SKU (case-insensitive). */
  words?: string[];
  status?: ProductStatus;
  /** Restricts to this category and everything below it. */
  categoryId?: string;
  stock?: AdminStockFilter;
  lowStockThreshold: number;
}

export interface AdminProductRow {
  id: string;
  handle: string;
  name: string;
  status: ProductStatus;
  category_id: string;
  category_name: string;
  image_url: string | null;
  image_alt: string | null;
  variant_count: number;
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  on_hand: number;
  available: number;
  created_at: Date;
  updated_at: Date;
  /** `left(name, 200)`: what the name sorts read (cursor values stay short). */
  sort_name: string;
  total: number;
}

type Sortable = Pick<AdminProductRow, 'id' | 'sort_name' | 'created_at' | 'updated_at'>;

const byId: SortKey<Sortable> = { sql: 'm.id', direction: 'asc', type: 'text', read: (r) => r.id };
const SORT_KEYS: Record<AdminProductSort, SortKey<Sortable>[]> = {
  updated_desc: [
    { sql: 'm.updated_at', direction: 'desc', type: 'timestamptz', read: (r) => r.updated_at.toISOString() },
    byId,
  ],
  created_desc: [
    { sql: 'm.created_at', direction: 'desc', type: 'timestamptz', read: (r) => r.created_at.toISOString() },
    byId,
  ],
  name_asc: [{ sql: 'm.sort_name', direction: 'asc', type: 'text', read: (r) => r.sort_name }, byId],
  name_desc: [{ sql: 'm.sort_name', direction: 'desc', type: 'text', read: (r) => r.sort_name }, byId],
};

/** `%`, `_` and `\` are literal in a search word. */
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The console's product list: every status, searched, filtered and paged by keyset. */
export function createAdminProductListRepository(q: Queryable) {
  return {
    isValidCursor(sort: AdminProductSort, values: readonly unknown[]): values is SortValues {
      return sortValuesFit(SORT_KEYS[sort], values);
    },

    sortValuesOf(sort: AdminProductSort, row: Sortable): SortValues {
      return SORT_KEYS[sort].map((key) => key.read(row));
    },

    /** Up to `limit` rows after `after` in `sort` order, each with the count of all matches. */
    async page(filter: AdminProductFilter, sort: AdminProductSort, limit: number, after?: SortValues) {
      const params: unknown[] = [];
      const where: string[] = [];
      const ctes: string[] = [];
      for (const word of filter.words ?? []) {
        params.push(likePattern(word));
        const p = `$${params.length}`;
        where.push(`(p.name ILIKE ${p} OR p.handle ILIKE ${p}
          OR EXISTS (SELECT 1 FROM variants sv WHERE sv.product_id = p.id AND sv.sku ILIKE ${p}))`);
      }
      if (filter.status) {
        params.push(filter.status);
        where.push(`p.status = $${params.length}`);
      }
      if (filter.categoryId !== undefined) {
        params.push(filter.categoryId);
        ctes.push(`subtree(id) AS (
          SELECT id FROM categories WHERE id = $${params.length}
          UNION ALL SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id)`);
        where.push('p.category_id IN (SELECT id FROM subtree)');
      }
      const availableOf = `(SELECT coalesce(sum(greatest(i.on_hand - i.reserved, 0)), 0) FROM variants v
        JOIN inventory_levels i ON i.variant_id = v.id WHERE v.product_id = p.id AND v.enabled)`;
      if (filter.stock === 'in_stock') where.push(`${availableOf} > 0`);
      if (filter.stock === 'out_of_stock') where.push(`${availableOf} = 0`);
      if (filter.stock === 'low_stock') {
        params.push(filter.lowStockThreshold);
        where.push(`EXISTS (SELECT 1 FROM variants v JOIN inventory_levels i ON i.variant_id = v.id
          WHERE v.product_id = p.id AND v.enabled AND i.on_hand - i.reserved <= $${params.length})`);
      }
      ctes.push(`matched AS (
        SELECT p.id, p.handle, p.name, p.status, p.category_id, p.category_name, p.created_at, p.updated_at,
               left(p.name, 200) AS sort_name
          FROM products p ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`);
      const keys = SORT_KEYS[sort];
      const afterSql = after ? `WHERE ${keysetCondition(keys, after, params)}` : '';
      params.push(limit);
      const { rows } = await q.query<AdminProductRow>(
        `WITH RECURSIVE ${ctes.join(',\n')},
         page AS (
           SELECT m.* FROM (SELECT matched.*, count(*) OVER () AS total FROM matched) m ${afterSql}
           ORDER BY ${orderBy(keys)} LIMIT $${params.length})
         SELECT m.id, m.handle, m.name, m.status, m.category_id, m.category_name, m.created_at, m.updated_at,
                m.sort_name, m.total::int AS total,
                img.url AS image_url, img.alt AS image_alt,
                coalesce(vs.variant_count, 0)::int AS variant_count,
                vs.price_min::text AS price_min, vs.price_max::text AS price_max, vs.currency,
                coalesce(st.on_hand, 0)::int AS on_hand, coalesce(st.available, 0)::int AS available
           FROM page m
           LEFT JOIN LATERAL (SELECT url, alt FROM product_images WHERE product_id = m.id
                              ORDER BY position, id LIMIT 1) img ON true
           LEFT JOIN LATERAL (SELECT count(*) AS variant_count, min(price_amount) AS price_min,
                                     max(price_amount) AS price_max, min(currency) AS currency
                                FROM variants WHERE product_id = m.id) vs ON true
           LEFT JOIN LATERAL (SELECT sum(i.on_hand) AS on_hand, sum(greatest(i.on_hand - i.reserved, 0)) AS available
                                FROM variants v JOIN inventory_levels i ON i.variant_id = v.id
                               WHERE v.product_id = m.id) st ON true
          ORDER BY ${orderBy(keys)}`,
        params,
      );
      return rows;
    },
  };
}

export type AdminProductListRepository = ReturnType<typeof createAdminProductListRepository>;
