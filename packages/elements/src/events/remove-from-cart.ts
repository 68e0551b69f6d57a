import type { AnalyticsEcommerce } from '../internal/analytics.js';

/** GA4 `remove_from_cart` parameters: `{ currency, value, items }`, in major units. */
export type ShopRemoveFromCartDetail = AnalyticsEcommerce;

/**
 * Fired by `<shop-cart>` when units left the cart (a line removed or its quantity lowered), after
 * the server confirmed it; `items[].quantity` is the number of units removed. Maps one to one to
 * `gtag('event', 'remove_from_cart', e.detail)`.
 */
export class ShopRemoveFromCartEvent extends CustomEvent<ShopRemoveFromCartDetail> {
  constructor(detail: ShopRemoveFromCartDetail) {
    super('shop-remove-from-cart', { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-remove-from-cart': ShopRemoveFromCartEvent;
  }
}
