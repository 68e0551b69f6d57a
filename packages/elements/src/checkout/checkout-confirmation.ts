import { html, nothing, type TemplateResult } from 'lit';
import type { Order } from '@shoptag/sdk';
import {
  addressBlock,
  cardLabel,
  fact,
  linesList,
  shippingMethodText,
  totalsTable,
  type OrderText,
} from '../order/order-details.js';

/** The order page's address for an order, from a template with `{id}` and `{token}`. */
export function orderPageHref(template: string, order: Pick<Order, 'id' | 'token'>): string {
  return template
    .replaceAll('{id}', encodeURIComponent(order.id))
    .replaceAll('{token}', encodeURIComponent(order.token));
}

export interface ConfirmationContext {
  text: OrderText;
  order: Order;
  /** `order-url` of `<shop-checkout>`: the order status page, with `{id}` and `{token}`; empty: no link. */
  orderUrl: string;
}

/** Billing shown only when it differs from shipping. */
const sameAddress = (a: Order['shipping_address'], b: Order['billing_address']) =>
  JSON.stringify({ ...a, phone: undefined }) === JSON.stringify({ ...b, phone: undefined });

/**
 * The Confirmation step (under the step's heading): the order number and email, a link to the order status page,
 * then the whole order — lines with quantities, totals, addresses, shipping method, payment.
 */
export function renderConfirmation({ text, order, orderUrl }: ConfirmationContext): TemplateResult {
  const { t } = text;
  return html`<div part="confirmation" class="confirmation">
    <p role="status">${t('order.confirmed', { number: order.number })} ${t('order.emailSent', { email: order.email })}</p>
    ${
      orderUrl
        ? html`<p><a part="order-link" href=${orderPageHref(orderUrl, order)}>${t('order.viewStatus')}</a></p>`
        : nothing
    }
    <div class="facts">
      ${order.shipping_address ? fact(t('order.shippingAddress'), addressBlock(text, order.shipping_address)) : nothing}
      ${
        order.shipping_address && sameAddress(order.shipping_address, order.billing_address)
          ? nothing
          : fact(t('order.billingAddress'), addressBlock(text, order.billing_address))
      }
      ${order.shipping_method ? fact(t('order.shippingMethod'), shippingMethodText(text, order.shipping_method, order.totals.shipping)) : nothing}
      ${fact(t('order.payment'), cardLabel(text, order.payment.card))}
    </div>
    <h3 class="summary-title">${t('order.summary')}</h3>
    ${linesList(text, order.items)} ${totalsTable(text, order.totals, order.coupon_code, order.requires_shipping)}
  </div>`;
}
