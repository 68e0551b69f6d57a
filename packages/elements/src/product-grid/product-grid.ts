import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type {
  Product,
  ProductListOutcome,
  ProductListStoreQuery,
  ProductSort,
  ShopClient,
  Suggestion,
} from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ProductListController } from '../internal/product-list-controller.js';
import { UrlParamsController } from '../internal/url-params-controller.js';
import { SentinelController } from '../internal/sentinel-controller.js';
import { ReconnectController } from '../internal/reconnect-controller.js';
import { Localizer } from '../i18n/localizer.js';
import type { MessageKey } from '../i18n/catalogues.js';
import { DEV_MODE, warn } from '../internal/dev.js';
import { ShopProductsLoadedEvent } from '../events/products-loaded.js';
import { ShopErrorEvent } from '../events/error.js';
import { ShopProductCard } from '../product-card/product-card.js';
import { productGridStyles } from './product-grid.styles.js';
import { errorMessageKey } from '../internal/errors.js';
import { countText, emptyState, errorState, noResultsState, notConfiguredState } from './product-grid-states.js';

/** Page size when `limit` is not set; the server's default too. */
const DEFAULT_LIMIT = 24;
/** Most skeleton cards shown while the first page loads. */
const MAX_SKELETONS = 24;
/** How far below the viewport the next page starts loading. */
const PREFETCH_MARGIN_PX = 600;

const SORT_OPTIONS: readonly { value: ProductSort; label: MessageKey }[] = [
  { value: 'relevance', label: 'grid.sort.relevance' },
  { value: 'price_asc', label: 'grid.sort.priceAsc' },
  { value: 'price_desc', label: 'grid.sort.priceDesc' },
  { value: 'rating', label: 'grid.sort.rating' },
  { value: 'newest', label: 'grid.sort.newest' },
];

/** Popular products offered when a search finds nothing. */
const POPULAR_COUNT = 4;
/** "Did you mean" suggestions offered when a search finds nothing. */
const MAX_DID_YOU_MEAN = 4;
/** Words of a search that found nothing asked about one by one. */
const MAX_SUGGESTED_WORDS = 3;

/** Parts of each card that the grid forwards, so `shop-product-grid::part(price)` reaches every card. */
const CARD_PARTS =
  'card, media, image, badge, sale-badge, sold-out-badge, body, brand, name, link, rating, price, compare-at-price, stock';

let nextId = 0;

