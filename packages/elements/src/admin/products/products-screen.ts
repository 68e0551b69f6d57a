import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatMoney, type AdminProductListQuery, type AdminProductSummary } from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import { LatestLoad } from '../ui/latest-load.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { catalogStyles } from '../ui/catalog.styles.js';
import { mediaUrl } from '../ui/media-url.js';

const STATUSES = ['active', 'draft', 'archived'] as const;
const STOCK_FILTERS = ['in_stock', 'out_of_stock', 'low_stock'] as const;
const SORTS = ['updated_desc', 'created_desc', 'name_asc', 'name_desc'] as const;
const PAGE = 25;
const SEARCH_DELAY_MS = 300;

interface Filters {
  q: string;
  status: '' | (typeof STATUSES)[number];
  category: string;
  stock: '' | (typeof STOCK_FILTERS)[number];
  sort: (typeof SORTS)[number];
}

/**
 * The product list: every status, searched by name, handle or SKU, filtered by status, category
 * and stock, sorted, and paged with "Load more".
 *
 * @summary The console's product list.
 * @tagname shop-admin-products
 */
export class ShopAdminProducts extends AdminScreen {
  static readonly tagName = 'shop-admin-products';
  static override styles = [...AdminScreen.styles, catalogStyles];

  @state() private rows: AdminProductSummary[] = [];
  @state() private phase: 'loading' | 'ready' | 'error' = 'loading';
  @state() private error = '';
  @state() private total = 0;
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private filters: Filters = { q: '', status: '', category: '', stock: '', sort: 'updated_desc' };
  /** Categories seen in answers, for the category filter's suggestions. */
  @state() private categories = new Map<string, string>();
  private readonly loads = new LatestLoad();
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private query(cursor?: string): AdminProductListQuery {
    const f = this.filters;
    return {
      limit: PAGE,
      sort: f.sort,
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.category ? { category: f.category } : {}),
      ...(f.stock ? { stock: f.stock } : {}),
      ...(cursor ? { cursor } : {}),
    };
  }

  private async load(more = false): Promise<void> {
    const current = this.loads.start();
    if (more) this.loadingMore = true;
    else this.phase = 'loading';
    try {
      const page = await this.console.client.products.list(this.query(more ? (this.next ?? undefined) : undefined));
      if (!current()) return;
      this.rows = more ? [...this.rows, ...page.data] : page.data;
      if (page.total !== undefined) this.total = page.total;
      this.next = page.next_cursor;
      const categories = new Map(this.categories);
      for (const row of page.data) categories.set(row.category.id, row.category.name);
      this.categories = categories;
      this.phase = 'ready';
    } catch (error) {
      if (!current()) return;
      this.error = this.describe(error);
      this.phase = 'error';
    } finally {
      if (current()) this.loadingMore = false;
    }
  }

  private set<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.filters = { ...this.filters, [key]: value };
    clearTimeout(this.searchTimer);
    if (key === 'q') this.searchTimer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
    else void this.load();
  }

  private price(row: AdminProductSummary): string {
    if (!row.price_min) return '—';
    const min = formatMoney(row.price_min, this.i18n.locale);
    return row.price_max && row.price_max.amount !== row.price_min.amount
      ? `${min} – ${formatMoney(row.price_max, this.i18n.locale)}`
      : min;
  }

  private filtersBar() {
    const f = this.filters;
    const select = <K extends 'status' | 'stock' | 'sort'>(
      key: K,
      label: AdminMessageKey,
      values: readonly string[],
      prefix: string,
      all: boolean,
    ) =>
      html`<label
        >${this.t(label)}
        <select @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value as Filters[K])}>
          ${all ? html`<option value="" ?selected=${f[key] === ''}>${this.t('common.all')}</option>` : nothing}
          ${values.map(
            (v) =>
              html`<option value=${v} ?selected=${f[key] === v}>${this.t(`${prefix}.${v}` as AdminMessageKey)}</option>`,
          )}
        </select></label
      >`;
    return html`<form class="toolbar" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <label class="grow"
        >${this.t('common.search')}
        <input
          type="search"
          .value=${f.q}
          placeholder=${this.t('products.search')}
          @input=${(e: Event) => this.set('q', (e.target as HTMLInputElement).value)}
      /></label>
      ${select('status', 'products.status', STATUSES, 'products.status', true)}
      <label
        >${this.t('products.category')}
        <select @change=${(e: Event) => this.set('category', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${f.category === ''}>${this.t('common.all')}</option>
          ${[...this.categories].map(
            ([id, name]) => html`<option value=${id} ?selected=${f.category === id}>${name}</option>`,
          )}
        </select></label
      >
      ${select('stock', 'products.stock', STOCK_FILTERS, 'products.stock', true)}
      ${select('sort', 'products.sort', SORTS, 'products.sort', false)}
    </form>`;
  }

  private table() {
    if (this.rows.length === 0) {
      const filtered = Object.entries(this.filters).some(([k, v]) => k !== 'sort' && v !== '');
      return html`<p class="empty card">${this.t(filtered ? 'common.noResults' : 'products.empty')}</p>`;
    }
    return html`<table class="responsive">
      <thead>
        <tr>
          <th scope="col">${this.t('products.col.product')}</th>
          <th scope="col">${this.t('products.status')}</th>
          <th scope="col">${this.t('products.category')}</th>
          <th scope="col" class="num">${this.t('products.col.price')}</th>
          <th scope="col" class="num">${this.t('products.col.available')}</th>
          <th scope="col" class="num">${this.t('products.col.variants')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.rows.map(
          (row) => html`<tr>
            <td data-label=${this.t('products.col.product')}>
              <span class="product-cell">
                ${
                  row.image
                    ? html`<img class="thumb" src=${mediaUrl(row.image.url, this.console.client.endpoint)} alt="" width="40" height="40" loading="lazy" />`
                    : html`<span class="thumb placeholder" aria-hidden="true"></span>`
                }
                <a href="#/products/${row.id}">${row.name}</a>
              </span>
            </td>
            <td data-label=${this.t('products.status')}>
              <span class="badge status-${row.status}">${this.t(`products.status.${row.status}`)}</span>
            </td>
            <td data-label=${this.t('products.category')}>${row.category.name}</td>
            <td data-label=${this.t('products.col.price')} class="num">${this.price(row)}</td>
            <td data-label=${this.t('products.col.available')} class="num">${row.available}</td>
            <td data-label=${this.t('products.col.variants')} class="num">${row.variant_count}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    return html`<div class="heading-row">
        <h1 tabindex="-1">${this.t('products.title')}</h1>
        <a class="button primary" href="#/products/new">${this.t('products.new')}</a>
      </div>
      ${this.filtersBar()}
      <p class="muted" role="status" aria-live="polite">
        ${this.phase === 'ready' ? this.t('products.count', { count: this.total }) : nothing}
      </p>
      ${
        this.phase === 'loading' && this.rows.length === 0
          ? html`<p class="muted" aria-busy="true">${this.t('common.loading')}</p>`
          : nothing
      }
      ${this.phase === 'error' ? this.loadProblem(this.error, () => this.load()) : nothing}
      ${this.phase !== 'error' && (this.phase === 'ready' || this.rows.length > 0) ? this.table() : nothing}
      ${
        this.next && this.phase === 'ready'
          ? html`<p>
            <button class="button" type="button" ?disabled=${this.loadingMore} @click=${() => void this.load(true)}>
              ${this.loadingMore ? this.t('common.loading') : this.t('common.loadMore')}
            </button>
          </p>`
          : nothing
      }`;
  }
}
