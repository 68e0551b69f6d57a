import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatMoney, type Money, type Order } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';

const STATUS_LABELS: Record<Order['status'], string> = {
  pending: 'Payment pending',
  paid: 'Paid — being prepared',
  fulfilled: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  partially_refunded: 'Partially refunded',
};

/**
 * An order's status and details, read with its id and the access token returned when it was
 * placed (e.g. from the confirmation email link): items, totals, shipping address and method.
 *
 * @summary Order status and details from id + token.
 * @tagname shop-order
 *
 * @csspart status - The order status.
 * @csspart items - The item list.
 * @csspart totals - The totals table.
 * @csspart error - Shown when the order cannot be read.
 */
export class ShopOrder extends LitElement {
  static readonly tagName = 'shop-order';
  static override styles = css`
    :host { display: block; }
    table { width: 100%; border-collapse: collapse; }
    td:last-child { text-align: end; }
    [part~='status'] { font-weight: 600; }
    [part~='error'] { color: var(--shop-color-danger, #b00020); }
  `;

  @property({ attribute: 'order-id' }) orderId = '';
  @property() token = '';

  @state() private order: Order | null = null;
  @state() private error = '';
  private readonly store = new StoreConsumer(this, { required: true });
  private loaded = '';

  /** The order shown, once loaded. */
  get value(): Order | null {
    return this.order;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.store.value?.client;
    const key = `${this.orderId}:${this.token}`;
    if (!client || !this.orderId || !this.token || key === this.loaded) return;
    this.loaded = key;
    client.orders.get(this.orderId, this.token).then(
      (order) => {
        this.order = order;
        this.error = '';
      },
      (err: unknown) => {
        this.order = null;
        this.error = err instanceof Error ? err.message : String(err);
      },
    );
  }

  private money(m: Money): string {
    return formatMoney(m, this.store.value?.locale ?? (document.documentElement.lang || undefined));
  }

  protected override render() {
    if (this.error) return html`<p part="error" role="alert">We could not find this order.</p>`;
    const o = this.order;
    if (!o) return html`<p aria-busy="true">Loading order…</p>`;
    const a = o.shipping_address;
    return html`<h2>Order ${o.number}</h2>
      <p part="status">${STATUS_LABELS[o.status]}</p>
      ${o.fulfillment?.tracking_number ? html`<p>Tracking: ${o.fulfillment.carrier ?? ''} ${o.fulfillment.tracking_number}</p>` : nothing}
      <ul part="items">${o.items.map((i) => html`<li>${i.quantity} × ${i.name} ${i.variant_title} — ${this.money(i.line_total)}</li>`)}</ul>
      <table part="totals">
        <tr><td>Subtotal</td><td>${this.money(o.totals.subtotal)}</td></tr>
        ${o.totals.discount.amount ? html`<tr><td>Discount</td><td>−${this.money(o.totals.discount)}</td></tr>` : nothing}
        <tr><td>Shipping (${o.shipping_method.name})</td><td>${this.money(o.totals.shipping)}</td></tr>
        <tr><td>${o.totals.tax_included ? 'Tax included' : 'Tax'}</td><td>${this.money(o.totals.tax)}</td></tr>
        <tr><td>Total</td><td>${this.money(o.totals.total)}</td></tr>
      </table>
      <address>${[a.name, a.line1, a.line2, `${a.postal_code ?? ''} ${a.city}`, a.region, a.country].filter(Boolean).join(', ')}</address>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-order': ShopOrder;
  }
}
