import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Product, ProductListOutcome, ProductListStoreQuery, ProductSort, ShopClient } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ProductListController } from '../internal/product-list-controller.js';
import { UrlParamsController } from '../internal/url-params-controller.js';
import { SentinelController } from '../internal/sentinel-controller.js';
import { describeError } from '../internal/errors.js';
import { DEV_MODE, warn } from '../internal/dev.js';
import { ShopProductsLoadedEvent } from '../events/products-loaded.js';
import { ShopErrorEvent } from '../events/error.js';
import { ShopProductCard } from '../product-card/product-card.js';
import { productGridStyles } from './product-grid.styles.js';
import { countText, emptyState, errorState, notConfiguredState } from './product-grid-states.js';

/** Page size when `limit` is not set; the server's default too. */
const DEFAULT_LIMIT = 24;
/** Most skeleton cards shown while the first page loads. */
const MAX_SKELETONS = 24;
/** How far below the viewport the next page starts loading. */
const PREFETCH_MARGIN_PX = 600;

const SORT_OPTIONS: readonly { value: ProductSort; label: string }[] = [
  { value: 'relevance', label: 'Featured' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'rating', label: 'Top rated' },
  { value: 'newest', label: 'Newest' },
];

/** Parts of each card that the grid forwards, so `shop-product-grid::part(price)` reaches every card. */
const CARD_PARTS =
  'card, media, image, badge, sale-badge, sold-out-badge, body, brand, name, link, rating, price, compare-at-price, stock';

let nextId = 0;

/**
 * A filterable, sortable grid of product cards that pages through the catalog as the shopper
 * scrolls (or presses "Load more"). Shows skeleton cards while loading, an empty state when
 * nothing matches, and an error state with a Retry button.
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
 *
 * @csspart base - The whole grid component.
 * @csspart toolbar - The row with the result count and the sort control.
 * @csspart count - The result count ("Showing 24 of 240 products").
 * @csspart sort - The sort control's wrapper (label and select).
 * @csspart sort-select - The sort `<select>`.
 * @csspart grid - The list of cards.
 * @csspart card - Each card's box. The grid forwards every part of its cards (`media`, `image`, `badge`,
 * `sale-badge`, `sold-out-badge`, `body`, `brand`, `name`, `link`, `rating`, `price`, `compare-at-price`,
 * `stock`), so `shop-product-grid::part(price)` styles the price on every card.
 * @csspart skeleton - Each placeholder card while loading.
 * @csspart empty - The empty state.
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

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly list = new ProductListController(this);
  private readonly url = new UrlParamsController<'query' | 'category' | 'brand' | 'sort' | 'options'>(
    this,
    ['query', 'category', 'brand', 'sort', 'options'],
    () => this.syncUrl,
    { query: 'q' },
  );
  private readonly sentinel = new SentinelController(this, '.sentinel', PREFETCH_MARGIN_PX, () => void this.autoLoad());
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
    // Still at the end after a page (a tall screen): keep filling it.
    if (focusIndex === undefined && this.sentinel.near) void this.autoLoad();
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
    const { status, products, total, hasMore, loadingMore, error } = this.list.state;
    const storeMissing = this.store.status === 'missing';
    const loading = !storeMissing && (status === 'loading' || status === 'idle');
    const count = storeMissing
      ? ''
      : countText({ loading, ready: status === 'ready', shown: products.length, total, hasMore });
    return html`<div part="base" class="base" aria-busy=${loading || loadingMore ? 'true' : 'false'}>
      <div part="toolbar" class="toolbar">
        <p part="count" class="count" role="status">${count}</p>
        ${this.hideSort ? nothing : this.renderSort()}
      </div>
      ${
        storeMissing
          ? notConfiguredState()
          : loading
            ? this.renderSkeletons()
            : status === 'error'
              ? errorState(error, () => void this.retry())
              : products.length === 0
                ? emptyState()
                : this.renderProducts(products)
      }
    </div>`;
  }

  private renderSort() {
    const id = `${this.ids}-sort`;
    return html`<div part="sort" class="sort">
      <label for=${id}>Sort by</label>
      <select part="sort-select" id=${id} @change=${this.onSortChange}>
        ${SORT_OPTIONS.map((o) => html`<option value=${o.value} ?selected=${o.value === this.sort}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  private renderSkeletons() {
    const count = Math.min(this.pageSize, MAX_SKELETONS);
    return html`<ul part="grid" class="grid" aria-hidden="true">
      ${Array.from({ length: count }, () => html`<li part="skeleton"><shop-product-card></shop-product-card></li>`)}
    </ul>`;
  }

  private renderProducts(products: readonly Product[]) {
    const { hasMore, loadingMore, moreError } = this.list.state;
    return html`<ul part="grid" class="grid" role="list">
        ${repeat(
          products,
          (p) => p.id,
          (p) => html`<li>
            <shop-product-card exportparts=${CARD_PARTS} .product=${p} href-template=${this.hrefTemplate || nothing} ?buy-button=${this.buyButtons}></shop-product-card>
          </li>`,
        )}
      </ul>
      ${
        hasMore
          ? html`<div class="footer">
            ${this.paging === 'infinite' ? html`<div class="sentinel" aria-hidden="true"></div>` : nothing}
            ${moreError !== undefined ? html`<p class="state-detail" role="alert">${describeError(moreError)}</p>` : nothing}
            <button
              part="load-more"
              class="button primary"
              type="button"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              @click=${this.onLoadMore}
            >
              ${loadingMore ? 'Loading…' : moreError !== undefined ? 'Try again' : 'Load more'}
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
