import type { Order } from '@shoptag/sdk/admin';

/** A console dialog changed the order (shipped, refunded): the detail screen shows the answer. */
export class OrderChangeEvent extends Event {
  static readonly eventName = 'shop-admin-order-change';
  constructor(
    readonly order: Order,
    /** What to say in the live region ("Shipment recorded."). */
    readonly message: string,
  ) {
    super(OrderChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-admin-order-change': OrderChangeEvent;
  }
}
