// The products area of the console: list, editor and the editor's images.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminProductImages } from './product-images.js';
import { ShopAdminProduct } from './product-editor-screen.js';
import { ShopAdminProducts } from './products-screen.js';

defineElement(ShopAdminProducts);
defineElement(ShopAdminProductImages);
defineElement(ShopAdminProduct);

export { ShopAdminProducts, ShopAdminProduct, ShopAdminProductImages };
