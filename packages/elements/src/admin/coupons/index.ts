// The coupons area's chunk: the list and the create/edit screen.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminCoupon } from './coupon-screen.js';
import { ShopAdminCoupons } from './coupons-screen.js';

defineElement(ShopAdminCoupons);
defineElement(ShopAdminCoupon);

export { ShopAdminCoupons, ShopAdminCoupon };
