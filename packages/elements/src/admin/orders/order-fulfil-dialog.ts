import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { isShopError } from '@shoptag/sdk';
import { OrderChangeEvent } from './order-change-event.js';
import { OrderDialog } from './order-dialog.js';

/** Carriers with a tracking page the server links to; anything else may be typed. */
const CARRIERS = ['UPS', 'USPS', 'FedEx', 'DHL', 'Royal Mail', 'Canada Post', 'Australia Post', 'DPD', 'GLS', 'PostNL'];

/**
 * Ships part or all of an order: units per line (each defaulting to what is left), carrier,
 * tracking number, and whether the customer is emailed.
 *
 * @summary Console: the ship-items dialog.
 * @tagname shop-admin-order-fulfil
 * @event shop-admin-order-change - The shipment was recorded; `order` is the order now.
 */
export class ShopAdminOrderFulfil extends OrderDialog {
  static readonly tagName = 'shop-admin-order-fulfil';
  @state() private fieldErrors: Record<string, string> = {};

  protected reset(): void {
    this.problem = '';
    this.fieldErrors = {};
    this.busy = false;
    this.renderRoot.querySelector('form')?.reset();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const order = this.order;
    if (!order || this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const items = order.items
      .map((i) => ({ item_id: i.id, quantity: Number(data.get(`qty-${i.id}`) ?? 0) }))
      .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0);
    if (!items.length) {
      this.problem = this.t('orders.fulfil.nothing');
      return;
    }
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    this.busy = true;
    this.problem = '';
    this.fieldErrors = {};
    try {
      const carrier = text('carrier');
      const tracking = text('tracking');
      const updated = await this.console.client.orders.fulfil(order.id, {
        items,
        ...(carrier ? { carrier } : {}),
        ...(tracking ? { tracking_number: tracking } : {}),
        notify: data.get('notify') === 'on',
      });
      this.close();
      this.dispatchEvent(new OrderChangeEvent(updated, this.t('orders.fulfil.done')));
    } catch (error) {
      const param = isShopError(error) ? error.param : undefined;
      const line = param?.match(/^items\.(\d+)\.quantity$/);
      if (line) this.fieldErrors = { [items[Number(line[1])]!.item_id]: this.t('orders.quantityInvalid') };
      this.problem = this.describe(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.t.bind(this);
    const o = this.order;
    return html`<dialog aria-labelledby="fulfil-title" @close=${this.onClose}>
      <h2 id="fulfil-title">${t('orders.fulfil.title')}</h2>
      ${
        o
          ? html`<form @submit=${this.submit} novalidate>
              <fieldset>
                <legend>${t('orders.items')}</legend>
                ${o.items.map((i) => {
                  const open = Math.max(0, i.quantity - i.fulfilled_quantity - i.refunded_quantity);
                  const error = this.fieldErrors[i.id];
                  return html`<label
                    >${t('orders.fulfil.quantity', { name: i.variant_title ? `${i.name} (${i.variant_title})` : i.name, open })}
                    <input
                      type="number"
                      name="qty-${i.id}"
                      min="0"
                      max=${open}
                      value=${String(open)}
                      ?disabled=${open === 0}
                      aria-invalid=${error ? 'true' : 'false'}
                      aria-describedby=${error ? `err-${i.id}` : nothing}
                    />
                    ${error ? html`<span id="err-${i.id}" class="field-error">${error}</span>` : nothing}
                  </label>`;
                })}
              </fieldset>
              <label
                >${t('orders.fulfil.carrier')}
                <input name="carrier" list="carriers" autocomplete="off" maxlength="100" />
                <datalist id="carriers">${CARRIERS.map((c) => html`<option value=${c}></option>`)}</datalist>
              </label>
              <label
                >${t('orders.fulfil.tracking')}
                <input name="tracking" autocomplete="off" maxlength="100" />
              </label>
              <label class="check"><input type="checkbox" name="notify" checked /> ${t('orders.fulfil.notify')}</label>
              ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
              <div class="buttons">
                <button class="button" type="button" @click=${this.close}>${t('common.cancel')}</button>
                <button class="button primary" type="submit" ?disabled=${this.busy}>
                  ${this.busy ? t('common.saving') : t('orders.fulfil.submit')}
                </button>
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-admin-order-fulfil': ShopAdminOrderFulfil;
  }
}
