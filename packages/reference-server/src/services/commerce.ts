import type { Cache } from '../cache/cache.js';
import type { Clock } from '../clock.js';
import type { CommerceConfig } from '../config.js';
import type { MetricsSink } from '../metrics/metrics-sink.js';
import type { Db } from '../store/db.js';
import type { PricingConfig } from './pricing/index.js';
import { createCartService, type CartService } from './cart/index.js';
import { createCouponService, type CouponService } from './coupons/index.js';
import {
  createInventoryService,
  type InventoryService,
  createReservationService,
  type ReservationService,
} from './inventory/index.js';

/** The services behind carts, coupons and stock, built together because they share their deps. */
export interface CommerceServices {
  carts: CartService;
  coupons: CouponService;
  inventory: InventoryService;
  reservations: ReservationService;
}

export function createCommerceServices(deps: {
  db: Db;
  cache: Cache;
  clock: Clock;
  config: CommerceConfig;
  /** Counts stock holds (default: nothing counted). */
  metrics?: MetricsSink;
  /** Pricing in force per request (the shop's saved settings); default `config.pricing`, fixed. */
  pricing?: () => Promise<PricingConfig>;
}): CommerceServices {
  const { db, cache, clock, config } = deps;
  const live = deps.pricing;
  const coupons = createCouponService({
    db,
    clock,
    currency: live ? async () => (await live()).currency : config.pricing.currency,
  });
  return {
    coupons,
    carts: createCartService({
      db,
      clock,
      coupons,
      pricing: live ?? config.pricing,
      maxLineQuantity: config.maxLineQuantity,
      cartTtlMs: config.cartTtlMs,
    }),
    inventory: createInventoryService({ db, cache, clock }),
    reservations: createReservationService({
      db,
      cache,
      clock,
      holdTtlMs: config.holdTtlMs,
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
    }),
  };
}
