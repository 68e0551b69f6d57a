/**
 * @shoptag/elements — Lit custom elements for Shoptag. Importing this module registers nothing;
 * import `@shoptag/elements/define` (or call `customElements.define` yourself) to use the tags.
 * @packageDocumentation
 */
export { ShopStore } from './store/store.js';
export type { ShopTheme } from './store/store.js';
export { ShopProductGrid } from './product-grid/product-grid.js';
export { ShopProductCard } from './product-card/product-card.js';
export { ShopMoney } from './money/money.js';
export { ShopBuyButton } from './buy-button/buy-button.js';
export type { BuyButtonMode, BuyButtonShown } from './buy-button/buy-button.js';
export { ShopCart } from './cart/cart.js';
export { ShopCartButton } from './cart-button/cart-button.js';
export { ShopAddToCartEvent } from './events/add-to-cart.js';
export type { ShopAddToCartDetail } from './events/add-to-cart.js';
export { ShopRemoveFromCartEvent } from './events/remove-from-cart.js';
export type { ShopRemoveFromCartDetail } from './events/remove-from-cart.js';
export { ShopCartChangeEvent } from './events/cart-change.js';
export type { ShopCartChangeDetail } from './events/cart-change.js';
export type { AnalyticsEcommerce, AnalyticsItem } from './internal/analytics.js';
export { ShopImage } from './image/image.js';
export { ShopProduct } from './product/product.js';
export { ShopRelatedProducts } from './related-products/related-products.js';
export { ShopSearch } from './search/search.js';
export { ShopFacets } from './facets/facets.js';
export { ShopCheckout } from './checkout/checkout.js';
export { ShopOrder } from './order/order.js';
export { ShopCheckoutCompleteEvent } from './events/checkout-complete.js';
export type { ShopCheckoutCompleteDetail } from './events/checkout-complete.js';
export { ShopVariantChangeEvent } from './events/variant-change.js';
export type { ShopVariantChangeDetail } from './events/variant-change.js';
export { ShopSearchEvent } from './events/search.js';
export type { ShopSearchDetail } from './events/search.js';
export { ShopProductsLoadedEvent } from './events/products-loaded.js';
export type { ShopProductsLoadedDetail } from './events/products-loaded.js';
export { ShopProductSelectEvent } from './events/product-select.js';
export type { ShopProductSelectDetail } from './events/product-select.js';
export { ShopErrorEvent } from './events/error.js';
export type { ShopErrorDetail } from './events/error.js';
export { shopStoreContext } from './internal/store-context.js';
export type { ShopStoreValue } from './internal/store-context.js';
export type { ShoptagPageConfig } from './internal/page-config.js';
export { registerMessages, SHIPPED_LANGUAGES } from './i18n/catalogues.js';
export type { MessageKey, MessageOverrides, Catalogue } from './i18n/catalogues.js';
export type { Message, PluralMessage, MessageParams } from './i18n/message.js';
