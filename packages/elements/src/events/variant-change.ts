import type { Product, ProductVariant } from '@shoptag/sdk';

export interface ShopVariantChangeDetail {
  product: Product;
  /** The variant matching every chosen option, or null while a choice is missing or unavailable. */
  variant: ProductVariant | null;
}

/** Fired by `<shop-product>` when the shopper picks an option value. */
export class ShopVariantChangeEvent extends CustomEvent<ShopVariantChangeDetail> {
  constructor(detail: ShopVariantChangeDetail) {
    super('shop-variant-change', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-variant-change': ShopVariantChangeEvent;
  }
}
