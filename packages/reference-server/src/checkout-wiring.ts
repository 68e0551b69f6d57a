import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { MetricsSink } from './metrics/metrics-sink.js';
import { meteredPayments } from './payments/metered-payments.js';
import type { Runtime } from './runtime.js';
import { createCheckoutServices, type CheckoutServicesDeps } from './services/checkout/index.js';
import { createCommerceServices } from './services/commerce.js';
import { defaultCheckoutPricing } from './services/pricing/index.js';
import type { SettingsService } from './services/settings/index.js';

/** What only a serving process adds to checkout: the confirmation email, idempotency leases, test faults. */
export type ServingCheckoutOptions = Pick<
  CheckoutServicesDeps,
  'onOrderPlaced' | 'notifier' | 'idempotencyLeaseMs' | 'faults'
> & {
  /** Counts holds, orders and payments by outcome. */
  metrics?: MetricsSink;
};

/**
 * The commerce and checkout services of one process, wired from its config and runtime. The server
 * and `shoptag-server recover` share it, so recovery runs with the same pricing and settings as checkout.
 */
export function wireCheckout(
  config: Config,
  runtime: Runtime,
  clock: Clock,
  logger: Logger,
  serving: ServingCheckoutOptions = {},
  /** The shop's saved settings, read per request; without it, pricing is the environment's only. */
  settings?: SettingsService,
) {
  const { metrics, ...checkoutOptions } = serving;
  const commerce = createCommerceServices({
    db: runtime.db,
    cache: runtime.cache,
    clock,
    config: config.commerce,
    ...(metrics ? { metrics } : {}),
    ...(settings ? { pricing: settings.pricing } : {}),
  });
  const checkout = createCheckoutServices({
    db: runtime.db,
    clock,
    logger,
    commerce,
    payments: metrics ? meteredPayments(runtime.payments, metrics) : runtime.payments,
    pricing: settings
      ? async () => defaultCheckoutPricing(await settings.pricing())
      : defaultCheckoutPricing(config.commerce.pricing),
    holdTtlMs: config.commerce.holdTtlMs,
    recovery: config.recovery,
    ...checkoutOptions,
    ...(metrics ? { metrics } : {}),
  });
  return { commerce, checkout };
}
