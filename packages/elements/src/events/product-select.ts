import type { Product } from '@shoptag/sdk';

export interface ShopProductSelectDetail {
  product: Product;
}

/**
 * Fired by `<shop-product-card>` when a shopper activates a product (clicks or presses Enter on
 * its name). Cancel it with `preventDefault()` to route in a single-page app instead of following
 * the card's link.
 */
export class ShopProductSelectEvent extends CustomEvent<ShopProductSelectDetail> {
  constructor(detail: ShopProductSelectDetail) {
    super('shop-product-select', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-product-select': ShopProductSelectEvent;
  }
}
