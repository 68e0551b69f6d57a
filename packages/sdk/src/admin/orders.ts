import type { OrderEvent, OrderEventList, OrderEventQuery, RefundPreview } from '../contract/order-admin.js';
import type { Order, OrderCancel, OrderFulfil, OrderList, OrderListQuery, RefundCreate } from '../contract/orders.js';
import type { RequestOptions, Transport } from '../request.js';

/** Orders in the console or a server script: `admin.orders`. */
export interface AdminOrdersResource {
  /** Newest first; filters by status, payment and fulfilment status, date range, and `q` (number, id, email, name). */
  list(query?: OrderListQuery, options?: RequestOptions): Promise<OrderList>;
  get(orderId: string, options?: RequestOptions): Promise<Order>;
  /** The order's timeline, oldest first. */
  events(orderId: string, query?: OrderEventQuery, options?: RequestOptions): Promise<OrderEventList>;
  addNote(orderId: string, body: string, options?: RequestOptions): Promise<OrderEvent>;
  /** Ships chosen units (default every unit still to ship) with a carrier and tracking number; the shopper is emailed. */
  fulfil(orderId: string, body?: OrderFulfil, options?: RequestOptions): Promise<Order>;
  markDelivered(orderId: string, options?: RequestOptions): Promise<Order>;
  /** Cancels an unshipped order: stock back on hand, payment refunded or released. */
  cancel(orderId: string, body?: OrderCancel, options?: RequestOptions): Promise<Order>;
  /** What `refund` with this body would return, line by line, without making it. */
  previewRefund(orderId: string, body?: RefundCreate, options?: RequestOptions): Promise<RefundPreview>;
  /** Refunds in full, an amount, or chosen lines (each restocked or not). Pass the same `idempotencyKey` to retry safely. */
  refund(orderId: string, body?: RefundCreate, options?: RequestOptions): Promise<Order>;
}

export function createAdminOrdersResource(send: Transport): AdminOrdersResource {
  const path = (orderId: string, rest = '') => `/admin/orders/${encodeURIComponent(orderId)}${rest}`;
  return {
    list: (query = {}, options = {}) => send<OrderList>({ method: 'GET', path: '/admin/orders', query, ...options }),
    get: (orderId, options = {}) => send<Order>({ method: 'GET', path: path(orderId), ...options }),
    events: (orderId, query = {}, options = {}) =>
      send<OrderEventList>({ method: 'GET', path: path(orderId, '/events'), query, ...options }),
    addNote: (orderId, body, options = {}) =>
      send<OrderEvent>({ method: 'POST', path: path(orderId, '/notes'), body: { body }, ...options }),
    fulfil: (orderId, body = {}, options = {}) =>
      send<Order>({ method: 'POST', path: path(orderId, '/fulfil'), body, ...options }),
    markDelivered: (orderId, options = {}) =>
      send<Order>({ method: 'POST', path: path(orderId, '/deliver'), body: {}, ...options }),
    cancel: (orderId, body = {}, options = {}) =>
      send<Order>({ method: 'POST', path: path(orderId, '/cancel'), body, ...options }),
    previewRefund: (orderId, body = {}, options = {}) =>
      send<RefundPreview>({ method: 'POST', path: path(orderId, '/refunds/preview'), body, ...options }),
    refund: (orderId, body = {}, options = {}) =>
      send<Order>({ method: 'POST', path: path(orderId, '/refunds'), body, ...options }),
  };
}
