import type { Cart, CartCreate, CartItemCreate } from '../contract/carts.js';
import type { RequestOptions, Transport } from '../request.js';

/** Server carts: `client.carts`. Every amount in the answers is computed by the server. */
export interface CartsResource {
  /** A new cart, optionally with its first items. */
  create(body?: CartCreate, options?: RequestOptions): Promise<Cart>;
  /** The cart, priced now; a 404 `InvalidRequestError` once it has expired. */
  get(cartId: string, options?: RequestOptions): Promise<Cart>;
  /** Adds units of a variant (to its line when there is one). 409 `out_of_stock` with `details.available` when there are not enough. */
  addItem(cartId: string, item: CartItemCreate, options?: RequestOptions): Promise<Cart>;
  /** Sets a line's quantity (1 to the cart's `max_line_quantity`). */
  updateItem(cartId: string, lineId: string, quantity: number, options?: RequestOptions): Promise<Cart>;
  removeItem(cartId: string, lineId: string, options?: RequestOptions): Promise<Cart>;
  /** Applies a code, replacing any other; a 422 whose `code` says why it does not apply. */
  applyCoupon(cartId: string, code: string, options?: RequestOptions): Promise<Cart>;
  removeCoupon(cartId: string, options?: RequestOptions): Promise<Cart>;
}

export function createCartsResource(send: Transport): CartsResource {
  const path = (cartId: string, rest = '') => `/carts/${encodeURIComponent(cartId)}${rest}`;
  return {
    create: (body = {}, options = {}) => send<Cart>({ method: 'POST', path: '/carts', body, ...options }),
    get: (cartId, options = {}) => send<Cart>({ method: 'GET', path: path(cartId), ...options }),
    addItem: (cartId, item, options = {}) =>
      send<Cart>({ method: 'POST', path: path(cartId, '/items'), body: item, ...options }),
    updateItem: (cartId, lineId, quantity, options = {}) =>
      send<Cart>({
        method: 'PATCH',
        path: path(cartId, `/items/${encodeURIComponent(lineId)}`),
        body: { quantity },
        ...options,
      }),
    removeItem: (cartId, lineId, options = {}) =>
      send<Cart>({ method: 'DELETE', path: path(cartId, `/items/${encodeURIComponent(lineId)}`), ...options }),
    applyCoupon: (cartId, code, options = {}) =>
      send<Cart>({ method: 'POST', path: path(cartId, '/coupon'), body: { code }, ...options }),
    removeCoupon: (cartId, options = {}) => send<Cart>({ method: 'DELETE', path: path(cartId, '/coupon'), ...options }),
  };
}
