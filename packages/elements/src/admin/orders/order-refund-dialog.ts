import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { decimalToMinor, formatMoney, type RefundCreate, type RefundPreview } from '@shoptag/sdk/admin';
import { isShopError } from '@shoptag/sdk';
import { OrderChangeEvent } from './order-change-event.js';
import { OrderDialog } from './order-dialog.js';

const newKey = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * Refunds chosen units of chosen lines (their share of what was paid) or an amount, restocking or
 * not, with a reason. The amount is shown, as the server computes it, before anything is refunded;
 * the refund is sent with one Idempotency-Key so a retry never refunds twice.
 *
 * @summary Console: the refund dialog.
 * @tagname shop-admin-order-refund
 * @event shop-admin-order-change - The refund was made; `order` is the order now.
 */
export class ShopAdminOrderRefund extends OrderDialog {
  static readonly tagName = 'shop-admin-order-refund';
  @state() private mode: 'lines' | 'amount' = 'lines';
  @state() private review: { body: RefundCreate; preview: RefundPreview; key: string } | null = null;
  @state() private amountError = '';

  protected reset(): void {
    this.problem = '';
    this.amountError = '';
    this.review = null;
    this.busy = false;
    this.mode = 'lines';
    this.renderRoot.querySelector('form')?.reset();
  }

  private left(): number {
    const o = this.order;
    return o ? o.payment.captured.amount - o.totals.refunded.amount : 0;
  }

  private bodyFrom(form: HTMLFormElement): RefundCreate | null {
    const o = this.order!;
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    const common = {
      restock: data.get('restock') === 'on',
      notify: data.get('notify') === 'on',
      ...(reason ? { reason } : {}),
    };
    if (this.mode === 'amount') {
      const amount = decimalToMinor(String(data.get('amount') ?? ''), o.currency);
      if (amount === null || amount <= 0 || amount > this.left()) {
        this.amountError = this.t('orders.refund.amountInvalid', {
          max: formatMoney({ amount: this.left(), currency: o.currency }, this.i18n.locale),
        });
        return null;
      }
      return { amount, ...common };
    }
    const items = o.items
      .map((i) => ({ item_id: i.id, quantity: Number(data.get(`qty-${i.id}`) ?? 0) }))
      .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0);
    if (!items.length) {
      this.problem = this.t('orders.refund.nothing');
      return null;
    }
    return { items, ...common };
  }

  private async toReview(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.order || this.busy) return;
    this.problem = '';
    this.amountError = '';
    const body = this.bodyFrom(event.target as HTMLFormElement);
    if (!body) return;
    this.busy = true;
    try {
      const preview = await this.console.client.orders.previewRefund(this.order.id, body);
      this.review = { body, preview, key: newKey() };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('#confirm-refund')?.focus();
    } catch (error) {
      if (isShopError(error) && error.param === 'amount') this.amountError = this.describe(error);
      else this.problem = this.describe(error);
    } finally {
      this.busy = false;
    }
  }

  private async confirm(): Promise<void> {
    const review = this.review;
    if (!this.order || !review || this.busy) return;
    this.busy = true;
    this.problem = '';
    try {
      const updated = await this.console.client.orders.refund(this.order.id, review.body, {
        idempotencyKey: review.key,
      });
      this.close();
      const amount = formatMoney(review.preview.amount, this.i18n.locale);
      this.dispatchEvent(new OrderChangeEvent(updated, this.t('orders.refund.done', { amount })));
    } catch (error) {
      this.problem = this.describe(error);
    } finally {
      this.busy = false;
    }
  }

  private renderForm() {
    const t = this.t.bind(this);
    const o = this.order!;
    const locale = this.i18n.locale;
    return html`<form @submit=${this.toReview} novalidate>
      <fieldset>
        <legend class="sr-only">${t('orders.refund.title')}</legend>
        <label class="check"
          ><input type="radio" name="mode" value="lines" .checked=${this.mode === 'lines'} @change=${() => (this.mode = 'lines')} />
          ${t('orders.refund.byLines')}</label
        >
        <label class="check"
          ><input type="radio" name="mode" value="amount" .checked=${this.mode === 'amount'} @change=${() => (this.mode = 'amount')} />
          ${t('orders.refund.byAmount')}</label
        >
      </fieldset>
      ${
        this.mode === 'lines'
          ? html`<fieldset>
              <legend>${t('orders.items')}</legend>
              ${o.items.map((i) => {
                const left = i.quantity - i.refunded_quantity;
                return html`<label
                  >${t('orders.refund.quantity', { name: i.variant_title ? `${i.name} (${i.variant_title})` : i.name, left })}
                  <input type="number" name="qty-${i.id}" min="0" max=${left} value="0" ?disabled=${left === 0} />
                </label>`;
              })}
            </fieldset>`
          : html`<label
              >${t('orders.refund.amount', {
                currency: o.currency,
                max: formatMoney({ amount: this.left(), currency: o.currency }, locale),
              })}
              <input
                name="amount"
                inputmode="decimal"
                autocomplete="off"
                aria-invalid=${this.amountError ? 'true' : 'false'}
                aria-describedby=${this.amountError ? 'amount-error' : nothing}
              />
              ${this.amountError ? html`<span id="amount-error" class="field-error">${this.amountError}</span>` : nothing}
            </label>`
      }
      <label class="check"><input type="checkbox" name="restock" /> ${t('orders.refund.restock')}</label>
      <label>${t('orders.refund.reason')} <input name="reason" maxlength="500" autocomplete="off" /></label>
      <label class="check"><input type="checkbox" name="notify" checked /> ${t('orders.refund.notify')}</label>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="buttons">
        <button class="button" type="button" @click=${this.close}>${t('common.cancel')}</button>
        <button class="button primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t('common.loading') : t('orders.refund.review')}
        </button>
      </div>
    </form>`;
  }

  private renderReview() {
    const t = this.t.bind(this);
    const amount = formatMoney(this.review!.preview.amount, this.i18n.locale);
    return html`<p role="status">${t('orders.refund.summary', { amount })}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="buttons">
        <button class="button" type="button" @click=${() => (this.review = null)}>${t('common.back')}</button>
        <button id="confirm-refund" class="button primary" type="button" ?disabled=${this.busy} @click=${this.confirm}>
          ${this.busy ? t('common.saving') : t('orders.refund.submit', { amount })}
        </button>
      </div>`;
  }

  override render() {
    return html`<dialog aria-labelledby="refund-title" @close=${this.onClose}>
      <h2 id="refund-title">${this.t('orders.refund.title')}</h2>
      ${this.order ? (this.review ? this.renderReview() : this.renderForm()) : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-admin-order-refund': ShopAdminOrderRefund;
  }
}
