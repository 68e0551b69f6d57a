/**
 * @shoptag/elements — Lit custom elements for Shoptag. Importing this module registers nothing;
 * import `@shoptag/elements/define` (or call `customElements.define` yourself) to use the tags.
 * @packageDocumentation
 */
export { ShopStore } from './store/store.js';
export { ShopProductGrid } from './product-grid/product-grid.js';
export { ShopProductCard } from './product-card/product-card.js';
export { ShopMoney } from './money/money.js';
export { ShopProductsLoadedEvent } from './events/products-loaded.js';
export type { ShopProductsLoadedDetail } from './events/products-loaded.js';
export { ShopProductSelectEvent } from './events/product-select.js';
export type { ShopProductSelectDetail } from './events/product-select.js';
export { ShopErrorEvent } from './events/error.js';
export type { ShopErrorDetail } from './events/error.js';
export { shopStoreContext } from './internal/store-context.js';
export type { ShopStoreValue } from './internal/store-context.js';
export type { ShoptagPageConfig } from './internal/page-config.js';
