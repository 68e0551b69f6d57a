import { PRICE_FACET_BOUNDS, type FacetName, type ProductSort, type SearchFacets } from '@shoptag/sdk/contract';
import type { Queryable } from './db.js';
import { PRODUCT_COLUMNS, type ListedProductRow, type ProductRow } from './product-repository.js';

export interface SearchFilter {
  /** A tsquery in `to_tsquery('english', …)` syntax built from sanitized words; undefined matches every product. */
  tsquery?: string;
  categoryId?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  minRating?: number;
  /** Option name → accepted values (any of them). */
  options?: Map<string, string[]>;
}

export interface SearchPageRequest {
  filter: SearchFilter;
  sort: ProductSort;
  limit: number;
  offset: number;
}

export interface SearchRow extends ListedProductRow {
  rank: number;
}

export interface ProductSuggestionRow {
  id: string;
  handle: string;
  name: string;
  brand: string;
  price_amount: number;
  currency: string;
  image_url: string | null;
}

export interface CategorySuggestionRow {
  id: string;
  slug: string;
  name: string;
}

/** The lowest variant price of `p`, kept by triggers; NULL for a product without variants. */
const MIN_PRICE_SQL = '(SELECT s.min_price FROM product_stats s WHERE s.product_id = p.id)';
/** Whether any enabled variant of `p` has units available. */
const IN_STOCK_SQL = `EXISTS (SELECT 1 FROM variants v JOIN inventory_levels i ON i.variant_id = v.id
  WHERE v.product_id = p.id AND v.enabled AND i.on_hand - i.reserved > 0)`;

const ORDER: Record<ProductSort, string> = {
  relevance: 'l.rank DESC, l.position ASC, l.id ASC',
  price_asc: 'l.min_price ASC, l.id ASC',
  price_desc: 'l.min_price DESC, l.id ASC',
  rating: 'l.rating_average DESC, l.rating_count DESC, l.id ASC',
  newest: 'l.created_at DESC, l.id ASC',
};

/**
 * The matching products with their lowest price and whether they are in stock, as the CTE
 * `listed`. Every filter applies in one WHERE: text through the GIN index, price through product_stats.
 */
function listedSql(filter: SearchFilter, params: unknown[], columns: string, withRank = false): string {
  const where = [`p.status = 'active'`];
  const ctes: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let rank = '0::float4';
  if (filter.tsquery !== undefined) {
    const q = `to_tsquery('english', ${add(filter.tsquery)})`;
    where.push(`p.search_vector @@ ${q}`);
    if (withRank) rank = `ts_rank_cd(p.search_vector, ${q})`;
  }
  if (filter.categoryId !== undefined) {
    ctes.push(`subtree(id) AS (
      SELECT id FROM categories WHERE id = ${add(filter.categoryId)}
      UNION ALL SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id)`);
    where.push('p.category_id IN (SELECT id FROM subtree)');
  }
  if (filter.brand !== undefined) where.push(`lower(p.brand) = lower(${add(filter.brand)})`);
  if (filter.minRating !== undefined) where.push(`p.rating_average >= ${add(filter.minRating)}`);
  for (const [name, values] of filter.options ?? []) {
    where.push(`EXISTS (SELECT 1 FROM product_options o WHERE o.product_id = p.id AND lower(o.name) = lower(${add(name)}) AND o."values" && ${add(values)}::text[])`);
  }
  if (filter.minPrice !== undefined) where.push(`${MIN_PRICE_SQL} >= ${add(filter.minPrice)}`);
  if (filter.maxPrice !== undefined) where.push(`${MIN_PRICE_SQL} <= ${add(filter.maxPrice)}`);
  if (filter.inStock !== undefined) where.push(filter.inStock ? IN_STOCK_SQL : `NOT ${IN_STOCK_SQL}`);
  // min_price is kept per product by triggers (0005_search_speed.sql); stock changes with every
  // sale, so it is looked up per match through the variant and stock-level indexes.
  ctes.push(`listed AS (
    SELECT ${columns}, ${rank} AS rank, ${MIN_PRICE_SQL} AS min_price, ${IN_STOCK_SQL} AS in_stock
    FROM products p
    WHERE ${where.join(' AND ')} AND ${MIN_PRICE_SQL} IS NOT NULL)`);
  return `WITH RECURSIVE ${ctes.join(',\n')}`;
}

