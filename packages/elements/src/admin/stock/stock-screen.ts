import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { InventoryLevel } from '@shoptag/sdk/admin';
import { LatestLoad } from '../ui/latest-load.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { catalogStyles } from '../ui/catalog.styles.js';

const DEFAULT_THRESHOLD = 5;
const THRESHOLD_DELAY_MS = 300;

/**
 * The low-stock view: variants of active products with at most a threshold of units available,
 * lowest first, each linking to its stock page.
 *
 * @summary The console's low-stock list.
 * @tagname shop-admin-stock
 */
export class ShopAdminStock extends AdminScreen {
  static readonly tagName = 'shop-admin-stock';
  static override styles = [...AdminScreen.styles, catalogStyles];

  @state() private threshold = DEFAULT_THRESHOLD;
  @state() private rows: InventoryLevel[] = [];
  @state() private phase: 'loading' | 'ready' | 'error' = 'loading';
  @state() private error = '';
  private readonly loads = new LatestLoad();
  private timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    const current = this.loads.start();
    this.phase = 'loading';
    try {
      const list = await this.console.client.inventory.lowStock({ threshold: this.threshold });
      if (!current()) return;
      this.rows = list.data;
      this.phase = 'ready';
    } catch (error) {
      if (!current()) return;
      this.error = this.describe(error);
      this.phase = 'error';
    }
  }

  private setThreshold(text: string): void {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) return;
    this.threshold = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), THRESHOLD_DELAY_MS);
  }

  override render() {
    return html`<h1 tabindex="-1">${this.t('stock.title')}</h1>
      <h2>${this.t('stock.lowTitle')}</h2>
      <div class="toolbar">
        <label
          >${this.t('stock.threshold')}
          <input
            type="number"
            min="0"
            step="1"
            inputmode="numeric"
            .value=${String(this.threshold)}
            @input=${(e: Event) => this.setThreshold((e.target as HTMLInputElement).value)}
        /></label>
      </div>
      ${this.phase === 'loading' ? html`<p class="muted" aria-busy="true">${this.t('common.loading')}</p>` : nothing}
      ${this.phase === 'error' ? this.loadProblem(this.error, () => this.load()) : nothing}
      ${
        this.phase === 'ready' && this.rows.length === 0
          ? html`<p class="card empty">${this.t('stock.lowEmpty')}</p>`
          : nothing
      }
      ${
        this.phase === 'ready' && this.rows.length > 0
          ? html`<table class="responsive">
            <thead>
              <tr>
                <th scope="col">${this.t('stock.col.sku')}</th>
                <th scope="col" class="num">${this.t('stock.onHand')}</th>
                <th scope="col" class="num">${this.t('stock.reserved')}</th>
                <th scope="col" class="num">${this.t('stock.available')}</th>
                <th scope="col">${this.t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.rows.map(
                (row) => html`<tr>
                  <td data-label=${this.t('stock.col.sku')}>
                    <a href="#/products/${row.product_id}">${row.sku}</a>
                  </td>
                  <td data-label=${this.t('stock.onHand')} class="num">${row.on_hand}</td>
                  <td data-label=${this.t('stock.reserved')} class="num">${row.reserved}</td>
                  <td data-label=${this.t('stock.available')} class="num">${row.available}</td>
                  <td data-label=${this.t('common.actions')}>
                    <a href="#/stock/${row.variant_id}">${this.t('stock.manage')}</a>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }`;
  }
}
