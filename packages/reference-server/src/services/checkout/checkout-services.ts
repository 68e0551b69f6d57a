import type { Order } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';
import type { CommerceServices } from '../commerce.js';
import { createIdempotencyService, type IdempotencyService } from '../http/index.js';
import type { CheckoutPricingConfig } from '../pricing/index.js';
import { createCheckoutService, type CheckoutService } from './checkout-service.js';
import { createOrderPlacement } from './order-placement.js';
import { createOrderService, type OrderService } from './order-service.js';
import { createOrderViews } from './order-views.js';
import { createWebhookService, type WebhookService } from './webhook-service.js';

/** Checkout sessions, orders, payment webhooks and stored idempotent responses. */
export interface CheckoutServices {
  sessions: CheckoutService;
  orders: OrderService;
  webhooks: WebhookService;
  idempotency: IdempotencyService;
  payments: PaymentProvider;
}

export interface CheckoutServicesDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  commerce: CommerceServices;
  payments: PaymentProvider;
  pricing: CheckoutPricingConfig;
  holdTtlMs: number;
  /** Called once per order placed (the confirmation email). */
  onOrderPlaced?: (order: Order) => Promise<void>;
}

export function createCheckoutServices(deps: CheckoutServicesDeps): CheckoutServices {
  const { db, clock, logger, payments } = deps;
  const views = createOrderViews(db);
  const placement = createOrderPlacement({
    db, clock, logger, payments, reservations: deps.commerce.reservations, coupons: deps.commerce.coupons, pricing: deps.pricing, orders: views,
    ...(deps.onOrderPlaced ? { onPlaced: deps.onOrderPlaced } : {}),
  });
  return {
    sessions: createCheckoutService({ db, clock, logger, reservations: deps.commerce.reservations, payments, placement, pricing: deps.pricing, holdTtlMs: deps.holdTtlMs }),
    orders: createOrderService({ db, clock, payments, reservations: deps.commerce.reservations, views }),
    webhooks: createWebhookService({ db, clock, logger, payments, placement }),
    idempotency: createIdempotencyService({ db, clock }),
    payments,
  };
}
