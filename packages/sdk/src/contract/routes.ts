import { z } from 'zod';
import { Category, CategoryIdOrSlug, CategoryTree, Product, ProductIdOrHandle, ProductList, ProductListQuery } from './catalog.js';
import { Health } from './health.js';
import { OpenApiDocument } from './openapi-document.js';
import {
  CheckoutComplete,
  CheckoutSession,
  CheckoutSessionCreate,
  CheckoutSessionParams,
  CheckoutSessionUpdate,
  PaymentAuthenticate,
  PaymentStart,
  ShippingRateList,
} from './checkout.js';
import { CheckoutCompletion, Order, OrderCancel, OrderFulfil, OrderList, OrderListQuery, OrderParams, OrderTokenHeaders, OrderTokenQuery, RefundCreate } from './orders.js';
import { Cart, CartCouponApply, CartCreate, CartItemCreate, CartItemUpdate, CartLineParams, CartParams } from './carts.js';
import { Coupon, CouponCreate, CouponDeleted, CouponList, CouponListQuery, CouponParams, CouponUpdate } from './coupons.js';
import {
  AvailabilityList,
  HoldCreate,
  HoldParams,
  HoldReleased,
  InventoryAdjust,
  InventoryHold,
  InventoryLevel,
  InventoryLevelList,
  InventoryParams,
  InventoryQuery,
  InventorySet,
  LowStockQuery,
} from './inventory.js';
import { AdminProduct, DeletedProduct, ProductCreate, ProductImportCsv, ProductUpdate } from './admin-products.js';
import { ImportJob, ImportJobParams } from './imports.js';
import { RelatedList, RelatedQuery, SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './search.js';
import { OrderResolve, UnresolvedPaymentList, UnresolvedPaymentQuery } from './recovery.js';

/** Who may call a route: nobody in particular, a publishable (or secret) key, or a secret key only. */
export type RouteAuth = 'none' | 'publishable' | 'secret';

/** One operation of the HTTP API, as the contract defines it. */
export interface RouteSpec {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Express-style path under the server origin, e.g. `/v1/products/:idOrHandle`. */
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  params?: z.ZodObject;
  query?: z.ZodType;
  /** Request headers the operation reads (besides Authorization and Idempotency-Key), by their canonical names. */
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** Media type of `body` (default `application/json`). */
  bodyType?: 'application/json' | 'text/csv';
  /** Status of a successful answer (default 200). */
  status?: 200 | 201 | 202;
  response: z.ZodType;
  /** HTTP statuses this operation answers with the error shape, besides 400/401/5xx. */
  errors?: number[];
}

/** Every operation the API serves, keyed by operation id; the OpenAPI document is generated from this table. */
export const ROUTES = {
  getHealth: { method: 'get', path: '/v1/health', summary: 'Liveness and the components in use', tag: 'Meta', auth: 'none', response: Health },
  getOpenApiDocument: {
    method: 'get', path: '/v1/openapi.json', summary: 'This document: OpenAPI 3.1 generated from the contract', tag: 'Meta', auth: 'none', response: OpenApiDocument,
  },
  listProducts: {
    method: 'get', path: '/v1/products', summary: 'List products with filters, sort and paging', tag: 'Catalog', auth: 'publishable',
    query: ProductListQuery, response: ProductList,
  },
  getProduct: {
    method: 'get', path: '/v1/products/:idOrHandle', summary: 'One product by id or handle', tag: 'Catalog', auth: 'publishable',
    params: z.object({ idOrHandle: ProductIdOrHandle }), response: Product, errors: [404],
  },
  listRelatedProducts: {
    method: 'get', path: '/v1/products/:idOrHandle/related', summary: 'Products related by category, brand or shared attributes; in stock first', tag: 'Catalog', auth: 'publishable',
    params: z.object({ idOrHandle: ProductIdOrHandle }), query: RelatedQuery, response: RelatedList, errors: [404],
  },
  searchProducts: {
    method: 'get', path: '/v1/search', summary: 'Full-text search with typo tolerance, filters, facet counts, sort and paging', tag: 'Search', auth: 'publishable',
    query: SearchQuery, response: SearchResult, errors: [404],
  },
  suggest: {
    method: 'get', path: '/v1/search/suggest', summary: 'Up to 10 category and product suggestions for what has been typed', tag: 'Search', auth: 'publishable',
    query: SuggestQuery, response: SuggestResult,
  },
  adminCreateProduct: {
    method: 'post', path: '/v1/admin/products', summary: 'Create a product with its variants and images', tag: 'Admin', auth: 'secret',
    body: ProductCreate, status: 201, response: AdminProduct, errors: [404, 409],
  },
  adminGetProduct: {
    method: 'get', path: '/v1/admin/products/:idOrHandle', summary: 'One product in any status', tag: 'Admin', auth: 'secret',
    params: z.object({ idOrHandle: ProductIdOrHandle }), response: AdminProduct, errors: [404],
  },
  adminUpdateProduct: {
    method: 'patch', path: '/v1/admin/products/:idOrHandle', summary: 'Change a product; variants, when given, are matched by SKU', tag: 'Admin', auth: 'secret',
    params: z.object({ idOrHandle: ProductIdOrHandle }), body: ProductUpdate, response: AdminProduct, errors: [404, 409],
  },
  adminDeleteProduct: {
    method: 'delete', path: '/v1/admin/products/:idOrHandle', summary: 'Delete a product', tag: 'Admin', auth: 'secret',
    params: z.object({ idOrHandle: ProductIdOrHandle }), response: DeletedProduct, errors: [404],
  },
  adminImportProducts: {
    method: 'post', path: '/v1/admin/products/import', summary: "Import Shopify's product CSV export (text/csv body) as a background job", tag: 'Admin', auth: 'secret',
    body: ProductImportCsv, bodyType: 'text/csv', status: 202, response: ImportJob, errors: [429],
  },
  getImportJob: {
    method: 'get', path: '/v1/admin/imports/:id', summary: 'An import job: its status, progress, counts and skipped rows', tag: 'Admin', auth: 'secret',
    params: ImportJobParams, response: ImportJob, errors: [404],
  },
  cancelImportJob: {
    method: 'post', path: '/v1/admin/imports/:id/cancel', summary: 'Stop an import after the chunk it is writing (committed chunks stay)', tag: 'Admin', auth: 'secret',
    params: ImportJobParams, response: ImportJob, errors: [404, 409],
  },
  listCategories: { method: 'get', path: '/v1/categories', summary: 'The category tree', tag: 'Catalog', auth: 'publishable', response: CategoryTree },
  getCategory: {
    method: 'get', path: '/v1/categories/:idOrSlug', summary: 'One category by id or slug', tag: 'Catalog', auth: 'publishable',
    params: z.object({ idOrSlug: CategoryIdOrSlug }), response: Category, errors: [404],
  },
  // Carts and inventory (the cart id is the capability; every amount is computed by the server).
  createCart: { method: 'post', path: '/v1/carts', summary: 'Create a cart', tag: 'Cart', auth: 'publishable', body: CartCreate, response: Cart, errors: [404, 409] },
  getCart: { method: 'get', path: '/v1/carts/:id', summary: 'Read a cart (404 once expired)', tag: 'Cart', auth: 'publishable', params: CartParams, response: Cart, errors: [404] },
  addCartItem: {
    method: 'post', path: '/v1/carts/:id/items', summary: 'Add a variant; a variant already in the cart adds to its line', tag: 'Cart', auth: 'publishable',
    params: CartParams, body: CartItemCreate, response: Cart, errors: [404, 409],
  },
  updateCartItem: {
    method: 'patch', path: '/v1/carts/:id/items/:itemId', summary: 'Change a line\'s quantity', tag: 'Cart', auth: 'publishable',
    params: CartLineParams, body: CartItemUpdate, response: Cart, errors: [404, 409],
  },
  removeCartItem: { method: 'delete', path: '/v1/carts/:id/items/:itemId', summary: 'Remove a line', tag: 'Cart', auth: 'publishable', params: CartLineParams, response: Cart, errors: [404] },
  applyCartCoupon: {
    method: 'post', path: '/v1/carts/:id/coupon', summary: 'Apply a coupon code (one per cart; replaces the previous one)', tag: 'Cart', auth: 'publishable',
    params: CartParams, body: CartCouponApply, response: Cart, errors: [404, 422],
  },
  removeCartCoupon: { method: 'delete', path: '/v1/carts/:id/coupon', summary: 'Remove the coupon', tag: 'Cart', auth: 'publishable', params: CartParams, response: Cart, errors: [404] },
  getInventory: {
    method: 'get', path: '/v1/inventory', summary: 'Availability of variants', tag: 'Inventory', auth: 'publishable', query: InventoryQuery, response: AvailabilityList,
  },
  getInventoryLevel: {
    method: 'get', path: '/v1/admin/inventory/:variantId', summary: 'A variant\'s stock', tag: 'Admin', auth: 'secret', params: InventoryParams, response: InventoryLevel, errors: [404],
  },
  setInventoryLevel: {
    method: 'put', path: '/v1/admin/inventory/:variantId', summary: 'Set units on hand (not below the units reserved)', tag: 'Admin', auth: 'secret',
    params: InventoryParams, body: InventorySet, response: InventoryLevel, errors: [404, 409],
  },
  adjustInventoryLevel: {
    method: 'post', path: '/v1/admin/inventory/:variantId/adjust', summary: 'Add to or take from units on hand', tag: 'Admin', auth: 'secret',
    params: InventoryParams, body: InventoryAdjust, response: InventoryLevel, errors: [404, 409],
  },
  listLowStock: {
    method: 'get', path: '/v1/admin/inventory/low-stock', summary: 'Variants at or below a threshold of available units, lowest first', tag: 'Admin', auth: 'secret',
    query: LowStockQuery, response: InventoryLevelList,
  },
  createInventoryHold: {
    method: 'post', path: '/v1/admin/inventory/holds', summary: 'Reserve stock (all or nothing) until the hold lapses', tag: 'Admin', auth: 'secret',
    body: HoldCreate, response: InventoryHold, errors: [404, 409],
  },
  releaseInventoryHold: {
    method: 'delete', path: '/v1/admin/inventory/holds/:holdId', summary: 'Release a hold, returning its units to stock', tag: 'Admin', auth: 'secret',
    params: HoldParams, response: HoldReleased, errors: [404],
  },
  listCoupons: { method: 'get', path: '/v1/admin/coupons', summary: 'List coupons, newest first', tag: 'Admin', auth: 'secret', query: CouponListQuery, response: CouponList },
  createCoupon: { method: 'post', path: '/v1/admin/coupons', summary: 'Create a coupon', tag: 'Admin', auth: 'secret', body: CouponCreate, response: Coupon, errors: [409] },
  getCoupon: { method: 'get', path: '/v1/admin/coupons/:id', summary: 'One coupon', tag: 'Admin', auth: 'secret', params: CouponParams, response: Coupon, errors: [404] },
  updateCoupon: {
    method: 'patch', path: '/v1/admin/coupons/:id', summary: 'Change a coupon', tag: 'Admin', auth: 'secret', params: CouponParams, body: CouponUpdate, response: Coupon, errors: [404],
  },
  deleteCoupon: { method: 'delete', path: '/v1/admin/coupons/:id', summary: 'Delete a coupon', tag: 'Admin', auth: 'secret', params: CouponParams, response: CouponDeleted, errors: [404] },
  // Checkout and orders (the session id is a capability; every amount is computed by the server).
  createCheckoutSession: {
    method: 'post', path: '/v1/checkout-sessions', summary: 'Start checkout from a cart; holds its stock', tag: 'Checkout', auth: 'publishable',
    body: CheckoutSessionCreate, response: CheckoutSession, errors: [404, 409],
  },
  getCheckoutSession: {
    method: 'get', path: '/v1/checkout-sessions/:id', summary: 'Read a checkout session (keeps its stock held)', tag: 'Checkout', auth: 'publishable',
    params: CheckoutSessionParams, response: CheckoutSession, errors: [404],
  },
  updateCheckoutSession: {
    method: 'patch', path: '/v1/checkout-sessions/:id', summary: 'Set email, addresses and shipping method; field errors name the field in param', tag: 'Checkout', auth: 'publishable',
    params: CheckoutSessionParams, body: CheckoutSessionUpdate, response: CheckoutSession, errors: [404, 409],
  },
  listShippingMethods: {
    method: 'get', path: '/v1/checkout-sessions/:id/shipping-methods', summary: 'Shipping methods for the session\'s address and items', tag: 'Checkout', auth: 'publishable',
    params: CheckoutSessionParams, response: ShippingRateList, errors: [404, 409],
  },
  startCheckoutPayment: {
    method: 'post', path: '/v1/checkout-sessions/:id/payment', summary: 'Start the payment: a PaymentIntent (Stripe) or a simulated intent', tag: 'Checkout', auth: 'publishable',
    params: CheckoutSessionParams, response: PaymentStart, errors: [404, 409],
  },
  authenticateCheckoutPayment: {
    method: 'post', path: '/v1/checkout-sessions/:id/payment/authenticate', summary: 'Simulated provider: complete or cancel the card challenge', tag: 'Checkout', auth: 'publishable',
    params: CheckoutSessionParams, body: PaymentAuthenticate, response: CheckoutSession, errors: [404, 409],
  },
  completeCheckoutSession: {
    method: 'post', path: '/v1/checkout-sessions/:id/complete', summary: 'Place the order (honours Idempotency-Key): the order, requires_action, or a 402 card_error', tag: 'Checkout', auth: 'publishable',
    params: CheckoutSessionParams, body: CheckoutComplete, response: CheckoutCompletion, errors: [402, 404, 409],
  },
  getOrder: {
    method: 'get', path: '/v1/orders/:id', summary: 'An order, with its access token (in the Shoptag-Order-Token header) or a secret key', tag: 'Orders', auth: 'publishable',
    params: OrderParams, headers: OrderTokenHeaders, query: OrderTokenQuery, response: Order, errors: [404],
  },
  stripeWebhook: {
    method: 'post', path: '/v1/webhooks/stripe', summary: 'Stripe events, verified by the Stripe-Signature header over the raw body', tag: 'Checkout', auth: 'none',
    response: z.object({ received: z.literal(true), duplicate: z.boolean() }),
  },
  listOrders: { method: 'get', path: '/v1/admin/orders', summary: 'List orders, newest first', tag: 'Admin', auth: 'secret', query: OrderListQuery, response: OrderList },
  adminGetOrder: { method: 'get', path: '/v1/admin/orders/:id', summary: 'One order', tag: 'Admin', auth: 'secret', params: OrderParams, response: Order, errors: [404] },
  fulfilOrder: {
    method: 'post', path: '/v1/admin/orders/:id/fulfil', summary: 'Mark a paid order fulfilled (carrier, tracking number)', tag: 'Admin', auth: 'secret',
    params: OrderParams, body: OrderFulfil, response: Order, errors: [404, 409],
  },
  deliverOrder: { method: 'post', path: '/v1/admin/orders/:id/deliver', summary: 'Mark a fulfilled order delivered', tag: 'Admin', auth: 'secret', params: OrderParams, response: Order, errors: [404, 409] },
  cancelOrder: {
    method: 'post', path: '/v1/admin/orders/:id/cancel', summary: 'Cancel an unshipped order: stock back on hand, payment refunded or released', tag: 'Admin', auth: 'secret',
    params: OrderParams, body: OrderCancel, response: Order, errors: [404, 409],
  },
  refundOrder: {
    method: 'post', path: '/v1/admin/orders/:id/refunds', summary: 'Refund in full or in part, optionally restocking', tag: 'Admin', auth: 'secret',
    params: OrderParams, body: RefundCreate, response: Order, errors: [404, 409],
  },
  resolveOrder: {
    method: 'post', path: '/v1/admin/orders/:id/resolve', summary: 'Finish a pending order by hand: capture its payment, or cancel it (authorization voided, stock returned)', tag: 'Admin', auth: 'secret',
    params: OrderParams, body: OrderResolve, response: Order, errors: [404, 409],
  },
  listUnresolvedPayments: {
    method: 'get', path: '/v1/admin/payments/unresolved', summary: 'Pending orders and unfinished checkouts the recovery job has not finished, oldest first', tag: 'Admin', auth: 'secret',
    query: UnresolvedPaymentQuery, response: UnresolvedPaymentList,
  },
} satisfies Record<string, RouteSpec>;
export type RouteId = keyof typeof ROUTES;
