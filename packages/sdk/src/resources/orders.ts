import type { Order } from '../contract/orders.js';
import type { RequestOptions, Transport } from '../request.js';

/** Orders: `client.orders`. */
export interface OrdersResource {
  /** An order, with the access token returned when it was placed. */
  get(orderId: string, token: string, options?: RequestOptions): Promise<Order>;
}

export function createOrdersResource(send: Transport): OrdersResource {
  return {
    get: (orderId, token, options = {}) => send<Order>({ method: 'GET', path: `/orders/${encodeURIComponent(orderId)}`, query: { token }, ...options }),
  };
}