/**
 * A filterable, sortable grid of product cards that pages through the catalog as the shopper
 * scrolls (or presses "Load more"). Shows skeleton cards while loading, an empty state when
 * nothing matches, and an error state with a Retry button.
 *
 * With a `query` it shows search results under "Results for “…”" and sets its `searching`
 * attribute; a search that finds nothing (typos already forgiven) offers "Did you mean …"
 * suggestions and popular products. Only the shopper's own scrolling loads the next page: moving
 * focus through the cards never does (keyboard users reach the "Load more" button). After an
 * outage the error clears by itself when the shop answers again (or the browser comes back
 * online), and the grid loads what failed.
 *
 * @summary A sortable, infinitely loading grid of products.
 * @tagname shop-product-grid
 * @dependency shop-product-card
 *
 * @event {ShopProductsLoadedEvent} shop-products-loaded - A page of products arrived and is shown;
 * `detail` has `products`, `total`, `hasMore`, `query` and `append`.
 * @event {ShopErrorEvent} shop-error - Loading failed; `detail.error` is the SDK's `ShopError`.
 * @event {ShopProductSelectEvent} shop-product-select - Bubbles up from a card the shopper activated.
 *
 * @slot empty - Shown instead of the default "No products match" message when nothing matches.
 * @slot no-results - Shown instead of the default "No results for …" text when a search finds nothing
 * (the "Did you mean" suggestions and popular products stay).
 *
 * @csspart base - The whole grid component.
 * @csspart toolbar - The row with the result count and the sort control.
 * @csspart heading - "Results for “…”" above search results.
 * @csspart count - The result count ("Showing 24 of 240 products").
 * @csspart sort - The sort control's wrapper (label and select).
 * @csspart sort-select - The sort `<select>`.
 * @csspart grid - The list of cards.
 * @csspart card - Each card's box. The grid forwards every part of its cards (`media`, `image`, `badge`,
 * `sale-badge`, `sold-out-badge`, `body`, `brand`, `name`, `link`, `rating`, `price`, `compare-at-price`,
 * `stock`), so `shop-product-grid::part(price)` styles the price on every card.
 * @csspart skeleton - Each placeholder card while loading.
 * @csspart empty - The empty state.
 * @csspart no-results - The state of a search that found nothing.
 * @csspart did-you-mean - The "Did you mean" suggestions of a search that found nothing.
 * @csspart suggestion - Each "Did you mean" suggestion (a button).
 * @csspart clear-search - The "Show all products" button of a search that found nothing.
 * @csspart popular - The popular products offered when a search found nothing.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 * @csspart load-more - The "Load more" button.
 *
 * @cssproperty --shop-grid-min-column-width - Narrowest a column gets before the grid drops one. Default `15rem`.
 * @cssproperty --shop-grid-gap - Space between cards. Default `1.5rem`.
 * @cssproperty --shop-font-family - Font of every element. Default: the system UI font.
 * @cssproperty --shop-color-text - Main text colour. Default `#111827`.
 * @cssproperty --shop-color-text-muted - Secondary text colour. Default `#4b5563`.
 * @cssproperty --shop-color-border - Borders and empty stars. Default `#e5e7eb`.
 * @cssproperty --shop-color-accent - Buttons and focus rings. Default `#4338ca`.
 * @cssproperty --shop-color-accent-hover - Buttons under the pointer. Default `#3730a3`.
 * @cssproperty --shop-color-on-accent - Text on accent buttons. Default `#ffffff`.
 * @cssproperty --shop-radius - Corner radius of cards and panels. Default `12px`.
 * @cssproperty --shop-radius-small - Corner radius of buttons, selects and badges. Default `6px`.
 * @cssproperty --shop-spacing - Base spacing unit. Default `1rem`.
 * @cssproperty --shop-skeleton-color - Placeholder blocks while loading. Default `#eceef2`.
 * @cssproperty --shop-focus-ring - Outline of focused controls. Default `2px solid` the accent.
 */
export class ShopProductGrid extends LitElement {
  static readonly tagName = 'shop-product-grid';
  static readonly dependencies = [ShopProductCard];
  static override styles = productGridStyles;

  /** Search words: with them the grid shows search results (typos tolerated), best match first. */
  @property() query = '';

  /** Option values, comma-separated `Name:Value` pairs, e.g. `Size:M,Colour:Blue`. */
  @property() options = '';

  /** Only products rated at least this average (1–5). */
  @property({ type: Number, attribute: 'min-rating' }) minRating: number | undefined = undefined;

  /** Category id or slug; includes its subcategories. */
  @property() category = '';

  /** Brand name (case-insensitive). */
  @property() brand = '';

  /** Order: `relevance` (featured), `price_asc`, `price_desc`, `rating` or `newest`. The sort control changes it. */
  @property({ reflect: true }) sort: ProductSort = 'relevance';

  /** Products per page, 1–100. */
  @property({ type: Number }) limit = 24; // DEFAULT_LIMIT, spelled out for the manifest

  /** Lowest price in minor units of the shop currency (`1000` is $10.00). */
  @property({ type: Number, attribute: 'min-price' }) minPrice: number | undefined = undefined;

  /** Highest price in minor units of the shop currency. */
  @property({ type: Number, attribute: 'max-price' }) maxPrice: number | undefined = undefined;

  /** Only products that can be bought now. */
  @property({ type: Boolean, attribute: 'in-stock' }) inStock = false;

  /** Passed to each card: makes product names links, e.g. `/products/{handle}`. */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** Gives every card an add-to-cart button (`<shop-product-card buy-button>`). */
  @property({ type: Boolean, attribute: 'buy-buttons' }) buyButtons = false;

  /** `infinite`: the next page loads as the shopper nears the end (the button stays as a fallback); `button`: only the button loads more. */
  @property() paging: 'infinite' | 'button' = 'infinite';

  /** Hides the sort control (for example when the page has its own). */
  @property({ type: Boolean, attribute: 'hide-sort' }) hideSort = false;

