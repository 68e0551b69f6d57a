import {
  DEFAULT_PAGE_LIMIT,
  FACET_NAMES,
  MAX_SUGGESTIONS,
  type RelatedList,
  type SearchQueryParsed,
  type SearchResult,
  type Suggestion,
  type SuggestResult,
} from '@shoptag/sdk/contract';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { CategoryRepository } from '../../store/category-repository.js';
import type { ProductRepository } from '../../store/product-repository.js';
import type { SearchFilter, SearchRepository, SearchWord } from '../../store/search-repository.js';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { createProductHydrator } from '../catalog/index.js';

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;
/** Shortest word that gets spelling candidates; shorter ones have too many neighbours. */
const MIN_CORRECTED_LENGTH = 3;
const MAX_OFFSET = 10_000;
const DEFAULT_RELATED = 8;
const MAX_CATEGORY_SUGGESTIONS = 3;

/** Lower-case words of letters and digits: nothing else reaches a tsquery, so no syntax can be injected. */
export function searchWords(q: string): string[] {
  const words = q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** Each word with two neighbouring letters swapped. */
export function transpositions(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const c = [...chars];
    [c[i], c[i + 1]] = [c[i + 1] ?? '', c[i] ?? ''];
    out.add(c.join(''));
  }
  return [...out];
}

/**
 * Partial words this long or longer are completed in descriptions too; shorter ones only in
 * names, brands and categories ("wat" should find watches, not every description saying
 * "water-resistant"). Whole words and spelling corrections match everywhere.
 */
export const MIN_DESCRIPTION_PREFIX_LENGTH = 4;

/**
 * The tsquery parts of each word: `word:*` as a prefix, and `word | fix1 | fix2` (or, from
 * four letters, `word:* | fix1 | fix2`) for the whole text. Every word must match one of them.
 */
export function buildSearchWords(
  words: readonly string[],
  corrections: ReadonlyMap<string, readonly string[]> = new Map(),
): SearchWord[] {
  return words.map((w) => {
    const whole = [...w].length >= MIN_DESCRIPTION_PREFIX_LENGTH ? `${w}:*` : w;
    return { prefix: `${w}:*`, exact: [whole, ...(corrections.get(w) ?? [])].join(' | ') };
  });
}

export interface SearchServiceDeps {
  search: SearchRepository;
  products: ProductRepository;
  categories: CategoryRepository;
}

