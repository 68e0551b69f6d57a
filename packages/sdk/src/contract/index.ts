/**
 * The wire contract of the Shoptag API: zod schemas and the types inferred from them.
 * The server validates with these schemas; the SDK imports their types only.
 */
export { CurrencyCode, Money } from './money.js';
export { currencyExponent, decimalToMinor, minorToDecimalString, DEFAULT_CURRENCY_EXPONENT } from './currency.js';
export { ERROR_TYPES, ErrorType, ErrorBody } from './errors.js';
export type { ErrorObject } from './errors.js';
export { PageQuery, listOf, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './pagination.js';
export type { List } from './pagination.js';
export { queryInt, queryBoolean, queryList } from './query.js';
export { MAX_AMOUNT, MAX_INT32 } from './limits.js';
export {
  ProductImage,
  ProductOption,
  ProductVariant,
  CategoryRef,
  Rating,
  Product,
  PRODUCT_SORTS,
  ProductSort,
  ProductFilters,
  ProductListQuery,
  ProductList,
  ProductIdOrHandle,
  Category,
  CategoryTree,
  CategoryIdOrSlug,
} from './catalog.js';
export type { ProductListQueryParsed } from './catalog.js';
export { ImageSource, ProductSeo, INVENTORY_POLICIES, InventoryPolicy } from './catalog.js';
export {
  FACET_NAMES,
  FacetName,
  PRICE_FACET_BOUNDS,
  SearchFilters,
  SearchQuery,
  SearchFacets,
  SearchResult,
  MAX_SUGGESTIONS,
  SuggestQuery,
  Suggestion,
  SuggestResult,
  RelatedQuery,
  RelatedList,
} from './search.js';
export type { SearchQueryParsed } from './search.js';
export {
  PRODUCT_STATUSES,
  ProductStatus,
  VariantInput,
  ImageInput,
  SeoInput,
  ProductCreate,
  ProductUpdate,
  ProductImportCsv,
  AdminProduct,
  DeletedProduct,
  WebUrl,
  isWebUrl,
  ADMIN_PRODUCT_SORTS,
  AdminProductSort,
  ADMIN_STOCK_FILTERS,
  AdminStockFilter,
  AdminProductListQuery,
  AdminProductSummary,
  AdminProductList,
  UPLOAD_IMAGE_TYPES,
  MAX_IMAGE_UPLOAD_BYTES,
  ImageUploadBody,
  ImageUploadQuery,
  ImageUpdate,
  ImageParams,
} from './admin-products.js';
export {
  MAX_IMPORT_ERRORS,
  IMPORT_JOB_STATUSES,
  ImportJobStatus,
  ImportJobId,
  ImportJobParams,
  ImportSkip,
  MAX_IMPORT_REPORT,
  IMPORT_OUTCOMES,
  ImportProductOutcome,
  ImportJob,
  isImportFinished,
} from './imports.js';
export type { ProductCreateParsed, ProductUpdateParsed } from './admin-products.js';
export {
  CartId,
  CartLineId,
  VariantId,
  CountryCode,
  ABSOLUTE_MAX_QUANTITY,
  CartItemCreate,
  CartItemUpdate,
  CartCreate,
  CartCouponApply,
  CartParams,
  CartLineParams,
  CartLine,
  COUPON_TYPES,
  CouponType,
  CartCoupon,
  CartTotals,
  Cart,
} from './carts.js';
export {
  InventoryQuery,
  Availability,
  AvailabilityList,
  InventoryLevel,
  InventoryLevelList,
  InventoryParams,
  MAX_ON_HAND,
  InventorySet,
  InventoryAdjust,
  STOCK_REASONS,
  StockReason,
  MOVEMENT_REASONS,
  MovementReason,
  MAX_STOCK_NOTE,
  InventoryMovement,
  InventoryMovementList,
  InventoryHistoryQuery,
  DEFAULT_LOW_STOCK_THRESHOLD,
  LowStockQuery,
  HoldId,
  HoldCreate,
  HoldParams,
  InventoryHold,
  HoldReleased,
} from './inventory.js';
export {
  CouponCode,
  CouponId,
  CouponParams,
  Coupon,
  CouponCreate,
  CouponUpdate,
  CouponListQuery,
  CouponList,
  CouponDeleted,
  COUPON_STATUSES,
  CouponStatus,
  CouponUsageQuery,
  CouponRedemption,
  CouponUsage,
} from './coupons.js';
export {
  API_KEY_KINDS,
  API_KEY_MODES,
  ApiKeyKind,
  ApiKeyMode,
  ApiKeyId,
  ApiKeyParams,
  KeyOrigin,
  toKeyOrigin,
  ApiKey,
  ApiKeyCreated,
  ApiKeyCreate,
  ApiKeyRotate,
  ApiKeyOriginsUpdate,
  ApiKeyListQuery,
  ApiKeyList,
} from './keys.js';
export { ORDER_TOKEN_HEADER } from './headers.js';
export { ADDRESS_COUNTRIES, DEFAULT_ADDRESS_RULES, addressRules, compactPhone } from './address-countries.js';
export type { CountryAddressRules } from './address-countries.js';
export { Address } from './address.js';
export type { AddressInput } from './address.js';
export {
  CheckoutSessionId,
  CheckoutSessionParams,
  CHECKOUT_STATUSES,
  CheckoutStatus,
  ShippingRate,
  ShippingRateList,
  CheckoutSessionCreate,
  CheckoutSessionUpdate,
  CheckoutTotals,
  PAYMENT_PROVIDERS,
  PaymentProviderKind,
  PAYMENT_STATUSES,
  PaymentStatus,
  CheckoutSession,
  PaymentStart,
  CheckoutComplete,
  PaymentAuthenticate,
  CheckoutRequiresAction,
} from './checkout.js';
export {
  OrderId,
  OrderParams,
  OrderTokenQuery,
  OrderTokenHeaders,
  ORDER_STATUSES,
  OrderStatus,
  OrderItem,
  Refund,
  OrderTotals,
  PaymentCard,
  Order,
  CheckoutCompletion,
  OrderListQuery,
  OrderList,
  OrderFulfil,
  OrderCancel,
  RefundCreate,
  OrderLineQuantity,
  RefundLine,
  Fulfillment,
  ORDER_FULFILLMENT_STATUSES,
  OrderFulfillmentStatus,
  ORDER_PAYMENT_STATUSES,
  OrderPaymentStatus,
} from './orders.js';
export {
  RefundPreview,
  ORDER_EVENT_TYPES,
  OrderEventType,
  OrderEventActor,
  OrderEvent,
  OrderEventQuery,
  OrderEventList,
  OrderNoteCreate,
} from './order-admin.js';
export {
  RECOVERY_ACTORS,
  RecoveryEvent,
  UnresolvedPayment,
  UnresolvedPaymentList,
  UnresolvedPaymentQuery,
  OrderResolve,
} from './recovery.js';
export {
  ShippingRateRule,
  ShippingMethodSetting,
  ShippingZoneSetting,
  ShippingSettings,
  TaxRateSetting,
  TaxSettings,
  SettingSource,
  ShopSettings,
  ShopSettingsUpdate,
  checkShippingZones,
} from './settings.js';
export { Health, Liveness } from './health.js';
export { OpenApiDocument } from './openapi-document.js';
export { ROUTES } from './routes.js';
export type { RouteSpec, RouteAuth, RouteId } from './routes.js';
export { buildOpenApiDocument } from './openapi.js';
export {
  STAFF_ROLES,
  StaffRole,
  STAFF_SESSION_COOKIE,
  CSRF_HEADER,
  StaffEmail,
  Staff,
  StaffSignIn,
  StaffSession,
} from './staff.js';
