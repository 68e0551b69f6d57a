// The settings area's chunk: defines its screen.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminSettings } from './settings-screen.js';

defineElement(ShopAdminSettings);

export { ShopAdminSettings };
