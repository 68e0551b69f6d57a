// The catalog domain: storefront reads (products, categories, related), admin writes, the Shopify
// CSV import and the product HTML sanitizer. Other domains import it only through this file.
export { createCatalogService, type CatalogService, type CatalogServiceDeps } from './catalog-service.js';
export { createAdminCatalogService, type AdminCatalogService, type AdminCatalogDeps } from './admin-catalog-service.js';
export { createProductFragments, type ProductFragments, type ProductFragmentsOptions } from './product-fragments.js';
export { createProductHydrator, type ProductHydrator } from './product-hydrator.js';
export {
  createShopifyImporter,
  type ImportProgress,
  type ShopifyImporter,
  type ShopifyImportDeps,
} from './shopify-import.js';