  /**
   * Keeps `category`, `brand` and `sort` in the page URL (`?category=mugs&sort=rating`): plain links
   * can filter the grid, and a shared or reloaded URL shows the same products. The attributes are
   * the defaults when the URL has no such parameter.
   */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /**
   * Read-only: present while the grid shows search results (it has a `query`), so a page can swap
   * its own heading, e.g. `main:has(shop-product-grid[searching]) .intro { display: none }`.
   */
  @property({ type: Boolean, reflect: true }) searching = false;

  /** Heading level (1–6) of "Results for “…”" above search results; 1 when the page hides its own `h1`. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** What to offer when a search found nothing: the typo-tolerant suggestions, and popular products. */
  @state() private alternatives: { query: string; suggestions: Suggestion[]; popular: Product[] } | undefined =
    undefined;

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly list = new ProductListController(this);
  private readonly url = new UrlParamsController<'query' | 'category' | 'brand' | 'sort' | 'options'>(
    this,
    ['query', 'category', 'brand', 'sort', 'options'],
    () => this.syncUrl,
    { query: 'q' },
  );
  private readonly sentinel = new SentinelController(this, '.sentinel', PREFETCH_MARGIN_PX, () => void this.autoLoad());
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
  private readonly reconnect = new ReconnectController(
    this,
    () => this.store.value?.client,
    () => {
      const { status, moreError } = this.list.state;
      if (status === 'error' || moreError !== undefined) void this.retry();
    },
  );
  private alternativesAbort: AbortController | undefined;
  private readonly ids = `shop-grid-${++nextId}`;
  private loadedFrom: { client: ShopClient; key: string } | undefined;
  private focusIndexAfterLoad: number | undefined;

  /** The products shown, in order. */
  get products(): readonly Product[] {
    return this.list.state.products;
  }

  /** How many products match, when the server counted them. */
  get total(): number | undefined {
    return this.list.state.total;
  }

  /** Loads the first page again. */
  refresh(): Promise<void> {
    const client = this.store.value?.client;
    return client ? this.settle(this.list.storeFor(client).load(this.currentQuery)) : Promise.resolve();
  }

  /** Appends the next page, if there is one. */
  loadMore(): Promise<void> {
    const list = this.list.current;
    return list ? this.settle(list.loadMore()) : Promise.resolve();
  }

  private get pageSize(): number {
    const limit = Math.trunc(this.limit);
    return Number.isFinite(limit) && limit >= 1 ? Math.min(limit, 100) : DEFAULT_LIMIT;
  }

  /**
   * Changes filters as one step: with `sync-url`, the page URL gets one new history entry, so Back
   * restores the previous filters (used by `<shop-facets>`).
   */
  applyFilters(filters: {
    query?: string;
    category?: string;
    brand?: string;
    options?: string;
    minPrice?: number;
    maxPrice?: number;
    minRating?: number;
    inStock?: boolean;
  }): void {
    Object.assign(this, filters);
    const url: Partial<Record<'query' | 'category' | 'brand' | 'options', string>> = {};
    for (const key of ['query', 'category', 'brand', 'options'] as const)
      if (key in filters) url[key] = filters[key] ?? '';
    this.url.writeAll(url, 'push');
  }

