import type { Order } from '@shoptag/sdk';
import type { AnalyticsEcommerce } from '../internal/analytics.js';

export interface ShopCheckoutCompleteDetail {
  order: Order;
  /** GA4 `purchase` parameters. */
  ecommerce: AnalyticsEcommerce & { transaction_id: string; tax: number; shipping: number };
}

/** Fired by `<shop-checkout>` once the order is placed. */
export class ShopCheckoutCompleteEvent extends CustomEvent<ShopCheckoutCompleteDetail> {
  constructor(detail: ShopCheckoutCompleteDetail) {
    super('shop-checkout-complete', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-checkout-complete': ShopCheckoutCompleteEvent;
  }
}
