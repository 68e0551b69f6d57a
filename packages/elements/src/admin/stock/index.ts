// The stock area of the console: the low-stock list and each variant's stock page.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminStock } from './stock-screen.js';
import { ShopAdminVariantStock } from './variant-stock-screen.js';

defineElement(ShopAdminStock);
defineElement(ShopAdminVariantStock);

export { ShopAdminStock, ShopAdminVariantStock };
