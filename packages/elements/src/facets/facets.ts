import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { compareOptionValues, formatMoney, type SearchFacets } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import type { ShopProductGrid } from '../product-grid/product-grid.js';
import { facetsStyles } from './facets.styles.js';
import { Localizer } from '../i18n/localizer.js';

type Filters = Parameters<ShopProductGrid['applyFilters']>[0];

/** One active filter: what its chip says and what removing it applies. */
interface ActiveFilter {
  label: string;
  remove: Filters;
}

const NO_FILTERS: Filters = {
  brand: '',
  category: '',
  options: '',
  minPrice: undefined,
  maxPrice: undefined,
  inStock: false,
  minRating: undefined,
};

let nextId = 0;

/**
 * Filters for a `<shop-product-grid>`: brand, category, price range, option values, rating and
 * stock, each with the number of products it would show for the grid's current search and filters.
 * Choosing one changes the grid (and, with the grid's `sync-url`, adds a history entry, so Back
 * undoes it). Option values are in a shopper's order (S < M < L < XL, numbers numerically, values
 * with units grouped by unit). Each active filter shows as a chip at the top ("Size: XL ×", named
 * "Remove filter Size: XL") that removes just that filter, beside "Clear filters"; focus then moves
 * to the next chip, or to the first filter when none is left.
 *
 * @summary Facet filters with counts that drive a product grid.
 * @tagname shop-facets
 *
 * @csspart group - Each facet's fieldset.
 * @csspart legend - Each facet's heading.
 * @csspart option - Each choice (a label around its input).
 * @csspart count - The number beside each choice.
 * @csspart active - The list of active filter chips (with "Clear filters").
 * @csspart chip - Each active filter's remove button ("Size: XL ×").
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
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
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

  private apply(filters: Filters): void {
    this.grid?.applyFilters(filters);
    this.requestUpdate();
  }

  private locale(): string {
    return this.i18n.locale;
  }

  private money(amount: number): string {
    return formatMoney({ amount, currency: this.store.value?.currency ?? 'USD' }, this.locale());
  }

  /** The grid's filters now, one chip each, in the order the groups are shown. */
  private activeFilters(): ActiveFilter[] {
    const t = this.i18n.t.bind(this.i18n);
    const grid = this.grid;
    if (!grid) return [];
    const active: ActiveFilter[] = [];
    if (grid.category) {
      const name =
        this.facets?.category?.find((c) => c.slug === grid.category || c.id === grid.category)?.name ?? grid.category;
      active.push({ label: t('facets.chip', { name: t('facets.category'), value: name }), remove: { category: '' } });
    }
    if (grid.brand)
      active.push({ label: t('facets.chip', { name: t('facets.brand'), value: grid.brand }), remove: { brand: '' } });
    if (grid.minPrice !== undefined || grid.maxPrice !== undefined) {
      const { minPrice: min, maxPrice: max } = grid;
      const range =
        max === undefined
          ? t('facets.priceAndUp', { min: this.money(min ?? 0) })
          : min === undefined
            ? t('facets.priceUpTo', { max: this.money(max + 1) })
            : t('facets.priceRange', { min: this.money(min), max: this.money(max + 1) });
      active.push({
        label: t('facets.chip', { name: t('facets.price'), value: range }),
        remove: { minPrice: undefined, maxPrice: undefined },
      });
    }
    for (const pair of this.selectedOptions()) {
      const at = pair.indexOf(':');
      const rest = () => this.selectedOptions().filter((o) => o !== pair);
      active.push({
        label: t('facets.chip', { name: pair.slice(0, at), value: pair.slice(at + 1) }),
        get remove() {
          return { options: rest().join(',') };
        },
      });
    }
    if (grid.minRating)
      active.push({
        label: t('facets.chip', { name: t('facets.rating'), value: t('facets.starsAndUp', { count: grid.minRating }) }),
        remove: { minRating: undefined },
      });
    if (grid.inStock) active.push({ label: t('facets.inStockOnly'), remove: { inStock: false } });
    return active;
  }

  /** Removes one filter, then keeps focus in the facets: the chip now in its place, else the first filter. */
  private async removeFilter(filter: ActiveFilter, index: number): Promise<void> {
    this.apply(filter.remove);
    await this.updateComplete;
    const chips = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="chip"]')];
    (chips[Math.min(index, chips.length - 1)] ?? this.firstControl())?.focus();
  }

  private async clearAll(): Promise<void> {
    this.apply(NO_FILTERS);
    await this.updateComplete;
    this.firstControl()?.focus();
  }

  private firstControl(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('fieldset input:not(:disabled)');
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
    const t = this.i18n.t.bind(this.i18n);
    const facets = this.facets;
    const grid = this.grid;
    if (!facets || !grid) return nothing;
    const money = (amount: number) => this.money(amount);
    const active = this.activeFilters();
    const compare = compareOptionValues(this.locale());
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
        active.length > 0
          ? html`<ul part="active" class="active" aria-label=${t('facets.activeFilters')}>
            ${active.map(
              (filter, i) => html`<li>
                <button part="chip" class="chip" type="button" aria-label=${t('facets.removeFilter', { chip: filter.label })}
                  @click=${() => void this.removeFilter(filter, i)}>${filter.label}<span aria-hidden="true" class="x">×</span></button>
              </li>`,
            )}
            <li><button part="clear" class="clear" type="button" @click=${() => void this.clearAll()}>${t('facets.clear')}</button></li>
          </ul>`
          : nothing
      }
      ${
        facets.category?.length
          ? html`<fieldset part="group"><legend part="legend">${t('facets.category')}</legend>
            ${grid.category ? radio('category', false, t('facets.allCategories'), null, () => this.apply({ category: '' })) : nothing}
            ${facets.category.map((c) => radio('category', grid.category === c.slug || grid.category === c.id, c.name, c.count, () => this.apply({ category: c.slug })))}
          </fieldset>`
          : nothing
      }
      ${
        facets.brand?.length
          ? html`<fieldset part="group"><legend part="legend">${t('facets.brand')}</legend>
            ${grid.brand ? radio('brand', false, t('facets.allBrands'), null, () => this.apply({ brand: '' })) : nothing}
            ${facets.brand.map((b) => radio('brand', grid.brand.toLowerCase() === b.value.toLowerCase(), b.value, b.count, () => this.apply({ brand: b.value })))}
          </fieldset>`
          : nothing
      }
      ${
        facets.price?.length
          ? html`<fieldset part="group"><legend part="legend">${t('facets.price')}</legend>
            ${grid.minPrice !== undefined || grid.maxPrice !== undefined ? radio('price', false, t('facets.anyPrice'), null, () => this.apply({ minPrice: undefined, maxPrice: undefined })) : nothing}
            ${facets.price.map((p) => {
              const max = p.max === null ? undefined : p.max - 1;
              const label =
                p.max === null
                  ? t('facets.priceAndUp', { min: money(p.min) })
                  : t('facets.priceRange', { min: money(p.min), max: money(p.max) });
              return radio('price', grid.minPrice === p.min && grid.maxPrice === max, label, p.count, () =>
                this.apply({ minPrice: p.min, maxPrice: max }),
              );
            })}
          </fieldset>`
          : nothing
      }
      ${(facets.options ?? []).map(
        (option) => html`<fieldset part="group"><legend part="legend">${option.name}</legend>
          ${[...option.values]
            .sort((a, b) => compare(a.value, b.value))
            .map((v) => {
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
          ? html`<fieldset part="group"><legend part="legend">${t('facets.rating')}</legend>
            ${grid.minRating ? radio('rating', false, t('facets.anyRating'), null, () => this.apply({ minRating: undefined })) : nothing}
            ${facets.rating.map((r) => radio('rating', grid.minRating === r.min, t('facets.starsAndUp', { count: r.min }), r.count, () => this.apply({ minRating: r.min })))}
          </fieldset>`
          : nothing
      }
      ${
        facets.in_stock
          ? html`<fieldset part="group"><legend part="legend">${t('facets.availability')}</legend>
            <label part="option">
              <input type="checkbox" .checked=${grid.inStock} @change=${(e: Event) => this.apply({ inStock: (e.target as HTMLInputElement).checked })} />
              <span>${t('facets.inStockOnly')}</span><span part="count" class="count">${facets.in_stock.in_stock}</span>
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
