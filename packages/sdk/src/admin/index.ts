/**
 * `@shoptag/sdk/admin`: a typed client for the admin API — the console's, and back-office
 * scripts' with a secret key. Kept apart from the storefront client so shop pages never load it.
 */
export { createAdminClient } from './admin-client.js';
export type { AdminClient, AdminClientOptions } from './admin-client.js';
export type { SessionResource } from './session.js';
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
