import type {
  Coupon,
  CouponCreate,
  CouponList,
  CouponListQuery,
  CouponUpdate,
  CouponUsage,
  CouponUsageQuery,
} from '../contract/coupons.js';
import type { RequestOptions, Transport } from '../request.js';

/** Discount codes: `admin.coupons`. Amounts are minor units of the shop currency. */
export interface CouponsResource {
  /** Newest first; narrow by `status` (active, scheduled, expired, used_up, disabled), `type` or code text `q`. */
  list(query?: CouponListQuery, options?: RequestOptions): Promise<CouponList>;
  get(id: string, options?: RequestOptions): Promise<Coupon>;
  create(input: CouponCreate, options?: RequestOptions): Promise<Coupon>;
  update(id: string, change: CouponUpdate, options?: RequestOptions): Promise<Coupon>;
  /** Stops the code applying to carts (orders already placed keep their discount). */
  disable(id: string, options?: RequestOptions): Promise<Coupon>;
  enable(id: string, options?: RequestOptions): Promise<Coupon>;
  /** How often it was used, by which orders (newest first), and the discount it gave in all. */
  usage(id: string, query?: CouponUsageQuery, options?: RequestOptions): Promise<CouponUsage>;
  delete(id: string, options?: RequestOptions): Promise<{ object: 'coupon'; id: string; deleted: true }>;
}

export function createCouponsResource(send: Transport): CouponsResource {
  const path = (id: string) => `/admin/coupons/${encodeURIComponent(id)}`;
  const update = (id: string, change: CouponUpdate, options: RequestOptions = {}) =>
    send<Coupon>({ method: 'PATCH', path: path(id), body: change, ...options });
  return {
    list: (query = {}, options = {}) => send<CouponList>({ method: 'GET', path: '/admin/coupons', query, ...options }),
    get: (id, options = {}) => send<Coupon>({ method: 'GET', path: path(id), ...options }),
    create: (input, options = {}) => send<Coupon>({ method: 'POST', path: '/admin/coupons', body: input, ...options }),
    update,
    disable: (id, options) => update(id, { active: false }, options),
    enable: (id, options) => update(id, { active: true }, options),
    usage: (id, query = {}, options = {}) =>
      send<CouponUsage>({ method: 'GET', path: `${path(id)}/usage`, query, ...options }),
    delete: (id, options = {}) =>
      send<{ object: 'coupon'; id: string; deleted: true }>({ method: 'DELETE', path: path(id), ...options }),
  };
}
