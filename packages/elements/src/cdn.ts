/**
 * The CDN script `shoptag.js`: `<script type="module" src="https://shop.example.com/shoptag.js">`.
 * It defines each tag the first time the page uses it, loading that element's chunk (resolved next
 * to this script, from any origin), so a page with only a grid downloads only the grid.
 */
import { defineElement, type DefinableElement } from './internal/define-element.js';

// The default endpoint is the origin that served this script (read by internal/script-origin.ts;
// the symbol is spelled out here so the entry imports nothing from the element chunks).
(globalThis as { [key: symbol]: unknown })[Symbol.for('shoptag.scriptOrigin')] ??= new URL(import.meta.url).origin;

const LOADERS: Readonly<Record<string, () => Promise<DefinableElement>>> = {
  'shop-store': () => import('./store/store.js').then((m) => m.ShopStore),
  'shop-product-grid': () => import('./product-grid/product-grid.js').then((m) => m.ShopProductGrid),
  'shop-product-card': () => import('./product-card/product-card.js').then((m) => m.ShopProductCard),
  'shop-money': () => import('./money/money.js').then((m) => m.ShopMoney),
  'shop-buy-button': () => import('./buy-button/buy-button.js').then((m) => m.ShopBuyButton),
  'shop-cart': () => import('./cart/cart.js').then((m) => m.ShopCart),
  'shop-cart-button': () => import('./cart-button/cart-button.js').then((m) => m.ShopCartButton),
  'shop-image': () => import('./image/image.js').then((m) => m.ShopImage),
  'shop-product': () => import('./product/product.js').then((m) => m.ShopProduct),
  'shop-related-products': () =>
    import('./related-products/related-products.js').then((m) => m.ShopRelatedProducts),
  'shop-search': () => import('./search/search.js').then((m) => m.ShopSearch),
  'shop-facets': () => import('./facets/facets.js').then((m) => m.ShopFacets),
  'shop-checkout': () => import('./checkout/checkout.js').then((m) => m.ShopCheckout),
  'shop-order': () => import('./order/order.js').then((m) => m.ShopOrder),
};
const SELECTOR = Object.keys(LOADERS).join(',');
const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  LOADERS[tag]!()
    .then(defineElement)
    .catch((err: unknown) => {
      requested.delete(tag);
      console.error(`[shoptag E001] could not load <${tag}>:`, err);
    });
}

function scan(root: ParentNode): void {
  for (const el of root.querySelectorAll(SELECTOR)) load(el.localName);
}

// Watch before scanning: tags the parser or a framework adds later are caught as they arrive.
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (Object.hasOwn(LOADERS, node.localName)) load(node.localName);
      scan(node);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
scan(document);
