import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatMoney, type SearchFacets } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import type { ShopProductGrid } from '../product-grid/product-grid.js';
import { facetsStyles } from './facets.styles.js';

let nextId = 0;

/**
 * Filters for a `<shop-product-grid>`: brand, category, price range, option values, rating and
 * stock, each with the number of products it would show for the grid's current search and filters.
 * Choosing one changes the grid (and, with the grid's `sync-url`, adds a history entry, so Back
 * undoes it).
 *
 * @summary Facet filters with counts that drive a product grid.
 * @tagname shop-facets
 *
 * @csspart group - Each facet's fieldset.
 * @csspart legend - Each facet's heading.
 * @csspart option - Each choice (a label around its input).
 * @csspart count - The number beside each choice.
 * @csspart clear - The "Clear filters" button.
 *
 * @cssproperty --shop-color-accent - Checkboxes, radios and the clear button. Default `#4338ca`.
 * @cssproperty --shop-color-text-muted - Counts. Default `#4b5563`.
 */
export class ShopFacets extends LitElement {
  static readonly tagName = 'shop-facets';
  static override styles = facetsStyles;

  /** The id of the grid to drive; default the first `<shop-product-grid>` on the page. */
  @property() for = '';

  @state() private facets: SearchFacets | undefined = undefined;

  private readonly store = new StoreConsumer(this, { required: true });
  private grid: ShopProductGrid | null = null;
  private abort: AbortController | undefined;
  private readonly ids = `shop-facets-${++nextId}`;

  override connectedCallback(): void {
    super.connectedCallback();
    void customElements.whenDefined('shop-product-grid').then(() => this.attach());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.grid?.removeEventListener('shop-products-loaded', this.onLoaded);
    this.grid = null;
    this.abort?.abort();
  }

  private attach(): void {
    if (!this.isConnected) return;
    const grid = (
      this.for ? document.getElementById(this.for) : document.querySelector('shop-product-grid')
    ) as ShopProductGrid | null;
    if (!grid || grid === this.grid) return;
    this.grid?.removeEventListener('shop-products-loaded', this.onLoaded);
    this.grid = grid;
    grid.addEventListener('shop-products-loaded', this.onLoaded);
    void this.refresh();
  }

  private readonly onLoaded = (event: Event): void => {
    if (!(event as CustomEvent<{ append: boolean }>).detail.append) void this.refresh();
  };

  protected override willUpdate(): void {
    if (this.store.value && this.grid && !this.facets && !this.abort) void this.refresh();
  }