const FACET_SQL: Record<FacetName, string> = {
  brand: `(SELECT coalesce(jsonb_agg(jsonb_build_object('value', b.value, 'count', b.n) ORDER BY b.n DESC, b.value), '[]')
           FROM (SELECT min(brand) AS value, count(*) AS n FROM listed WHERE brand <> '' GROUP BY lower(brand)) b)`,
  category: `(SELECT coalesce(jsonb_agg(jsonb_build_object('id', k.id, 'slug', k.slug, 'name', k.name, 'count', k.n) ORDER BY k.n DESC, k.name), '[]')
              FROM (SELECT c.id, c.slug, c.name, count(*) AS n FROM listed l JOIN categories c ON c.id = l.category_id GROUP BY c.id) k)`,
  price: `(SELECT jsonb_agg(jsonb_build_object('min', b.lo, 'max', b.hi, 'count',
                  (SELECT count(*) FROM listed l WHERE l.min_price >= b.lo AND (b.hi IS NULL OR l.min_price < b.hi))) ORDER BY b.lo)
           FROM (SELECT lo, lead(lo) OVER (ORDER BY lo) AS hi FROM unnest(ARRAY[${PRICE_FACET_BOUNDS.join(',')}]::bigint[]) AS lo) b)`,
  options: `(SELECT coalesce(jsonb_agg(jsonb_build_object('name', g.name, 'values', g.vals) ORDER BY g.name), '[]')
             FROM (SELECT ov.name, jsonb_agg(jsonb_build_object('value', ov.value, 'count', ov.n) ORDER BY ov.first_pos, ov.value) AS vals
                   FROM (SELECT o.name, v.value, count(DISTINCT o.product_id) AS n, min(v.ord) AS first_pos
                         FROM listed l JOIN product_options o ON o.product_id = l.id
                         CROSS JOIN LATERAL unnest(o."values") WITH ORDINALITY AS v(value, ord)
                         GROUP BY o.name, v.value) ov
                   GROUP BY ov.name) g)`,
  rating: `(SELECT jsonb_agg(jsonb_build_object('min', r.k, 'count', (SELECT count(*) FROM listed l WHERE l.rating_average >= r.k)) ORDER BY r.k DESC)
            FROM generate_series(1, 4) AS r(k))`,
  in_stock: `(SELECT jsonb_build_object('in_stock', count(*) FILTER (WHERE in_stock), 'out_of_stock', count(*) FILTER (WHERE NOT in_stock)) FROM listed)`,
};

/** Columns the facet queries need; far cheaper than the full product row. */
const FACET_COLUMNS = 'p.id, p.brand, p.category_id, p.rating_average';
/** Columns a page is sorted on; the full rows are read for the page only. */
const SORT_COLUMNS = 'p.id, p.position, p.rating_average, p.rating_count, p.created_at';

