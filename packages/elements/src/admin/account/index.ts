// The screens reachable without signing in: password reset and the first owner's setup.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminReset } from './reset-screen.js';
import { ShopAdminSetup } from './setup-screen.js';

defineElement(ShopAdminReset);
defineElement(ShopAdminSetup);

export { ShopAdminReset, ShopAdminSetup };
