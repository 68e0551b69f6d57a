import { ORDER_TOKEN_HEADER } from '../contract/headers.js';
import type { Order } from '../contract/orders.js';
import type { RequestOptions, Transport } from '../request.js';

/** Orders: `client.orders`. */
export interface OrdersResource {
  /**
   * An order, with the access token returned when it was placed. The token travels in the
   * `Shoptag-Order-Token` header, never in the URL, so it stays out of logs and `Referer` headers.
   */
  get(orderId: string, token: string, options?: RequestOptions): Promise<Order>;
}

export function createOrdersResource(send: Transport): OrdersResource {
  return {
    get: (orderId, token, options = {}) =>
      send<Order>({
        method: 'GET',
        path: `/orders/${encodeURIComponent(orderId)}`,
        headers: { [ORDER_TOKEN_HEADER]: token },
        ...options,
      }),
  };
}
