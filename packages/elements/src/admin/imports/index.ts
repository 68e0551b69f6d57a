// The import area of the console: Shopify CSV upload, progress and report.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminImport } from './import-screen.js';

defineElement(ShopAdminImport);

export { ShopAdminImport };
