import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Product, ProductList, SearchQuery, ShopClient } from '@shoptag/sdk';

/** What a list shows: the list filters, plus the search words, options and rating that make it a search. */
export type ListQuery = SearchQuery;

/** Whether the query needs the search endpoint (words, options or a rating floor) rather than the plain list. */
export function isSearch(query: ListQuery): boolean {
  return Boolean(query.q) || (query.options !== undefined && query.options.length > 0) || query.min_rating !== undefined;
}

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A page that arrived: what the element announces in `shop-products-loaded`. */
export interface LoadedPage {
  page: ProductList;
  query: ListQuery;
  /** True when the page was appended to the products already shown. */
  append: boolean;
}

export interface ProductListControllerOptions {
  onLoad?: (loaded: LoadedPage) => void;
  onError?: (error: unknown) => void;
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/**
 * Loads a product list page by page through the SDK. A new `load()` aborts the request in flight;
 * `loadMore()` follows `next_cursor` and drops products already shown; the host re-renders on every
 * change of state.
 */
export class ProductListController implements ReactiveController {
  status: ListStatus = 'idle';
  products: readonly Product[] = [];
  total: number | undefined = undefined;
  hasMore = false;
  loadingMore = false;
  /** Why the first page failed (status `error`). */
  error: unknown = undefined;
  /** Why the last `loadMore()` failed; the products shown stay. */
  moreError: unknown = undefined;

  private client: ShopClient | undefined;
  private query: ListQuery = {};
  private cursor: string | null = null;
  private abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ProductListControllerOptions = {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // A request cut short by removal is repeated when the element comes back.
    if (this.abort) {
      this.abort.abort();
      this.abort = undefined;
      if (this.status === 'loading') this.status = 'idle';
      this.loadingMore = false;
    }
  }

  /** Shows the first page for `query`, replacing what is shown. */
  load(client: ShopClient, query: ListQuery): Promise<void> {
    this.client = client;
    this.query = query;
    this.cursor = null;
    this.products = [];
    this.total = undefined;
    this.hasMore = false;
    return this.fetch(false);
  }

  /** Appends the next page, if there is one and nothing is loading. */
  loadMore(): Promise<void> {
    if (!this.client || !this.hasMore || !this.cursor || this.status !== 'ready' || this.loadingMore) return Promise.resolve();
    return this.fetch(true);
  }

  /** Repeats whatever failed last. */
  retry(): Promise<void> {
    if (!this.client) return Promise.resolve();
    return this.moreError !== undefined ? this.fetch(true) : this.load(this.client, this.query);
  }

  private async fetch(append: boolean): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const client = this.client!;
    const query: ListQuery = append && this.cursor ? { ...this.query, cursor: this.cursor } : this.query;
    if (append) this.loadingMore = true;
    else this.status = 'loading';
    this.error = undefined;
    this.moreError = undefined;
    this.host.requestUpdate();

    let announce: () => void;
    try {
      const page: ProductList = isSearch(query)
        ? await client.search.query({ ...query, facets: [] }, { signal: abort.signal }).then((r) => ({ ...r, object: 'list' as const }))
        : await client.products.list(query, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const seen = new Set(append ? this.products.map((p) => p.id) : []);
      const fresh: Product[] = [];
      for (const product of page.data) {
        if (seen.has(product.id)) continue;
        seen.add(product.id);
        fresh.push(product);
      }
      this.products = append ? [...this.products, ...fresh] : fresh;
      this.total = page.total;
      this.cursor = page.next_cursor;
      this.hasMore = page.has_more && page.next_cursor !== null;
      this.status = 'ready';
      announce = () => this.options.onLoad?.({ page, query, append });
    } catch (err) {
      if (abort.signal.aborted || isAbort(err)) return;
      if (append) this.moreError = err;
      else {
        this.error = err;
        this.status = 'error';
      }
      announce = () => this.options.onError?.(err);
    }
    this.abort = undefined;
    this.loadingMore = false;
    // Render first, so listeners of the events see the new state on screen.
    this.host.requestUpdate();
    announce();
  }
}
