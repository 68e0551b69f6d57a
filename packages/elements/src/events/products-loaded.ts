import type { Product, SearchQuery } from '@shoptag/sdk';

export interface ShopProductsLoadedDetail {
  /** The products of the page that arrived (already shown ones removed when appending). */
  products: Product[];
  /** Every product the element now shows. */
  shown: number;
  /** Matching products in all, when the server counts them. */
  total: number | undefined;
  hasMore: boolean;
  /** The query the page was asked with (filters, sort, cursor). */
  query: SearchQuery;
  /** True for a "load more" page appended to the list. */
  append: boolean;
}

/** Fired by `<shop-product-grid>` after a page of products has arrived and been rendered. */
export class ShopProductsLoadedEvent extends CustomEvent<ShopProductsLoadedDetail> {
  constructor(detail: ShopProductsLoadedDetail) {
    super('shop-products-loaded', { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-products-loaded': ShopProductsLoadedEvent;
  }
}
