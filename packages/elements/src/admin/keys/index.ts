// The keys area's chunk: defines its screen.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminKeys } from './keys-screen.js';

defineElement(ShopAdminKeys);

export { ShopAdminKeys };
