import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { isShopError } from '@shoptag/sdk';
import type { InventoryLevel, InventoryMovement, StockReason } from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { catalogStyles } from '../ui/catalog.styles.js';

/** The reasons a person picks from (the contract's `STOCK_REASONS`; the console loads no zod). */
const REASONS: readonly StockReason[] = ['received', 'count', 'correction', 'damaged', 'lost', 'returned', 'other'];
const HISTORY_PAGE = 20;

/**
 * One variant's stock: units on hand, reserved and available; set the count or add and remove
 * units with a reason and a note; and the history of every change (who, when, how much, why).
 *
 * @summary The console's stock page of a variant.
 * @tagname shop-admin-variant-stock
 */
export class ShopAdminVariantStock extends AdminScreen {
  static readonly tagName = 'shop-admin-variant-stock';
  static override styles = [...AdminScreen.styles, catalogStyles];

  @state() private level: InventoryLevel | undefined;
  @state() private history: InventoryMovement[] = [];
  @state() private next: string | null = null;
  @state() private phase: 'loading' | 'ready' | 'error' = 'loading';
  @state() private banner = '';
  @state() private mode: 'adjust' | 'set' = 'adjust';
  @state() private amount = '';
  @state() private reason: StockReason = 'received';
  @state() private note = '';
  @state() private fieldError: AdminMessageKey | undefined;
  @state() private saving = false;

  private get variantId(): string {
    return this.params['variant'] ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.phase = 'loading';
    try {
      const [level, history] = await Promise.all([
        this.console.client.inventory.get(this.variantId),
        this.console.client.inventory.history(this.variantId, { limit: HISTORY_PAGE }),
      ]);
      this.level = level;
      this.history = history.data;
      this.next = history.next_cursor;
      this.phase = 'ready';
    } catch (error) {
      this.banner = this.describe(error);
      this.phase = 'error';
    }
    // The heading appears only once loaded: it takes focus then, as a screen's heading does.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async more(): Promise<void> {
    if (!this.next) return;
    try {
      const page = await this.console.client.inventory.history(this.variantId, {
        limit: HISTORY_PAGE,
        cursor: this.next,
      });
      this.history = [...this.history, ...page.data];
      this.next = page.next_cursor;
    } catch (error) {
      this.banner = this.describe(error);
    }
  }

