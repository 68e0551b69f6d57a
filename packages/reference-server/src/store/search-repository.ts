import { PRICE_FACET_BOUNDS, type FacetName, type ProductSort, type SearchFacets } from '@shoptag/sdk/contract';
import type { Queryable } from './db.js';
import { PRODUCT_COLUMNS } from './product-repository.js';
import type { ListedProductRow, ProductRow } from './product-rows.js';

/** One typed word: completed as a prefix in names, brands and categories, or matched whole anywhere. */
export interface SearchWord {
  /** `to_tsquery` text for the partial word, e.g. `lam:*`. */
  prefix: string;
  /** `to_tsquery` text for the whole word or its spelling corrections, e.g. `lamp | lame`. */
  exact: string;
}

export interface SearchFilter {
  /** Every word must match (built from sanitized words only); none matches every product. */
  words?: readonly SearchWord[];
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

export interface SearchRow extends Omit<ListedProductRow, 'total'> {
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

const ORDER: Record<ProductSort, string> = {
  relevance: 'l.rank DESC, l.position ASC, l.product_id ASC',
  price_asc: 'l.min_price ASC, l.product_id ASC',
  price_desc: 'l.min_price DESC, l.product_id ASC',
  rating: 'l.rating_average DESC, l.rating_count DESC, l.product_id ASC',
  newest: 'l.created_at DESC, l.product_id ASC',
};

/**
 * The matching search documents as the CTE `listed`: one pass over the rows the text matches
 * (through the two GIN indexes), every filter on the document itself.
 */
function listedSql(filter: SearchFilter, params: unknown[], columns: string, withRank = false): string {
  const where: string[] = [];
  const ctes: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let rank = '0::float4';
  const words = filter.words ?? [];
  for (const word of words) {
    where.push(
      `(d.name_vector @@ to_tsquery('english', ${add(word.prefix)}) OR d.text_vector @@ to_tsquery('english', ${add(word.exact)}))`,
    );
  }
  // Name, brand and category words rank by weight; a match only in the description ranks last.
  if (withRank && words.length > 0)
    rank = `ts_rank(d.name_vector, to_tsquery('english', ${add(words.map((w) => `${w.prefix} | ${w.exact}`).join(' | '))}))`;
  if (filter.categoryId !== undefined) {
    ctes.push(`subtree(id) AS (
      SELECT id FROM categories WHERE id = ${add(filter.categoryId)}
      UNION ALL SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id)`);
    where.push('d.category_id IN (SELECT id FROM subtree)');
  }
  if (filter.brand !== undefined) where.push(`lower(d.brand) = lower(${add(filter.brand)})`);
  if (filter.minRating !== undefined) where.push(`d.rating_average >= ${add(filter.minRating)}`);
  for (const [name, values] of filter.options ?? []) {
    where.push(
      `d.option_ids && ARRAY(SELECT ov.id FROM search_option_values ov WHERE lower(ov.name) = lower(${add(name)}) AND ov.value = ANY (${add(values)}::text[]))`,
    );
  }
  if (filter.minPrice !== undefined) where.push(`d.min_price >= ${add(filter.minPrice)}`);
  if (filter.maxPrice !== undefined) where.push(`d.min_price <= ${add(filter.maxPrice)}`);
  if (filter.inStock !== undefined) where.push(filter.inStock ? 'd.in_stock' : 'NOT d.in_stock');
  ctes.push(`listed AS MATERIALIZED (
    SELECT ${columns}, ${rank} AS rank
    FROM search_documents d
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''})`);
  return `WITH RECURSIVE ${ctes.join(',\n')}`;
}

const FACET_SQL: Record<FacetName, string> = {
  brand: `(SELECT coalesce(jsonb_agg(jsonb_build_object('value', b.value, 'count', b.n) ORDER BY b.n DESC, b.value), '[]')
           FROM (SELECT min(brand) AS value, count(*) AS n FROM listed WHERE brand <> '' GROUP BY lower(brand)) b)`,
  category: `(SELECT coalesce(jsonb_agg(jsonb_build_object('id', k.id, 'slug', c.slug, 'name', c.name, 'count', k.n) ORDER BY k.n DESC, c.name), '[]')
              FROM (SELECT category_id AS id, count(*) AS n FROM listed GROUP BY category_id) k JOIN categories c ON c.id = k.id)`,
  price: `(SELECT jsonb_agg(jsonb_build_object('min', b.lo, 'max', b.hi, 'count', coalesce(n.n, 0)) ORDER BY b.lo)
           FROM (SELECT lo, lead(lo) OVER (ORDER BY lo) AS hi, row_number() OVER (ORDER BY lo) AS k
                 FROM unnest(ARRAY[${PRICE_FACET_BOUNDS.join(',')}]::bigint[]) AS lo) b
           LEFT JOIN (SELECT width_bucket(min_price, ARRAY[${PRICE_FACET_BOUNDS.join(',')}]::bigint[]) AS k, count(*) AS n
                      FROM listed GROUP BY 1) n ON n.k = b.k)`,
  options: `(SELECT coalesce(jsonb_agg(jsonb_build_object('name', g.name, 'values', g.vals) ORDER BY g.name), '[]')
             FROM (SELECT ov.name, jsonb_agg(jsonb_build_object('value', ov.value, 'count', n.n) ORDER BY ov.ord, ov.value) AS vals
                   FROM (SELECT o.id, count(*) AS n FROM (SELECT unnest(option_ids) AS id FROM listed) o GROUP BY o.id) n
                   JOIN search_option_values ov ON ov.id = n.id
                   GROUP BY ov.name) g)`,
  rating: `(SELECT jsonb_build_array(
              jsonb_build_object('min', 4, 'count', count(*) FILTER (WHERE rating_average >= 4)),
              jsonb_build_object('min', 3, 'count', count(*) FILTER (WHERE rating_average >= 3)),
              jsonb_build_object('min', 2, 'count', count(*) FILTER (WHERE rating_average >= 2)),
              jsonb_build_object('min', 1, 'count', count(*) FILTER (WHERE rating_average >= 1)))
            FROM listed)`,
  in_stock: `(SELECT jsonb_build_object('in_stock', count(*) FILTER (WHERE in_stock), 'out_of_stock', count(*) FILTER (WHERE NOT in_stock)) FROM listed)`,
};

/** Columns the facet queries need. */
const FACET_COLUMNS = 'd.brand, d.category_id, d.min_price, d.rating_average, d.in_stock, d.option_ids';
/** Columns a page is sorted on; the full rows are read for the page only. */
const SORT_COLUMNS =
  'd.product_id, d.position, d.min_price, d.rating_average, d.rating_count, d.created_at, d.in_stock';

/** `value` with LIKE's wildcards escaped. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern for words starting with `prefix`. */
function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

export function createSearchRepository(db: Queryable) {
  return {
    /**
     * Spelling candidates for words that match no indexed word by prefix: indexed words one edit
     * away (a letter wrong, missing or extra) or with two neighbouring letters swapped.
     * `swaps` pairs each word with its transpositions.
     */
    async corrections(
      words: readonly string[],
      swaps: readonly { word: string; swap: string }[],
    ): Promise<Map<string, string[]>> {
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

    /**
     * One page of matches: sorted and cut on the document columns (a top-N sort, no window over
     * every match), then whole rows (options and all) read for the page only.
     */
    async page(request: SearchPageRequest): Promise<SearchRow[]> {
      const params: unknown[] = [];
      const withSql = listedSql(request.filter, params, SORT_COLUMNS, request.sort === 'relevance');
      params.push(request.limit, request.offset);
      const { rows } = await db.query<SearchRow>(
        `${withSql},
         page AS (
           SELECT * FROM listed l
           ORDER BY ${ORDER[request.sort]}
           LIMIT $${params.length - 1} OFFSET $${params.length})
         SELECT ${PRODUCT_COLUMNS}, l.rank, l.min_price, l.in_stock
         FROM page l JOIN products p ON p.id = l.product_id JOIN categories c ON c.id = p.category_id
         ORDER BY ${ORDER[request.sort]}`,
        params,
      );
      return rows;
    },

    /** How many documents match, and counts per facet value over all of them, in one statement. */
    async countAndFacets(
      filter: SearchFilter,
      names: readonly FacetName[],
    ): Promise<{ total: number; facets: SearchFacets }> {
      const params: unknown[] = [];
      const withSql = listedSql(filter, params, FACET_COLUMNS);
      const { rows } = await db.query<SearchFacets & { total: number }>(
        `${withSql} SELECT (SELECT count(*) FROM listed) AS total${names.map((n) => `, ${FACET_SQL[n]} AS ${n}`).join('')}`,
        params,
      );
      const { total = 0, ...facets } = rows[0] ?? {};
      return { total, facets };
    },

    /**
     * Products with a name or brand word starting with each typed word (lower-case): name
     * matches first, then the most reviewed. A word may be given as its alternatives (spelling
     * corrections), any of which may match.
     */
    async suggestProducts(
      words: readonly (string | readonly string[])[],
      limit: number,
    ): Promise<ProductSuggestionRow[]> {
      if (words.length === 0) return [];
      const alternatives = words.map((w) => (typeof w === 'string' ? [w] : [...w]));
      if (alternatives.some((a) => a.length === 0)) return [];
      const longest = (a: readonly string[]) => Math.max(...a.map((w) => w.length));
      // The longest word is the most selective: its prefix range is read from the index, and
      // every other word is checked per candidate through the primary key.
      const [first, ...rest] = alternatives.sort(
        (a, b) => longest(b) - longest(a) || (a[0] ?? '').localeCompare(b[0] ?? ''),
      );
      const match = (column: string, a: readonly string[]) => {
        if (a.length === 1) {
          params.push(likePrefix(a[0] ?? ''));
          return `${column} LIKE $${params.length}`;
        }
        params.push(a.map(likePrefix));
        return `${column} LIKE ANY ($${params.length}::text[])`;
      };
      const params: unknown[] = [limit];
      const firstMatch = match('w.word', first ?? []);
      const others = rest.map(
        (a) =>
          `AND EXISTS (SELECT 1 FROM search_suggest_words x WHERE x.product_id = w.product_id AND ${match('x.word', a)})`,
      );
      const { rows } = await db.query<ProductSuggestionRow>(
        `WITH top AS (
           SELECT w.product_id, min(w.weight) AS weight, max(w.popularity) AS popularity
           FROM search_suggest_words w
           WHERE ${firstMatch} ${others.join(' ')}
           GROUP BY w.product_id
           ORDER BY weight, popularity DESC, w.product_id
           LIMIT $1)
         SELECT p.id, p.handle, p.name, p.brand, m.price_amount, m.currency,
                (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.position, i.id LIMIT 1) AS image_url
         FROM top JOIN products p ON p.id = top.product_id
         CROSS JOIN LATERAL (SELECT v.price_amount, v.currency FROM variants v WHERE v.product_id = p.id ORDER BY v.price_amount LIMIT 1) m
         ORDER BY top.weight, top.popularity DESC, p.id`,
        params,
      );
      return rows;
    },

    /** Which of `words` are stop words ("the", "and" …): they match nothing, so a query ignores them. */
    async stopWords(words: readonly string[]): Promise<Set<string>> {
      if (words.length === 0) return new Set();
      const { rows } = await db.query<{ word: string }>(
        `SELECT w.word FROM unnest($1::text[]) AS w(word) WHERE numnode(to_tsquery('english', w.word)) = 0`,
        [words],
      );
      return new Set(rows.map((r) => r.word));
    },

    /** Applies stock changes not yet reflected in search (see 0006_search_documents.sql); answers how many products changed. */
    async refreshStock(): Promise<number> {
      const { rows } = await db.query<{ n: number }>('SELECT search_stock_refresh() AS n');
      return rows[0]?.n ?? 0;
    },

    /** Categories with a word of the name starting with `prefix` (lower-case). */
    async suggestCategories(prefix: string, limit: number): Promise<CategorySuggestionRow[]> {
      const { rows } = await db.query<CategorySuggestionRow>(
        `SELECT id, slug, name FROM categories
         WHERE lower(name) LIKE $1 || '%' OR lower(name) LIKE '% ' || $1 || '%'
         ORDER BY (lower(name) LIKE $1 || '%') DESC, length(name), name
         LIMIT $2`,
        [escapeLike(prefix), limit],
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