  /** The list or search query the grid shows now (without paging). */
  get currentQuery(): ProductListStoreQuery {
    const query: ProductListStoreQuery = { limit: this.pageSize };
    if (this.query.trim()) query.q = this.query.trim();
    const options = this.options
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.includes(':'));
    if (options.length > 0) query.options = options;
    if (Number.isInteger(this.minRating) && this.minRating! >= 1 && this.minRating! <= 5)
      query.min_rating = this.minRating;
    if (this.category) query.category = this.category;
    if (this.brand) query.brand = this.brand;
    if (this.sort && this.sort !== 'relevance') {
      if (SORT_OPTIONS.some((o) => o.value === this.sort)) query.sort = this.sort;
      else if (DEV_MODE)
        warn(
          'W003',
          `<shop-product-grid sort="${this.sort}"> is not one of ${SORT_OPTIONS.map((o) => o.value).join(', ')}.`,
        );
    }
    if (Number.isSafeInteger(this.minPrice) && this.minPrice! >= 0) query.min_price = this.minPrice;
    if (Number.isSafeInteger(this.maxPrice) && this.maxPrice! >= 0) query.max_price = this.maxPrice;
    if (this.inStock) query.in_stock = true;
    return query;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.searching = this.query.trim() !== '';
    const client = this.store.value?.client;
    if (!client) return;
    const query = this.currentQuery;
    const key = JSON.stringify(query);
    const last = this.loadedFrom;
    // Reload on new filters or a new store, or when removal cut a load short.
    if (last?.client === client && last.key === key && this.list.state.status !== 'idle') return;
    this.loadedFrom = { client, key };
    void this.settle(this.list.storeFor(client).load(query));
  }

  private autoLoad(): Promise<void> {
    if (this.paging !== 'infinite' || this.list.state.moreError !== undefined) return Promise.resolve();
    return this.loadMore();
  }

  /** Announces how a load ended, once the host shows it: `shop-products-loaded` or `shop-error`. */
  private async settle(pending: Promise<ProductListOutcome>): Promise<void> {
    const outcome = await pending;
    if (outcome.status === 'loaded' && !outcome.append) void this.findAlternatives(outcome);
    if (outcome.status === 'loaded') void this.announce(outcome);
    else if (outcome.status === 'failed')
      void this.updateComplete.then(() => this.dispatchEvent(new ShopErrorEvent({ error: outcome.error })));
  }

  private async announce({ page, query, append }: Extract<ProductListOutcome, { status: 'loaded' }>): Promise<void> {
    await this.updateComplete;
    const focusIndex = append ? this.focusIndexAfterLoad : undefined;
    this.focusIndexAfterLoad = undefined;
    if (focusIndex !== undefined) {
      // The shopper pressed "Load more": take them to the first new product.
      const card = this.renderRoot.querySelectorAll('shop-product-card')[focusIndex];
      await card?.updateComplete;
      card?.focus();
    }
    this.dispatchEvent(
      new ShopProductsLoadedEvent({
        products: page.data,
        shown: this.list.state.products.length,
        total: page.total,
        hasMore: this.list.state.hasMore,
        query,
        append,
      }),
    );
    // Still at the end after a page (a tall screen): keep filling it, unless the shopper moved away.
    if (focusIndex === undefined && this.sentinel.near) this.sentinel.reached();
  }

  /** After a search that found nothing: asks the typo-tolerant autocomplete and the best rated products. */
  private async findAlternatives({ page, query }: Extract<ProductListOutcome, { status: 'loaded' }>): Promise<void> {
    this.alternativesAbort?.abort();
    this.alternatives = undefined;
    const client = this.store.value?.client;
    if (!client || !query.q || page.data.length > 0) return;
    const abort = (this.alternativesAbort = new AbortController());
    // A search needs every word; suggestions for each word alone find what one stray word hid.
    const words = query.q.split(/\s+/).filter(Boolean).slice(0, MAX_SUGGESTED_WORDS);
    const asks = (words.length > 1 ? words : [query.q]).map((q) =>
      client.search.suggest(q, { signal: abort.signal, limit: MAX_DID_YOU_MEAN }).then((r) => r.data),
    );
    const [popular, ...suggested] = await Promise.allSettled([
      client.products.list({ sort: 'rating', in_stock: true, limit: POPULAR_COUNT }, { signal: abort.signal }),
      ...asks,
    ]);
    if (abort.signal.aborted) return;
    const suggestions = new Map<string, Suggestion>();
    for (const answer of suggested)
      if (answer.status === 'fulfilled') for (const s of answer.value) suggestions.set(`${s.type}:${s.id}`, s);
    this.alternatives = {
      query: query.q,
      suggestions: [...suggestions.values()].slice(0, MAX_DID_YOU_MEAN),
      popular: popular.status === 'fulfilled' ? popular.value.data : [],
    };
  }

  private pickSuggestion(suggestion: Suggestion): void {
    if (suggestion.type === 'category') this.applyFilters({ query: '', category: suggestion.slug });
    else this.applyFilters({ query: suggestion.name });
  }

  private retry(): Promise<void> {
    const list = this.list.current;
    return list ? this.settle(list.retry()) : Promise.resolve();
  }

  private onSortChange(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as ProductSort;
    this.url.write('sort', this.sort);
  }

  private onLoadMore(): void {
    if (this.list.state.loadingMore) return;
    this.focusIndexAfterLoad = this.list.state.products.length;
    void this.loadMore().then(() => {
      if (this.list.state.moreError !== undefined) this.focusIndexAfterLoad = undefined;
    });
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const { status, products, total, hasMore, loadingMore, error } = this.list.state;
    const storeMissing = this.store.status === 'missing';
    const loading = !storeMissing && (status === 'loading' || status === 'idle');
    const count = storeMissing
      ? ''
      : countText(t, { loading, ready: status === 'ready', shown: products.length, total, hasMore });
    const query = this.query.trim();
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    return html`<div part="base" class="base" aria-busy=${loading || loadingMore ? 'true' : 'false'}>
      ${query ? html`<div part="heading" class="heading" role="heading" aria-level=${level}>${t('grid.resultsFor', { query })}</div>` : nothing}
      <div part="toolbar" class="toolbar">
        <p part="count" class="count" role="status">${count}</p>
        ${this.hideSort ? nothing : this.renderSort()}
      </div>
      ${
        storeMissing
          ? notConfiguredState(t)
          : loading
            ? this.renderSkeletons()
            : status === 'error'
              ? errorState(t, error, () => void this.retry())
              : products.length === 0
                ? query
                  ? this.renderNoResults(query)
                  : emptyState(t)
                : this.renderProducts(products)
      }
    </div>`;
  }

  private renderSort() {
    const id = `${this.ids}-sort`;
    return html`<div part="sort" class="sort">
      <label for=${id}>${this.i18n.t('grid.sortBy')}</label>
      <select part="sort-select" id=${id} @change=${this.onSortChange}>
        ${SORT_OPTIONS.map((o) => html`<option value=${o.value} ?selected=${o.value === this.sort}>${this.i18n.t(o.label)}</option>`)}
      </select>
    </div>`;
  }

  private renderSkeletons() {
    const count = Math.min(this.pageSize, MAX_SKELETONS);
    return html`<ul part="grid" class="grid" aria-hidden="true">
      ${Array.from({ length: count }, () => html`<li part="skeleton"><shop-product-card></shop-product-card></li>`)}
    </ul>`;
  }

  private renderNoResults(query: string) {
    const t = this.i18n.t.bind(this.i18n);
    const found = this.alternatives?.query === query ? this.alternatives : undefined;
    const suggestions = found?.suggestions ?? [];
    const popular = found?.popular ?? [];
    const id = `${this.ids}-popular`;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2) + 1);
    return noResultsState(
      t,
      query,
      suggestions,
      (s) => this.pickSuggestion(s),
      () => this.applyFilters({ query: '' }),
      popular.length > 0
        ? html`<section part="popular" class="popular" aria-labelledby=${id}>
          <div id=${id} class="popular-title" role="heading" aria-level=${level}>${t('grid.popular')}</div>
          ${this.renderCards(popular)}
        </section>`
        : nothing,
    );
  }

  private renderCards(products: readonly Product[]) {
    return html`<ul part="grid" class="grid" role="list">
      ${repeat(
        products,
        (p) => p.id,
        (p) => html`<li>
          <shop-product-card exportparts=${CARD_PARTS} .product=${p} href-template=${this.hrefTemplate || nothing} ?buy-button=${this.buyButtons}></shop-product-card>
        </li>`,
      )}
    </ul>`;
  }

  private renderProducts(products: readonly Product[]) {
    const t = this.i18n.t.bind(this.i18n);
    const { hasMore, loadingMore, moreError } = this.list.state;
    return html`${this.renderCards(products)}
      ${
        hasMore
          ? html`<div class="footer">
            ${this.paging === 'infinite' ? html`<div class="sentinel" aria-hidden="true"></div>` : nothing}
            ${moreError !== undefined ? html`<p class="state-detail" role="alert">${t(errorMessageKey(moreError))}</p>` : nothing}
            <button
              part="load-more"
              class="button primary"
              type="button"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              @click=${this.onLoadMore}
            >
              ${loadingMore ? t('common.loading') : moreError !== undefined ? t('common.retry') : t('grid.loadMore')}
            </button>
          </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product-grid': ShopProductGrid;
  }
}
