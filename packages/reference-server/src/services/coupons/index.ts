// The coupons domain: coupon CRUD, whether a coupon applies now, and redemption at order
// placement (the arithmetic of a discount is the pricing domain's). Other domains import it only through this file.
export {
  couponProblem,
  couponStatus,
  createCouponService,
  toCouponEffect,
  type CouponProblem,
  type CouponService,
  type CouponServiceDeps,
} from './coupon-service.js';
