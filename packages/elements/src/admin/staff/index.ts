// The staff area: accounts, invitations and roles (owners only).
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminStaff } from './staff-screen.js';

defineElement(ShopAdminStaff);

export { ShopAdminStaff };
