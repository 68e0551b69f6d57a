/**
 * Registers every Shoptag tag (skipping any already defined): `import '@shoptag/elements/define'`.
 * The store comes first so the elements inside it find it as they upgrade.
 */
import { defineElement } from './internal/define-element.js';
import { ShopStore } from './store/store.js';
import { ShopProductGrid } from './product-grid/product-grid.js';
import { ShopProductCard } from './product-card/product-card.js';
import { ShopMoney } from './money/money.js';
import { ShopBuyButton } from './buy-button/buy-button.js';
import { ShopCart } from './cart/cart.js';
import { ShopCartButton } from './cart-button/cart-button.js';
import { ShopImage } from './image/image.js';
import { ShopProduct } from './product/product.js';
import { ShopRelatedProducts } from './related-products/related-products.js';
import { ShopSearch } from './search/search.js';
import { ShopFacets } from './facets/facets.js';
import { ShopCheckout } from './checkout/checkout.js';
import { ShopOrder } from './order/order.js';

for (const element of [
  ShopStore,
  ShopProductGrid,
  ShopProductCard,
  ShopMoney,
  ShopImage,
  ShopProduct,
  ShopRelatedProducts,
  ShopSearch,
  ShopFacets,
  ShopBuyButton,
  ShopCart,
  ShopCartButton,
  ShopCheckout,
  ShopOrder,
])
  defineElement(element);
