import { atom, type ReadableAtom } from 'nanostores';
import type { ShopClient } from '../client.js';
import type { Product, ProductList } from '../contract/catalog.js';
import type { SearchQuery } from '../contract/search.js';
import { toShopError, type ShopError } from '../errors.js';

/**
 * What a product list shows: the list filters, sort and page size, plus the search words
 * (`q`), option values (`options`) and rating floor (`min_rating`) that make it a search.
 * Paging (`cursor`, `page`) and facets are the store's business, not the caller's.
 */
export type ProductListStoreQuery = Omit<SearchQuery, 'cursor' | 'page' | 'facets'>;

/** `idle` before the first load (or after one was cut short), then `loading`, `ready` or `error`. */
export type ProductListStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Everything a product list view renders, as one immutable value per change. */
export interface ProductListState {
  readonly status: ProductListStatus;
  /** The products shown, in order, each once (a product seen on an earlier page is not repeated). */
  readonly products: readonly Product[];
  /** How many products match, when the server counted them. */
  readonly total: number | undefined;
  /** True when `loadMore()` has a next page to fetch. */
  readonly hasMore: boolean;
  /** True while `loadMore()` fetches the next page (the products shown stay). */
  readonly loadingMore: boolean;
  /** Why the first page failed (status `error`). */
  readonly error: ShopError | undefined;
  /** Why the last `loadMore()` failed; the products shown stay, and `retry()` asks again. */
  readonly moreError: ShopError | undefined;
  /** The query of the products shown (or being loaded); `undefined` before the first `load()`. */
  readonly query: ProductListStoreQuery | undefined;
}

/** How one `load()`, `loadMore()` or `retry()` ended. */
export type ProductListOutcome =
  | {
      readonly status: 'loaded';
      /** The page as the server sent it (a search result is shaped as a list). */
      readonly page: ProductList;
      /** The products of the page that were not shown yet (what was added to `products`). */
      readonly added: readonly Product[];
      /** The query the page was asked with, including the `cursor` when appending. */
      readonly query: SearchQuery;
      /** True for a page appended by `loadMore()`. */
      readonly append: boolean;
    }
  | { readonly status: 'failed'; readonly error: ShopError; readonly append: boolean }
  /** A newer `load()` or `abort()` superseded the request; its answer was dropped. */
  | { readonly status: 'cancelled' }
  /** Nothing to do: no next page, or one is loading already. */
  | { readonly status: 'skipped' };

/** A paged product list for one client: a store to render from and the actions that move it. */
export interface ProductListStore {
  /** The list as it stands; changes once per step (loading, a page shown, a failure). */
  readonly $list: ReadableAtom<ProductListState>;
  /**
   * Shows the first page for `query`, replacing the products shown. The request in flight, if
   * any, is aborted, so a superseded answer never lands.
   */
  load(query: ProductListStoreQuery): Promise<ProductListOutcome>;
  /** Appends the next page, if there is one and nothing is loading; products already shown are dropped from it. */
  loadMore(): Promise<ProductListOutcome>;
  /** Repeats what failed last: the next page after a failed `loadMore()`, else the first page. */
  retry(): Promise<ProductListOutcome>;
  /**
   * Aborts the request in flight. A first page cut short leaves the status `idle` (so the caller
   * knows to load again), a next page cut short leaves the products shown as they were.
   */
  abort(): void;
}

const INITIAL: ProductListState = {
  status: 'idle',
  products: [],
  total: undefined,
  hasMore: false,
  loadingMore: false,
  error: undefined,
  moreError: undefined,
  query: undefined,
};

/** Whether the query needs the search endpoint (words, options or a rating floor) rather than the plain list. */
function isSearch(query: SearchQuery): boolean {
  return (
    Boolean(query.q) || (query.options !== undefined && query.options.length > 0) || query.min_rating !== undefined
  );
}

/**
 * Creates a product list for a client: first page, next pages by cursor, one request at a time.
 * A new `load()` aborts the request in flight and its answer is dropped; `loadMore()` follows
 * `next_cursor` and drops products already shown (pages of a changing catalogue can overlap).
 * Queries with search words, option values or a rating floor go to `GET /v1/search`, the others
 * to `GET /v1/products`.
 *
 * ```ts
 * const list = createProductListStore(shop);
 * list.$list.subscribe(({ status, products, hasMore }) => render(status, products, hasMore));
 * await list.load({ category: 'mugs', sort: 'price_asc', limit: 24 });
 * await list.loadMore();
 * ```
 */
export function createProductListStore(client: ShopClient): ProductListStore {
  const $list = atom<ProductListState>(INITIAL);
  let cursor: string | null = null;
  let inFlight: AbortController | undefined;
  const update = (change: Partial<ProductListState>) => $list.set({ ...$list.get(), ...change });

  /** Fetches the first page (`start` resets what is shown, in the same change) or, with `append`, the next one. */
  async function fetchPage(append: boolean, start: Partial<ProductListState> = {}): Promise<ProductListOutcome> {
    inFlight?.abort();
    const abort = (inFlight = new AbortController());
    const base = start.query ?? $list.get().query ?? {};
    const query: SearchQuery = append && cursor ? { ...base, cursor } : base;
    update({
      ...start,
      ...(append ? { loadingMore: true } : { status: 'loading' }),
      error: undefined,
      moreError: undefined,
    });
    try {
      const page: ProductList = isSearch(query)
        ? await client.search
            .query({ ...query, facets: [] }, { signal: abort.signal })
            .then((r) => ({ ...r, object: 'list' as const }))
        : await client.products.list(query, { signal: abort.signal });
      if (abort.signal.aborted) return { status: 'cancelled' };
      const shown = append ? $list.get().products : [];
      const seen = new Set(shown.map((p) => p.id));
      const added: Product[] = [];
      for (const product of page.data) {
        if (seen.has(product.id)) continue;
        seen.add(product.id);
        added.push(product);
      }
      inFlight = undefined;
      cursor = page.next_cursor;
      update({
        status: 'ready',
        products: append ? [...shown, ...added] : added,
        total: page.total,
        hasMore: page.has_more && page.next_cursor !== null,
        loadingMore: false,
      });
      return { status: 'loaded', page, added, query, append };
    } catch (err) {
      if (abort.signal.aborted) return { status: 'cancelled' };
      inFlight = undefined;
      const error = toShopError(err, {
        type: 'api_error',
        code: 'product_list_failed',
        message: 'The products could not be loaded.',
      });
      update(append ? { moreError: error, loadingMore: false } : { status: 'error', error, loadingMore: false });
      return { status: 'failed', error, append };
    }
  }

  function load(query: ProductListStoreQuery): Promise<ProductListOutcome> {
    cursor = null;
    return fetchPage(false, { query, products: [], total: undefined, hasMore: false, loadingMore: false });
  }

  return {
    $list,
    load,
    loadMore() {
      const { status, hasMore, loadingMore } = $list.get();
      if (!hasMore || !cursor || status !== 'ready' || loadingMore) return Promise.resolve({ status: 'skipped' });
      return fetchPage(true);
    },
    retry() {
      const { query, moreError } = $list.get();
      if (query === undefined) return Promise.resolve({ status: 'skipped' });
      return moreError !== undefined ? fetchPage(true) : load(query);
    },
    abort() {
      if (!inFlight) return;
      inFlight.abort();
      inFlight = undefined;
      const { status } = $list.get();
      update({ status: status === 'loading' ? 'idle' : status, loadingMore: false });
    },
  };
}