  /** Counts the facets again for the grid's current query. */
  async refresh(): Promise<void> {
    const client = this.store.value?.client;
    const grid = this.grid;
    if (!client || !grid) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const { limit: _limit, sort: _sort, ...query } = grid.currentQuery;
    try {
      const result = await client.search.query({ ...query, limit: 1 }, { signal: abort.signal });
      if (!abort.signal.aborted) this.facets = result.facets;
    } catch {
      // The grid shows the error; facets keep their last counts.
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private apply(filters: Parameters<ShopProductGrid['applyFilters']>[0]): void {
    this.grid?.applyFilters(filters);
  }

  private selectedOptions(): string[] {
    return (this.grid?.options ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  private toggleOption(pair: string, on: boolean): void {
    const rest = this.selectedOptions().filter((o) => o !== pair);
    this.apply({ options: (on ? [...rest, pair] : rest).join(',') });
  }

  protected override render() {
    const facets = this.facets;
    const grid = this.grid;
    if (!facets || !grid) return nothing;
    const currency = this.store.value?.currency ?? 'USD';
    const money = (amount: number) =>
      formatMoney({ amount, currency }, this.store.value?.locale || document.documentElement.lang || undefined);
    const filtered = Boolean(
      grid.brand ||
      grid.category ||
      grid.options ||
      grid.minPrice !== undefined ||
      grid.maxPrice !== undefined ||
      grid.inStock ||
      grid.minRating,
    );
    const radio = (
      group: string,
      checked: boolean,
      label: string,
      count: number | null,
      onChange: () => void,
    ) => html`<label part="option">
      <input type="radio" name=${`${this.ids}-${group}`} .checked=${checked} ?disabled=${count === 0 && !checked} @change=${onChange} />
      <span>${label}</span>${count === null ? nothing : html`<span part="count" class="count">${count}</span>`}
    </label>`;
    return html`
      ${
        filtered
          ? html`<button part="clear" class="clear" type="button"
            @click=${() => this.apply({ brand: '', category: '', options: '', minPrice: undefined, maxPrice: undefined, inStock: false, minRating: undefined })}>Clear filters</button>`
          : nothing
      }
      ${
        facets.category?.length
          ? html`<fieldset part="group"><legend part="legend">Category</legend>
            ${grid.category ? radio('category', false, 'All categories', null, () => this.apply({ category: '' })) : nothing}
            ${facets.category.map((c) => radio('category', grid.category === c.slug || grid.category === c.id, c.name, c.count, () => this.apply({ category: c.slug })))}
          </fieldset>`
          : nothing
      }
      ${
        facets.brand?.length
          ? html`<fieldset part="group"><legend part="legend">Brand</legend>
            ${grid.brand ? radio('brand', false, 'All brands', null, () => this.apply({ brand: '' })) : nothing}
            ${facets.brand.map((b) => radio('brand', grid.brand.toLowerCase() === b.value.toLowerCase(), b.value, b.count, () => this.apply({ brand: b.value })))}
          </fieldset>`
          : nothing
      }
      ${
        facets.price?.length
          ? html`<fieldset part="group"><legend part="legend">Price</legend>
            ${grid.minPrice !== undefined || grid.maxPrice !== undefined ? radio('price', false, 'Any price', null, () => this.apply({ minPrice: undefined, maxPrice: undefined })) : nothing}
            ${facets.price.map((p) => {
              const max = p.max === null ? undefined : p.max - 1;
              const label = p.max === null ? `${money(p.min)} and up` : `${money(p.min)} – ${money(p.max)}`;
              return radio('price', grid.minPrice === p.min && grid.maxPrice === max, label, p.count, () =>
                this.apply({ minPrice: p.min, maxPrice: max }),
              );
            })}
          </fieldset>`
          : nothing
      }
      ${(facets.options ?? []).map(
        (option) => html`<fieldset part="group"><legend part="legend">${option.name}</legend>
          ${option.values.map((v) => {
            const pair = `${option.name}:${v.value}`;
            const checked = this.selectedOptions().includes(pair);
            return html`<label part="option">
              <input type="checkbox" .checked=${checked} ?disabled=${v.count === 0 && !checked} @change=${(e: Event) => this.toggleOption(pair, (e.target as HTMLInputElement).checked)} />
              <span>${v.value}</span><span part="count" class="count">${v.count}</span>
            </label>`;
          })}
        </fieldset>`,
      )}
      ${
        facets.rating?.length
          ? html`<fieldset part="group"><legend part="legend">Rating</legend>
            ${grid.minRating ? radio('rating', false, 'Any rating', null, () => this.apply({ minRating: undefined })) : nothing}
            ${facets.rating.map((r) => radio('rating', grid.minRating === r.min, `${r.min} stars & up`, r.count, () => this.apply({ minRating: r.min })))}
          </fieldset>`
          : nothing
      }
      ${
        facets.in_stock
          ? html`<fieldset part="group"><legend part="legend">Availability</legend>
            <label part="option">
              <input type="checkbox" .checked=${grid.inStock} @change=${(e: Event) => this.apply({ inStock: (e.target as HTMLInputElement).checked })} />
              <span>In stock only</span><span part="count" class="count">${facets.in_stock.in_stock}</span>
            </label>
          </fieldset>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-facets': ShopFacets;
  }
}
