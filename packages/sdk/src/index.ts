/**
 * @shoptag/sdk — a typed client for the Shoptag storefront API.
 * @packageDocumentation
 */
export { createShopClient } from './client.js';
export type { ShopClient, ShopClientOptions } from './client.js';
export type { ProductsResource } from './resources/products.js';
export type { CategoriesResource } from './resources/categories.js';
export type { CartsResource } from './resources/carts.js';
export type { InventoryResource } from './resources/inventory.js';
export type { CheckoutResource } from './resources/checkout.js';
export type { OrdersResource } from './resources/orders.js';
export { createCheckoutStore, reachableStep, checkoutSteps, CHECKOUT_STEPS } from './stores/checkout-store.js';
export type { CheckoutStore, CheckoutState, CheckoutStep, CheckoutStatus } from './stores/checkout-store.js';
export { createMemoryStorage } from './storage.js';
export type { KeyValueStorage } from './storage.js';
export { createCartStore } from './stores/cart-store.js';
export type { CartStore, CartStoreOptions, CartStatus } from './stores/cart-store.js';
export { getCartStore } from './stores/cart-registry.js';
export { createProductListStore } from './stores/product-list-store.js';
export type {
  ProductListStore,
  ProductListStoreQuery,
  ProductListState,
  ProductListStatus,
  ProductListOutcome,
} from './stores/product-list-store.js';
export type { SearchResource } from './resources/search.js';
export type { RequestOptions } from './request.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './request.js';
export {
  ShopError,
  InvalidRequestError,
  AuthenticationError,
  RateLimitError,
  CardError,
  IdempotencyError,
  ApiError,
  ConnectionError,
  createShopError,
  isShopError,
} from './errors.js';
export type { ShopErrorType, ShopErrorInit } from './errors.js';
export { formatMoney, currencyExponent, decimalToMinor, minorToDecimalString } from './money.js';
export { formatAddress } from './address/format-address.js';
export type { FormatAddressOptions } from './address/format-address.js';
export {
  isPurchasable,
  findVariant,
  initialSelection,
  optionValueState,
  nearestAvailable,
  changedOptions,
  clothingSizeRank,
  compareOptionValues,
  stockOf,
  purchasableQuantity,
  backorderedUnits,
  showsStockCount,
} from './catalog/index.js';
export type { OptionSelection, OptionValueState, StockInfo } from './catalog/index.js';

// Wire types, inferred from the contract's zod schemas (types only: zod stays out of the bundle).
export type { Money, CurrencyCode } from './contract/money.js';
export type { ErrorType, ErrorBody, ErrorObject } from './contract/errors.js';
export type { List } from './contract/pagination.js';
export type {
  Product,
  ProductImage,
  ProductOption,
  ProductVariant,
  InventoryPolicy,
  ProductSort,
  ProductList,
  ProductListQuery,
  Category,
  CategoryRef,
  CategoryTree,
  Rating,
} from './contract/catalog.js';
export type { Health, Liveness } from './contract/health.js';
export type {
  Cart,
  CartLine,
  CartCoupon,
  CartTotals,
  CartCreate,
  CartItemCreate,
  CouponType,
} from './contract/carts.js';
export type { Availability, AvailabilityList } from './contract/inventory.js';
export type { Address, AddressInput } from './contract/address.js';
// Plain data (no zod): the per-country rules the contract's Address schema checks, for forms that check before sending.
export { addressRules, compactPhone, type CountryAddressRules } from './contract/address-countries.js';
export { EMAIL_PATTERN } from './contract/email-pattern.js';
export type {
  CheckoutSession,
  CheckoutSessionUpdate,
  CheckoutTotals,
  CheckoutStatus as CheckoutSessionStatus,
  ShippingRate,
  ShippingRateList,
  PaymentStart,
  PaymentStatus,
  PaymentProviderKind,
  CheckoutComplete,
  CheckoutRequiresAction,
} from './contract/checkout.js';
export type {
  Order,
  OrderItem,
  OrderStatus,
  OrderTotals,
  PaymentCard,
  Refund,
  RefundLine,
  Fulfillment,
  OrderFulfillmentStatus,
  OrderPaymentStatus,
  CheckoutCompletion,
} from './contract/orders.js';
export type {
  SearchQuery,
  SearchResult,
  SearchFacets,
  FacetName,
  SuggestQuery,
  Suggestion,
  SuggestResult,
  RelatedList,
} from './contract/search.js';
export type { ProductSeo, ImageSource } from './contract/catalog.js';
