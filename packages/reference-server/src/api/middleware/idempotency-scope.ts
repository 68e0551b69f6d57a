import type { RequestPrincipal } from '../locals.js';

/** Storefront resources whose id (a capability) scopes the keys of the requests that act on them. */
const RESOURCE_PATH = /^\/v1\/(carts|checkout-sessions)\/([^/?]+)/;

export interface ScopedRequest {
  principal: RequestPrincipal | undefined;
  /** The request path as sent (`req.originalUrl` without its query). */
  path: string;
  body: unknown;
  /** The client's address (`req.ip`, which honours the trusted proxies). */
  ip: string | undefined;
}

/**
 * Where an `Idempotency-Key` is looked up. A secret key is one caller, so its keys are its own. A
 * publishable key is shared by every shopper of a shop, so its keys are scoped further, to what
 * the request acts on: the cart or checkout session in the path, the cart a checkout session is
 * created from, or else (a new cart) the client's address. Two shoppers who send one key then
 * never get each other's answer, while a retry by the same shopper still finds its own.
 */
export function idempotencyScope(request: ScopedRequest): string {
  // A signed-in staff member is one caller too, like a secret key.
  if (request.principal?.kind === 'staff') return `staff:${request.principal.staffId}`;
  const base = request.principal?.keyId ?? 'anonymous';
  if (request.principal?.kind === 'secret') return base;
  const resource = RESOURCE_PATH.exec(request.path);
  if (resource) return `${base}:${resource[1]}/${resource[2]}`;
  const cartId = cartOf(request);
  if (cartId !== undefined) return `${base}:carts/${encodeURIComponent(cartId)}`;
  return `${base}:client/${request.ip ?? 'unknown'}`;
}

/** The `cart_id` a checkout session is created from (`POST /v1/checkout-sessions`). */
function cartOf(request: ScopedRequest): string | undefined {
  if (request.path.replace(/\/+$/, '') !== '/v1/checkout-sessions') return undefined;
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const cartId = (body as { cart_id?: unknown }).cart_id;
  return typeof cartId === 'string' && cartId.length > 0 ? cartId : undefined;
}