/** Storefront search: full-text with typo tolerance and facets, autocomplete, related products. */
export function createSearchService(deps: SearchServiceDeps) {
  const hydrate = createProductHydrator({ products: deps.products, categories: deps.categories });

  async function wordsFor(q: string): Promise<SearchWord[] | undefined> {
    const typed = searchWords(q);
    if (typed.length === 0) return undefined;
    const candidates = typed.filter((w) => [...w].length >= MIN_CORRECTED_LENGTH);
    const swaps = candidates.flatMap((word) => transpositions(word).map((swap) => ({ word, swap })));
    const [stop, corrections] = await Promise.all([
      deps.search.stopWords(typed),
      deps.search.corrections(candidates, swaps),
    ]);
    // Stop words match nothing; a query of stop words alone matches everything, like no query.
    const words = typed.filter((w) => !stop.has(w));
    return words.length === 0 ? undefined : buildSearchWords(words, corrections);
  }

  /** Each word, or its spelling corrections when it starts no indexed word; `undefined` when none is corrected. */
  async function correctedWords(words: readonly string[]): Promise<string[][] | undefined> {
    const candidates = words.filter((w) => [...w].length >= MIN_CORRECTED_LENGTH);
    if (candidates.length === 0) return undefined;
    const swaps = candidates.flatMap((word) => transpositions(word).map((swap) => ({ word, swap })));
    const corrections = await deps.search.corrections(candidates, swaps);
    if (corrections.size === 0) return undefined;
    return words.map((w) => corrections.get(w) ?? [w]);
  }

  async function filterFor(query: SearchQueryParsed): Promise<SearchFilter> {
    let categoryId: string | undefined;
    if (query.category !== undefined) {
      const category = await deps.categories.findRef(query.category);
      if (!category) throw new NotFoundError(`No such category: '${query.category}'`, { param: 'category' });
      categoryId = category.id;
    }
    let options: Map<string, string[]> | undefined;
    for (const pair of query.options ?? []) {
      const at = pair.indexOf(':');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      options ??= new Map();
      options.set(name, [...(options.get(name) ?? []), value]);
    }
    return {
      words: query.q ? await wordsFor(query.q) : undefined,
      categoryId,
      brand: query.brand,
      minPrice: query.min_price,
      maxPrice: query.max_price,
      inStock: query.in_stock,
      minRating: query.min_rating,
      options,
    };
  }

  return {
    async search(query: SearchQueryParsed): Promise<SearchResult> {
      const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
      const sort = query.sort ?? 'relevance';
      let offset = query.page === undefined ? 0 : (query.page - 1) * limit;
      if (query.cursor !== undefined) {
        const [value] = decodeCursor(query.cursor, sort);
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_OFFSET) {
          throw new InvalidRequestError(
            'Invalid cursor: not a cursor issued by this server. Pass the next_cursor of a previous page unchanged.',
            {
              param: 'cursor',
            },
          );
        }
        offset = value;
      }
      if (offset > MAX_OFFSET)
        throw new InvalidRequestError(
          `Invalid page: search pages stop after ${MAX_OFFSET} results; narrow the query.`,
          { param: 'page' },
        );
      const filter = await filterFor(query);
      // The page is read (and hydrated) while the facets are counted.
      const [{ data, hasMore }, counted] = await Promise.all([
        deps.search
          .page({ filter, sort, limit: limit + 1, offset })
          .then(async (rows) => ({ data: await hydrate(rows.slice(0, limit)), hasMore: rows.length > limit })),
        deps.search.countAndFacets(filter, query.facets ?? FACET_NAMES),
      ]);
      return {
        object: 'search_result',
        q: query.q ?? '',
        data,
        facets: counted.facets,
        total: counted.total,
        has_more: hasMore,
        next_cursor: hasMore ? encodeCursor(sort, [offset + limit]) : null,
      };
    },

    /**
     * Categories and products whose words start with the typed words. When nothing does, the
     * words are corrected the way a search corrects them (one letter wrong, missing, extra, or two
     * swapped: "lantren" → lantern), so the suggestions agree with what Enter finds.
     */
    async suggest(q: string, limit: number = MAX_SUGGESTIONS): Promise<SuggestResult> {
      const words = searchWords(q);
      const max = Math.min(limit, MAX_SUGGESTIONS);
      if (words.length === 0) return { object: 'list', q, data: [] };
      const find = (typed: readonly (readonly string[])[]) =>
        // Both at once; products fill what categories leave of `max`.
        Promise.all([
          deps.search.suggestCategories(typed.map((a) => a[0]).join(' '), Math.min(MAX_CATEGORY_SUGGESTIONS, max)),
          deps.search.suggestProducts(typed, max),
        ]);
      let [categories, products] = await find(words.map((w) => [w]));
      if (categories.length === 0 && products.length === 0) {
        const corrected = await correctedWords(words);
        if (corrected) [categories, products] = await find(corrected);
      }
      const data: Suggestion[] = [
        ...categories.map((c): Suggestion => ({ type: 'category', id: c.id, slug: c.slug, name: c.name })),
        ...products.slice(0, max - categories.length).map((p): Suggestion => ({
          type: 'product',
          id: p.id,
          handle: p.handle,
          name: p.name,
          brand: p.brand,
          price: { amount: p.price_amount, currency: p.currency },
          image_url: p.image_url,
        })),
      ];
      return { object: 'list', q, data };
    },

    async related(idOrHandle: string, limit: number = DEFAULT_RELATED): Promise<RelatedList> {
      const product = await deps.products.findActive(idOrHandle);
      if (!product) throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
      return { object: 'list', data: await hydrate(await deps.search.related(product.id, limit)) };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
