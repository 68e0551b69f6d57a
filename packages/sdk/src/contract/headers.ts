// Request headers of the API besides Authorization and Idempotency-Key. No zod here: the SDK
// imports these names as values, and its browser bundle must not pull in the schemas.

/**
 * Carries an order's access token to `GET /v1/orders/:id`. A header rather than the query string,
 * so that the token stays out of access logs, proxies' logs and `Referer` headers.
 */
export const ORDER_TOKEN_HEADER = 'Shoptag-Order-Token';

/** The cookie that carries a console session (`HttpOnly`, `SameSite=Strict`). */
export const STAFF_SESSION_COOKIE = 'shoptag_admin_session';
/** The header every console write carries its session's CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';
