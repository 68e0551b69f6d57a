import type { Clock } from '../../clock.js';
import { NotFoundError, UnprocessableError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import { createCheckoutRepository } from '../../store/checkout-repository.js';
import type { Db } from '../../store/db.js';
import type { ReservationService } from '../inventory/index.js';
import type { PricedSession } from './checkout-pricing-view.js';

export interface CheckoutEndingDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  reservations: ReservationService;
  payments: PaymentProvider;
}

export interface EndOptions {
  /** Also cancel the session's payment intent (an authorization may hold the shopper's money). */
  cancelPayment?: boolean;
}

/**
 * Ends an open checkout that can no longer be paid as it stands — its coupon ran out, its stock
 * hold lapsed and was taken, its payment was cancelled after a failed placement: the session
 * becomes `expired` and its stock goes back on sale at once, not when the hold's TTL runs out.
 * Safe to call twice, and with a session that is no longer open (it then does nothing).
 */
export function createCheckoutEnding(deps: CheckoutEndingDeps) {
  const { db, clock, reservations, payments } = deps;

  return async function end(sessionId: string, options: EndOptions = {}): Promise<void> {
    // Under the session's row lock, so the hold given back is the one the session holds now
    // (a concurrent read may have replaced a lapsed hold).
    const ended = await db.transaction(async (tx) => {
      const repo = createCheckoutRepository(tx);
      const row = await repo.get(sessionId, { lock: true });
      if (!row || row.status !== 'open') return null;
      await repo.update(sessionId, { status: 'expired', hold_id: null }, clock.now(), 'open');
      return row;
    });
    if (!ended) return;
    if (ended.hold_id) {
      // A hold that lapsed and was swept is already back on sale.
      await reservations.release(ended.hold_id).catch((error: unknown) => {
        if (!(error instanceof NotFoundError)) deps.logger.warn(`releasing hold ${ended.hold_id} of ended checkout ${sessionId} failed: ${String(error)}`);
      });
    }
    const intentId = ended.payment_intent_id;
    if (options.cancelPayment && intentId) {
      await payments
        .cancelIntent(intentId, { idempotencyKey: `${sessionId}:cancel:${intentId}` })
        .catch((error: unknown) => deps.logger.error(`cancelling ${intentId} of ended checkout ${sessionId} failed`, error));
    }
  };
}

export type CheckoutEnding = ReturnType<typeof createCheckoutEnding>;

/**
 * The answer to a payment or placement of a checkout whose coupon stopped applying: the coupon's
 * own 422 code (`coupon_used_up` when other orders used it up), the same code the cart answers
 * when the code is applied, whichever step found it.
 */
export function couponLapsedError(lapse: NonNullable<PricedSession['couponLapse']>): UnprocessableError {
  return new UnprocessableError(`${lapse.message} This checkout has ended; start again from the cart.`, {
    code: lapse.code,
    ...(lapse.details ? { details: lapse.details } : {}),
  });
}
