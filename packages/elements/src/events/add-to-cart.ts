import type { AnalyticsEcommerce } from '../internal/analytics.js';

/** GA4 `add_to_cart` parameters: `{ currency, value, items }`, `value` and `price` in major units. */
export type ShopAddToCartDetail = AnalyticsEcommerce;

/**
 * Fired when units were added to the cart (by `<shop-buy-button>`, or a quantity raised in
 * `<shop-cart>`), after the server confirmed it. Its detail is GA4's `add_to_cart` parameters, so
 * `addEventListener('shop-add-to-cart', (e) => gtag('event', 'add_to_cart', e.detail))` is the whole mapping.
 */
export class ShopAddToCartEvent extends CustomEvent<ShopAddToCartDetail> {
  constructor(detail: ShopAddToCartDetail) {
    super('shop-add-to-cart', { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-add-to-cart': ShopAddToCartEvent;
  }
}