  private async apply(event: Event): Promise<void> {
    event.preventDefault();
    this.banner = '';
    const value = Number(this.amount);
    const valid =
      this.amount.trim() !== '' && Number.isInteger(value) && (this.mode === 'set' ? value >= 0 : value !== 0);
    this.fieldError = valid ? undefined : this.mode === 'set' ? 'stock.error.onHand' : 'stock.error.delta';
    if (!valid) {
      this.renderRoot.querySelector<HTMLInputElement>('#amount')?.focus();
      return;
    }
    this.saving = true;
    const change = { reason: this.reason, ...(this.note.trim() ? { note: this.note.trim() } : {}) };
    try {
      this.level =
        this.mode === 'set'
          ? await this.console.client.inventory.set(this.variantId, { on_hand: value, ...change })
          : await this.console.client.inventory.adjust(this.variantId, { delta: value, ...change });
      this.amount = '';
      this.note = '';
      this.console.announce(this.t('stock.applied', { count: this.level.on_hand }));
      const history = await this.console.client.inventory.history(this.variantId, { limit: HISTORY_PAGE });
      this.history = history.data;
      this.next = history.next_cursor;
    } catch (error) {
      if (isShopError(error) && error.code === 'inventory_reserved') this.fieldError = 'stock.error.reserved';
      else this.banner = this.describe(error);
    } finally {
      this.saving = false;
    }
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  private form() {
    return html`<form class="card stack" novalidate @submit=${(e: Event) => void this.apply(e)}>
      <fieldset>
        <legend>${this.t('stock.mode')}</legend>
        ${(['adjust', 'set'] as const).map(
          (mode) => html`<label class="check"
            ><input
              type="radio"
              name="mode"
              .checked=${this.mode === mode}
              @change=${() => {
                this.mode = mode;
                this.reason = mode === 'set' ? 'count' : 'received';
                this.fieldError = undefined;
              }}
            />${this.t(`stock.mode.${mode}`)}</label
          >`,
        )}
      </fieldset>
      <div class="grid-2">
        <label for="amount"
          >${this.t(this.mode === 'set' ? 'stock.newOnHand' : 'stock.delta')}
          <input
            id="amount"
            type="number"
            step="1"
            inputmode="numeric"
            ?required=${true}
            aria-invalid=${this.fieldError ? 'true' : 'false'}
            aria-describedby="amount-error"
            .value=${this.amount}
            @input=${(e: Event) => (this.amount = (e.target as HTMLInputElement).value)}
          />
          <span class="field-error" id="amount-error">${this.fieldError ? this.t(this.fieldError) : nothing}</span>
        </label>
        <label
          >${this.t('stock.reason')}
          <select @change=${(e: Event) => (this.reason = (e.target as HTMLSelectElement).value as StockReason)}>
            ${REASONS.map(
              (r) => html`<option value=${r} ?selected=${this.reason === r}>${this.t(`stock.reason.${r}`)}</option>`,
            )}
          </select>
        </label>
      </div>
      <label
        >${this.t('stock.note')}
        <input
          maxlength="500"
          .value=${this.note}
          @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)}
      /></label>
      <div class="actions">
        <button class="button primary" type="submit" ?disabled=${this.saving}>
          ${this.saving ? this.t('common.saving') : this.t('stock.apply')}
        </button>
      </div>
    </form>`;
  }

  /** A sale's or a refund's order links to that order; another reference is shown as it is. */
  private reference(reference: string) {
    return reference.startsWith('ord_') ? html`<a href="#/orders/${reference}">${reference}</a>` : reference;
  }

  private historyTable() {
    if (this.history.length === 0) return html`<p class="muted">${this.t('stock.historyEmpty')}</p>`;
    return html`<table class="responsive">
        <thead>
          <tr>
            <th scope="col">${this.t('stock.col.when')}</th>
            <th scope="col" class="num">${this.t('stock.col.change')}</th>
            <th scope="col" class="num">${this.t('stock.onHand')}</th>
            <th scope="col">${this.t('stock.reason')}</th>
            <th scope="col">${this.t('stock.col.who')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.history.map(
            (m) => html`<tr>
              <td data-label=${this.t('stock.col.when')}><time datetime=${m.created_at}>${this.when(m.created_at)}</time></td>
              <td data-label=${this.t('stock.col.change')} class="num ${m.delta > 0 ? 'delta-up' : m.delta < 0 ? 'delta-down' : ''}">
                ${m.delta > 0 ? `+${m.delta}` : m.delta}
              </td>
              <td data-label=${this.t('stock.onHand')} class="num">${m.on_hand}</td>
              <td data-label=${this.t('stock.reason')}>
                <span
                  >${this.t(`stock.reason.${m.reason}`)}${m.note ? html` — <span class="muted">${m.note}</span>` : nothing}
                  ${m.reference ? html` <span class="muted">(${this.reference(m.reference)})</span>` : nothing}</span
                >
              </td>
              <td data-label=${this.t('stock.col.who')}>${this.t(`stock.who.${m.actor.type}`)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        this.next
          ? html`<p><button class="button" type="button" @click=${() => void this.more()}>${this.t('common.loadMore')}</button></p>`
          : nothing
      }`;
  }

  override render() {
    if (this.phase === 'loading') return html`<p class="muted" aria-busy="true">${this.t('common.loading')}</p>`;
    if (this.phase === 'error' || !this.level)
      return html`<h1 tabindex="-1">${this.t('stock.title')}</h1>
        ${this.loadProblem(this.banner, () => this.load())}`;
    const l = this.level;
    return html`<p><a href="#/products/${l.product_id}">${this.t('common.back')}</a></p>
      <h1 tabindex="-1">${this.t('stock.variantTitle', { sku: l.sku })}</h1>
      ${this.banner ? html`<div class="card error-banner" role="alert">${this.banner}</div>` : nothing}
      <dl class="grid-2 card">
        <div><dt class="muted">${this.t('stock.onHand')}</dt><dd class="num">${l.on_hand}</dd></div>
        <div><dt class="muted">${this.t('stock.reserved')}</dt><dd class="num">${l.reserved}</dd></div>
        <div><dt class="muted">${this.t('stock.available')}</dt><dd class="num">${l.available}</dd></div>
      </dl>
      ${this.form()}
      <h2>${this.t('stock.history')}</h2>
      ${this.historyTable()}`;
  }
}
