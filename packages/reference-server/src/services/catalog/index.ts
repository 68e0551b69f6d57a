// The catalog domain: storefront reads (products, categories, related), admin writes, the Shopify
// CSV import (run as background jobs) and the product HTML sanitizer. Other domains import it only
// through this file.
export { createCatalogService, type CatalogService, type CatalogServiceDeps } from './catalog-service.js';
export { createAdminCatalogService, type AdminCatalogService, type AdminCatalogDeps } from './admin-catalog-service.js';
export { createProductFragments, type ProductFragments, type ProductFragmentsOptions } from './product-fragments.js';
export { createProductHydrator, type ProductHydrator } from './product-hydrator.js';
export {
  createShopifyImporter,
  MAX_PRODUCT_ROWS,
  type ImportEnd,
  type ImportProgress,
  type ImportRunOptions,
  type ShopifyImporter,
  type ShopifyImportDeps,
} from './shopify-import.js';
export { textSource, type CsvSource } from './csv-records.js';
export {
  createImportJobs,
  DEFAULT_ABANDON_AFTER_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MAX_PENDING,
  type ImportJobs,
  type ImportJobsDeps,
} from './import-jobs.js';
