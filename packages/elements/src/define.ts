/**
 * Registers every Shoptag tag (skipping any already defined): `import '@shoptag/elements/define'`.
 * The store comes first so the elements inside it find it as they upgrade.
 */
import { defineElement } from './internal/define-element.js';
import { ShopStore } from './store/store.js';
import { ShopProductGrid } from './product-grid/product-grid.js';
import { ShopProductCard } from './product-card/product-card.js';
import { ShopMoney } from './money/money.js';

for (const element of [ShopStore, ShopProductGrid, ShopProductCard, ShopMoney]) defineElement(element);