export function createSearchRepository(db: Queryable) {
  return {
    /**
     * Spelling candidates for words that match no indexed word by prefix: indexed words one edit
     * away (a letter wrong, missing or extra) or with two neighbouring letters swapped.
     * `swaps` pairs each word with its transpositions.
     */
    async corrections(words: readonly string[], swaps: readonly { word: string; swap: string }[]): Promise<Map<string, string[]>> {
      if (words.length === 0) return new Map();
      const { rows } = await db.query<{ word: string; term: string }>(
        `WITH unknown AS (
           SELECT w.word FROM unnest($1::text[]) AS w(word)
           WHERE NOT EXISTS (SELECT 1 FROM search_terms e WHERE e.term LIKE w.word || '%')
         )
         SELECT c.word, c.term FROM (
           SELECT u.word, s.term FROM unknown u
           JOIN search_terms s ON length(s.term) BETWEEN length(u.word) - 1 AND length(u.word) + 1
            AND levenshtein_less_equal(s.term, u.word, 1) <= 1
           UNION
           SELECT x.word, s.term FROM unnest($2::text[], $3::text[]) AS x(word, swap)
           JOIN unknown u ON u.word = x.word
           JOIN search_terms s ON s.term = x.swap
         ) c
         ORDER BY c.word, c.term`,
        [words, swaps.map((s) => s.word), swaps.map((s) => s.swap)],
      );
      const out = new Map<string, string[]>();
      for (const row of rows) out.set(row.word, [...(out.get(row.word) ?? []), row.term]);
      return out;
    },

    /** One page of matches plus the total, in one statement. */
    async page(request: SearchPageRequest): Promise<{ rows: SearchRow[]; total: number }> {
      const params: unknown[] = [];
      const withSql = listedSql(request.filter, params, SORT_COLUMNS, request.sort === 'relevance');
      params.push(request.limit, request.offset);
      // Sort and cut on light columns first; read whole rows (options and all) for the page only.
      const { rows } = await db.query<SearchRow & { total: number }>(
        `${withSql},
         page AS (
           SELECT l.id, l.rank, l.min_price, l.in_stock, count(*) OVER () AS total, row_number() OVER (ORDER BY ${ORDER[request.sort]}) AS n
           FROM listed l
           ORDER BY ${ORDER[request.sort]}
           LIMIT $${params.length - 1} OFFSET $${params.length})
         SELECT ${PRODUCT_COLUMNS}, pg.rank, pg.min_price, pg.in_stock, pg.total
         FROM page pg JOIN products p ON p.id = pg.id JOIN categories c ON c.id = p.category_id
         ORDER BY pg.n`,
        params,
      );
      if (rows.length > 0 || request.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
      const countParams: unknown[] = [];
      const count = await db.query<{ total: number }>(`${listedSql(request.filter, countParams, FACET_COLUMNS)} SELECT count(*) AS total FROM listed`, countParams);
      return { rows, total: count.rows[0]?.total ?? 0 };
    },

    /** Counts per facet value over every match, in one statement. */
    async facets(filter: SearchFilter, names: readonly FacetName[]): Promise<SearchFacets> {
      if (names.length === 0) return {};
      const params: unknown[] = [];
      const withSql = listedSql(filter, params, FACET_COLUMNS);
      const { rows } = await db.query<SearchFacets>(`${withSql} SELECT ${names.map((n) => `${FACET_SQL[n]} AS ${n}`).join(', ')}`, params);
      return rows[0] ?? {};
    },

    /** Products whose name (or brand) has a word starting with each typed word, best match first. */
    async suggestProducts(tsquery: string, limit: number): Promise<ProductSuggestionRow[]> {
      const { rows } = await db.query<ProductSuggestionRow>(
        `WITH top AS (
           SELECT p.id, ts_rank_cd('{0, 0, 0.4, 1.0}', p.search_vector, to_tsquery('english', $1)) AS rank, p.rating_count
           FROM products p
           WHERE p.status = 'active' AND p.search_vector @@ to_tsquery('english', $1)
           ORDER BY rank DESC, p.rating_count DESC, p.id
           LIMIT $2)
         SELECT p.id, p.handle, p.name, p.brand, m.price_amount, m.currency,
                (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.position, i.id LIMIT 1) AS image_url
         FROM top JOIN products p ON p.id = top.id
         CROSS JOIN LATERAL (SELECT v.price_amount, v.currency FROM variants v WHERE v.product_id = p.id ORDER BY v.price_amount LIMIT 1) m
         ORDER BY top.rank DESC, top.rating_count DESC, p.id`,
        [tsquery, limit],
      );
      return rows;
    },

    /** Categories with a word of the name starting with `prefix` (lower-case). */
    async suggestCategories(prefix: string, limit: number): Promise<CategorySuggestionRow[]> {
      const { rows } = await db.query<CategorySuggestionRow>(
        `SELECT id, slug, name FROM categories
         WHERE lower(name) LIKE $1 || '%' OR lower(name) LIKE '% ' || $1 || '%'
         ORDER BY (lower(name) LIKE $1 || '%') DESC, length(name), name
         LIMIT $2`,
        [prefix.replace(/[\\%_]/g, (c) => `\\${c}`), limit],
      );
      return rows;
    },

    /**
     * Active products sharing the category, brand, tags or attributes of `productId`, scored
     * category 3, brand 2, each shared tag or attribute 1; in stock first; never the product itself.
     */
    async related(productId: string, limit: number): Promise<(ProductRow & { in_stock: boolean })[]> {
      const { rows } = await db.query<ProductRow & { in_stock: boolean }>(
        `WITH me AS (SELECT id, category_id, lower(brand) AS brand, tags, attributes FROM products WHERE id = $1)
         SELECT ${PRODUCT_COLUMNS}, s.in_stock
         FROM me, products p
         JOIN categories c ON c.id = p.category_id
         CROSS JOIN LATERAL (
           SELECT coalesce(bool_or(v.enabled AND i.on_hand - i.reserved > 0), false) AS in_stock, count(v.id) AS variants
           FROM variants v LEFT JOIN inventory_levels i ON i.variant_id = v.id WHERE v.product_id = p.id) s
         CROSS JOIN LATERAL (
           SELECT (CASE WHEN p.category_id = me.category_id THEN 3 ELSE 0 END)
                + (CASE WHEN lower(p.brand) = me.brand AND me.brand <> '' THEN 2 ELSE 0 END)
                + cardinality(ARRAY(SELECT unnest(p.tags) INTERSECT SELECT unnest(me.tags)))
                + (SELECT count(*) FROM jsonb_each_text(p.attributes) a JOIN jsonb_each_text(me.attributes) b ON a.key = b.key AND a.value = b.value)
                AS score) sc
         WHERE p.id <> me.id AND p.status = 'active' AND s.variants > 0
           AND sc.score > 0
         ORDER BY s.in_stock DESC, sc.score DESC, p.rating_average DESC, p.id
         LIMIT $2`,
        [productId, limit],
      );
      return rows;
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
