import type { Clock } from '../../clock.js';
import { ShoptagError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import { createCheckoutRepository } from '../../store/checkout-repository.js';
import type { Db } from '../../store/db.js';
import { createWebhookEventRepository } from '../../store/webhook-event-repository.js';
import type { OrderPlacement } from './order-placement.js';

/** Events that may mean a payment is ready to become an order. */
const PAYMENT_READY = new Set(['payment_intent.succeeded', 'payment_intent.amount_capturable_updated']);

export interface WebhookResult {
  received: true;
  duplicate: boolean;
}

/**
 * Payment webhooks: the signature is checked on the raw body, each event id is handled once,
 * and the PaymentIntent is read again rather than trusted from the event, so duplicate and
 * out-of-order deliveries change nothing. A ready payment completes through the same order
 * placement as `complete`.
 */
export function createWebhookService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  payments: PaymentProvider;
  placement: OrderPlacement;
}) {
  return {
    async handle(rawBody: Buffer, signature: string | undefined): Promise<WebhookResult> {
      const event = deps.payments.parseWebhook(rawBody, signature);
      const events = createWebhookEventRepository(deps.db);
      if (await events.seen(event.id)) return { received: true, duplicate: true };
      // An intent no checkout of this shop started (another integration on the same Stripe
      // account) is none of its business: acknowledged and ignored, never retrieved.
      const session =
        PAYMENT_READY.has(event.type) && event.intentId
          ? await createCheckoutRepository(deps.db).byPaymentIntent(event.intentId)
          : null;
      if (session && event.intentId) {
        const intent = await deps.payments.retrieveIntent(event.intentId);
        if (['requires_capture', 'succeeded'].includes(intent.status) && session.status !== 'expired') {
          try {
            await deps.placement.place(session.id, intent, 'webhook');
          } catch (error) {
            // A refusal (stock gone, checkout expired) is an answer, not a failure to retry.
            if (!(error instanceof ShoptagError)) throw error;
            deps.logger.warn(`webhook ${event.id}: no order for ${session.id}: ${error.message}`);
          }
        }
      }
      const recorded = await events.record(event.id, deps.payments.kind, event.type, deps.clock.now());
      return { received: true, duplicate: !recorded };
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
