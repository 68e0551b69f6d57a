import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isShopError, type Order } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { Localizer } from '../i18n/localizer.js';
import { errorMessageKey } from '../internal/errors.js';
import type { MessageKey } from '../i18n/catalogues.js';
import { buttons, tokens, utilities } from '../styles/shared.styles.js';
import { addressBlock, cardLabel, fact, linesList, shippingMethodText, totalsTable } from './order-details.js';
import { orderDetailsStyles } from './order-details.styles.js';
import { shipmentStyles, shipmentsAndRefunds } from './order-shipments.js';

/** `order` and `token` from the page address: the fragment first (kept out of logs), then the query. */
function fromLocation(): { id: string; token: string } {
  const hash = new URLSearchParams(location.hash.slice(1));
  const query = new URLSearchParams(location.search);
  return {
    id: hash.get('order') ?? query.get('order') ?? '',
    token: hash.get('token') ?? query.get('token') ?? '',
  };
}

/**
 * An order's status and details, read with its id and the access token returned when it was
 * placed: status, each shipment (carrier, tracking number linked to the carrier's page, its items),
 * what is still to ship, each refund, items, totals, shipping and billing addresses (each in its country's
 * order), shipping method and the card paid with, all in the shopper's language. Without
 * `order-id` and `token` it reads `order` and `token` from the page address — the fragment
 * (`order.html#order=ord_…&token=…`, as the confirmation email links) or the query.
 *
 * @summary Order status and details from id + token.
 * @tagname shop-order
 *
 * @csspart status - The order status.
 * @csspart items - The item list.
 * @csspart ships-later - An item's note of the units that ship later (sold on backorder).
 * @csspart totals - The totals table.
 * @csspart address - A shipping or billing address.
 * @csspart shipments - The shipments section.
 * @csspart shipment - One shipment, or what is still to ship.
 * @csspart tracking-link - A shipment's tracking number, linked to its carrier's tracking page.
 * @csspart tracking-number - A tracking number without a known tracking page.
 * @csspart refunds - The refunds section.
 * @csspart refund - One refund.
 * @csspart error - Shown when the order cannot be read.
 *
 * @cssproperty --shop-color-text-muted - Labels and variant titles.
 * @cssproperty --shop-color-border - The boxes around addresses, shipping and payment.
 * @cssproperty --shop-color-danger - The error message.
 */
export class ShopOrder extends LitElement {
  static readonly tagName = 'shop-order';
  static override styles = [
    tokens,
    utilities,
    buttons,
    orderDetailsStyles,
    shipmentStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 var(--shop-space-1, 0.25rem);
        overflow-wrap: anywhere;
      }
      .meta {
        margin: 0;
        color: var(--_muted);
      }
      [part~='status'] {
        display: inline-block;
        margin-block: var(--shop-space-2, 0.5rem);
        padding: 0.125rem 0.625rem;
        border-radius: 999px;
        border: 1px solid var(--_border);
        font-weight: 600;
      }
      [part~='error'] {
        color: var(--shop-color-danger, #b00020);
      }
      .summary-title {
        font-size: 1em;
        margin-block: var(--shop-space-4, 1rem) var(--shop-space-2, 0.5rem);
      }
    `,
  ];

  /** The order's id (`ord_…`); read from the page address when empty. */
  @property({ attribute: 'order-id' }) orderId = '';
  /** The order's access token, returned when it was placed; read from the page address when empty. */
  @property() token = '';

  @state() private order: Order | null = null;
  @state() private problem: MessageKey | null = null;
  private readonly store = new StoreConsumer(this, { required: true });
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
  private loaded = '';

  /** The order shown, once loaded. */
  get value(): Order | null {
    return this.order;
  }

  private target(): { id: string; token: string } {
    return this.orderId || this.token ? { id: this.orderId, token: this.token } : fromLocation();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.store.value?.client;
    const { id, token } = this.target();
    if (!client) return;
    if (!id || !token) {
      this.problem = 'order.missing';
      return;
    }
    const key = `${id}:${token}`;
    if (key === this.loaded) return;
    this.loaded = key;
    this.problem = null;
    client.orders.get(id, token).then(
      (order) => {
        this.order = order;
        this.problem = null;
      },
      (error: unknown) => {
        this.order = null;
        // A wrong id or token is a 404; anything else (the shop unreachable …) may pass with a retry.
        this.problem = isShopError(error) && error.statusCode === 404 ? 'order.notFound' : errorMessageKey(error);
        if (this.problem !== 'order.notFound') this.loaded = '';
      },
    );
  }

  private retry(): void {
    this.loaded = '';
    this.problem = null;
    this.requestUpdate();
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const text = { t, locale: this.i18n.locale };
    if (this.problem) {
      const retry = this.problem !== 'order.notFound' && this.problem !== 'order.missing';
      return html`<div dir=${this.i18n.dir}>
        <p part="error" role="alert">${t(this.problem)}</p>
        ${retry ? html`<button class="button" @click=${this.retry}>${t('common.retry')}</button>` : nothing}
      </div>`;
    }
    const o = this.order;
    if (!o) return html`<p aria-busy="true" dir=${this.i18n.dir}>${t('order.loading')}</p>`;
    const placed = new Intl.DateTimeFormat(text.locale, { dateStyle: 'long' }).format(new Date(o.created_at));
    // Orders read from a server older than shipments have only their one `fulfillment`.
    const f = o.fulfillments?.length ? null : o.fulfillment;
    const tracking = f?.tracking_number ? [f.carrier, f.tracking_number].filter(Boolean).join(' ') : '';
    return html`<article dir=${this.i18n.dir}>
      <h2>${t('order.title', { number: o.number })}</h2>
      <p class="meta">${t('order.placedOn', { date: placed })}</p>
      <p part="status">${t(`order.status.${o.status}`)}</p>
      ${tracking ? html`<p>${t('order.tracking', { tracking })}</p>` : nothing}
      <div class="facts">
        ${o.shipping_address ? fact(t('order.shippingAddress'), addressBlock(text, o.shipping_address)) : nothing}
        ${
          JSON.stringify(o.billing_address) === JSON.stringify(o.shipping_address)
            ? nothing
            : fact(t('order.billingAddress'), addressBlock(text, o.billing_address))
        }
        ${o.shipping_method ? fact(t('order.shippingMethod'), shippingMethodText(text, o.shipping_method, o.totals.shipping)) : nothing}
        ${fact(t('order.payment'), cardLabel(text, o.payment.card))}
      </div>
      ${o.fulfillments ? shipmentsAndRefunds(text, o) : nothing}
      <h3 class="summary-title">${t('order.summary')}</h3>
      ${linesList(text, o.items)} ${totalsTable(text, o.totals, o.coupon_code, o.requires_shipping)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-order': ShopOrder;
  }
}
