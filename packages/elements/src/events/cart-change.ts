import type { Cart } from '@shoptag/sdk';
import type { AnalyticsEcommerce } from '../internal/analytics.js';

/** The whole cart after a change, as GA4 `view_cart` parameters, plus the cart itself. */
export interface ShopCartChangeDetail extends AnalyticsEcommerce {
  /** The server's cart after the change. Not a GA4 field: leave it out when forwarding, e.g. `({ cart, ...ga4 }) => gtag('event', 'view_cart', ga4)`. */
  cart: Cart;
}

/**
 * Fired by the element that changed the cart (`<shop-buy-button>`, `<shop-cart>`) once the server
 * confirmed the change: items added, quantities changed, lines removed, a coupon applied or removed.
 */
export class ShopCartChangeEvent extends CustomEvent<ShopCartChangeDetail> {
  constructor(detail: ShopCartChangeDetail) {
    super('shop-cart-change', { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-cart-change': ShopCartChangeEvent;
  }
}
