/**
 * `@shoptag/sdk/admin`: a typed client for the admin API — the console's, and back-office
 * scripts' with a secret key. Kept apart from the storefront client so shop pages never load it.
 */
export { createAdminClient } from './admin-client.js';
export type { AdminClient, AdminClientOptions } from './admin-client.js';
export type { SessionResource } from './session.js';
export type { StaffResource } from './staff.js';
export type { AuditLogResource } from './audit-log.js';
export type { AccountResource } from './account.js';
export type {
  StaffMember,
  StaffList,
  StaffInvite,
  StaffUpdate,
  AuditLogEntry,
  AuditLogList,
  AuditLogQuery,
  PasswordResetAccepted,
  PasswordResetComplete,
  StaffSetup,
} from '../contract/staff.js';
export type { AdminOrdersResource } from './orders.js';
export type {
  Order,
  OrderItem,
  OrderList,
  OrderListQuery,
  OrderStatus,
  OrderFulfil,
  OrderFulfillmentStatus,
  OrderPaymentStatus,
  Fulfillment,
  Refund,
  RefundCreate,
} from '../contract/orders.js';
export type { OrderEvent, OrderEventList, RefundPreview } from '../contract/order-admin.js';
export type { SettingsResource } from './settings.js';
export type { CouponsResource } from './coupons.js';
export type { KeysResource } from './keys.js';
export type {
  ShopSettings,
  ShopSettingsUpdate,
  ShippingZoneSetting,
  ShippingMethodSetting,
  TaxRateSetting,
  SettingSource,
} from '../contract/settings.js';
export type {
  Coupon,
  CouponCreate,
  CouponUpdate,
  CouponList,
  CouponListQuery,
  CouponStatus,
  CouponUsage,
  CouponRedemption,
} from '../contract/coupons.js';
export type { ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyList } from '../contract/keys.js';
export { toKeyOrigin } from '../contract/key-origin.js';
export type { AdminProductsResource, DeletedProductAnswer, ImageFile } from './products.js';
export type { AdminInventoryResource } from './inventory.js';
export type { AdminImportsResource } from './imports.js';
export type {
  AdminProduct,
  AdminProductList,
  AdminProductListQuery,
  AdminProductSummary,
  AdminProductSort,
  AdminStockFilter,
  ProductCreate,
  ProductUpdate,
  ProductStatus,
  VariantInput,
  ImageUpdate,
  ImageUploadQuery,
  InventoryLevel,
  InventoryLevelList,
  InventoryMovement,
  InventoryMovementList,
  InventorySet,
  InventoryAdjust,
  StockReason,
  MovementReason,
  ImportJob,
  ImportSkip,
  ImportProductOutcome,
} from '../contract/index.js';
export type { StaffSession, StaffSignIn, Staff, StaffRole } from '../contract/staff.js';
export { formatMoney, currencyExponent, decimalToMinor, minorToDecimalString } from '../money.js';
