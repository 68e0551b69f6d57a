import type {
  CheckoutComplete,
  CheckoutSession,
  CheckoutSessionUpdate,
  PaymentStart,
  ShippingRateList,
} from '../contract/checkout.js';
import type { CheckoutCompletion } from '../contract/orders.js';
import type { RequestOptions, Transport } from '../request.js';

/** Checkout sessions: `client.checkout`. The server prices everything; a card number never goes through here. */
export interface CheckoutResource {
  /** Starts checkout from a cart; the server holds its stock while the session is used. */
  create(cartId: string, options?: RequestOptions): Promise<CheckoutSession>;
  get(sessionId: string, options?: RequestOptions): Promise<CheckoutSession>;
  /** Sets email, addresses or shipping method; a 400 names the field in `param` (all of them in `details.errors`). */
  update(sessionId: string, changes: CheckoutSessionUpdate, options?: RequestOptions): Promise<CheckoutSession>;
  shippingMethods(sessionId: string, options?: RequestOptions): Promise<ShippingRateList>;
  /** Starts the payment: what Stripe.js (or the simulated card form) needs. */
  startPayment(sessionId: string, options?: RequestOptions): Promise<PaymentStart>;
  /** Simulated provider: the shopper completes or cancels the card challenge. */
  authenticate(sessionId: string, result: 'complete' | 'cancel', options?: RequestOptions): Promise<CheckoutSession>;
  /**
   * Places the order: the order (with its access `token`), a `requires_action` step, or a
   * `CardError`. Pass the same `idempotencyKey` to repeat a call safely.
   */
  complete(sessionId: string, body?: CheckoutComplete, options?: RequestOptions): Promise<CheckoutCompletion>;
}

export function createCheckoutResource(send: Transport): CheckoutResource {
  const path = (id: string, rest = '') => `/checkout-sessions/${encodeURIComponent(id)}${rest}`;
  return {
    create: (cartId, options = {}) =>
      send<CheckoutSession>({ method: 'POST', path: '/checkout-sessions', body: { cart_id: cartId }, ...options }),
    get: (id, options = {}) => send<CheckoutSession>({ method: 'GET', path: path(id), ...options }),
    update: (id, changes, options = {}) =>
      send<CheckoutSession>({ method: 'PATCH', path: path(id), body: changes, ...options }),
    shippingMethods: (id, options = {}) =>
      send<ShippingRateList>({ method: 'GET', path: path(id, '/shipping-methods'), ...options }),
    startPayment: (id, options = {}) =>
      send<PaymentStart>({ method: 'POST', path: path(id, '/payment'), body: {}, ...options }),
    authenticate: (id, result, options = {}) =>
      send<CheckoutSession>({ method: 'POST', path: path(id, '/payment/authenticate'), body: { result }, ...options }),
    complete: (id, body = {}, options = {}) =>
      send<CheckoutCompletion>({ method: 'POST', path: path(id, '/complete'), body, ...options }),
  };
}
