import type { Order } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import {
  DEFAULT_RECOVERY_AFTER_SECONDS,
  DEFAULT_RECOVERY_INTERVAL_SECONDS,
  type RecoveryConfig,
} from '../../config.js';
import { noFaults, type FaultInjector } from '../../fault-injection.js';
import type { Logger } from '../../logger.js';
import type { MetricsSink } from '../../metrics/metrics-sink.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';
import type { CommerceServices } from '../commerce.js';
import { createIdempotencyService, type IdempotencyService } from '../http/index.js';
import type { CheckoutPricingSource } from '../pricing/index.js';
import { createCheckoutEnding } from './checkout-ending.js';
import { createCheckoutService, type CheckoutService } from './checkout-service.js';
import { createOrderPlacement } from './order-placement.js';
import type { OrderNotifier } from './order-notifier.js';
import { createOrderService, type OrderService } from './order-service.js';
import { createOrderFulfillmentRepository } from '../../store/order-fulfillment-repository.js';
import { createOrderSettlement } from './order-settlement.js';
import { createOrderViews } from './order-views.js';
import { createPlacementRecovery, type PlacementRecovery } from './placement-recovery.js';
import { createWebhookService, type WebhookService } from './webhook-service.js';

/** Checkout sessions, orders, payment webhooks, crash recovery and stored idempotent responses. */
export interface CheckoutServices {
  sessions: CheckoutService;
  orders: OrderService;
  webhooks: WebhookService;
  /** Finishes placements cut short (run periodically by `startRecoveryJob`, once by `shoptag-server recover`). */
  recovery: PlacementRecovery;
  idempotency: IdempotencyService;
  payments: PaymentProvider;
}

/** Defaults of the recovery settings for callers that do not pass them (tests). */
export const DEFAULT_RECOVERY: RecoveryConfig = {
  intervalMs: DEFAULT_RECOVERY_INTERVAL_SECONDS * 1000,
  afterMs: DEFAULT_RECOVERY_AFTER_SECONDS * 1000,
};

export interface CheckoutServicesDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  commerce: CommerceServices;
  payments: PaymentProvider;
  /** Fixed, or read per request from the shop's settings. */
  pricing: CheckoutPricingSource;
  holdTtlMs: number;
  /** Called once per order placed, when it is paid (the confirmation email). */
  onOrderPlaced?: (order: Order) => Promise<void>;
  /** Emails the shopper each shipment and refund (default: nobody is told). */
  notifier?: OrderNotifier;
  /** When recovery considers a placement abandoned (default {@link DEFAULT_RECOVERY}). */
  recovery?: RecoveryConfig;
  /** Lease of a running request's Idempotency-Key (default 6 s, renewed while the request runs). */
  idempotencyLeaseMs?: number;
  /** Test-only crash points (`SHOPTAG_FAULT_KILL_AT`); none by default. */
  faults?: FaultInjector;
  /** Counts orders by outcome (default: nothing counted). */
  metrics?: MetricsSink;
}

export function createCheckoutServices(deps: CheckoutServicesDeps): CheckoutServices {
  const { db, clock, logger, payments } = deps;
  const views = createOrderViews(db);
  /** The confirmation, then its line on the order's timeline. */
  const confirmationSent = (send: (order: Order) => Promise<void>) => async (order: Order) => {
    await send(order);
    await createOrderFulfillmentRepository(db).addEvent({
      order_id: order.id,
      type: 'email_sent',
      actor_kind: 'system',
      actor_id: null,
      data: { template: 'confirmation', to: order.email },
      created_at: clock.now(),
    });
  };
  const faults = deps.faults ?? noFaults;
  const recoveryConfig = deps.recovery ?? DEFAULT_RECOVERY;
  const { reservations, coupons } = deps.commerce;
  const ending = createCheckoutEnding({ db, clock, logger, reservations, payments });
  const settlement = createOrderSettlement({
    db,
    clock,
    logger,
    payments,
    reservations,
    views,
    faults,
    ...(deps.onOrderPlaced ? { onPaid: confirmationSent(deps.onOrderPlaced) } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  const placement = createOrderPlacement({
    db,
    clock,
    logger,
    payments,
    reservations,
    coupons,
    pricing: deps.pricing,
    orders: views,
    settlement,
    ending,
    faults,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  return {
    sessions: createCheckoutService({
      db,
      clock,
      logger,
      reservations,
      payments,
      placement,
      ending,
      pricing: deps.pricing,
      holdTtlMs: deps.holdTtlMs,
      faults,
    }),
    orders: createOrderService({
      db,
      clock,
      logger,
      payments,
      reservations,
      views,
      settlement,
      ...(deps.notifier ? { notifier: deps.notifier } : {}),
    }),
    webhooks: createWebhookService({ db, clock, logger, payments, placement }),
    recovery: createPlacementRecovery({ db, clock, logger, payments, placement, settlement, ...recoveryConfig }),
    idempotency: createIdempotencyService({
      db,
      clock,
      ...(deps.idempotencyLeaseMs ? { lockMs: deps.idempotencyLeaseMs } : {}),
    }),
    payments,
  };
}
