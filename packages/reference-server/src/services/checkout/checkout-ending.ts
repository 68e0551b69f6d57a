import type { Clock } from '../../clock.js';
import { NotFoundError, UnprocessableError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PaymentStatus } from '@shoptag/sdk/contract';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import { createCheckoutRepository } from '../../store/checkout-repository.js';
import type { Db } from '../../store/db.js';
import { createPlacementRecoveryRepository } from '../../store/placement-recovery-repository.js';
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
  /** Also void the session's payment (an authorization may hold the shopper's money) first. */
  cancelPayment?: boolean;
}

/** Payment states in which no money is held (nothing authorized, or it was voided). */
const NOTHING_HELD = new Set<PaymentStatus>([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'canceled',
]);

/**
 * Ends open checkouts that can no longer be paid as they stand — the coupon ran out, the stock
 * hold lapsed and its units were sold, the payment was cancelled after a failed placement: the
 * session becomes `expired` and its stock goes back on sale at once, not when the hold's TTL runs
 * out. Money comes first: a session whose authorization cannot be voided now is not ended but
 * left marked for the recovery job, which voids it later.
 */
export function createCheckoutEnding(deps: CheckoutEndingDeps) {
  const { db, clock, reservations, payments, logger } = deps;

  /** Voids `intentId` (of `sessionId`); answers whether no money is held by it now. */
  async function releasePayment(sessionId: string, intentId: string): Promise<boolean> {
    try {
      await payments.cancelIntent(intentId, { idempotencyKey: `${sessionId}:cancel:${intentId}` });
      return true;
    } catch (error) {
      // Already voided, or never authorized, is as good as voided now.
      const now = await payments.retrieveIntent(intentId).catch(() => null);
      if (now && NOTHING_HELD.has(now.status)) return true;
      logger.error(`cancelling ${intentId} of checkout ${sessionId} failed`, error);
      return false;
    }
  }

  /** Safe to call twice, and with a session that is no longer open (it then does nothing). */
  async function end(sessionId: string, options: EndOptions = {}): Promise<void> {
    if (options.cancelPayment) {
      const row = await createCheckoutRepository(db).get(sessionId);
      if (!row || row.status !== 'open') return;
      if (row.payment_intent_id && !(await releasePayment(sessionId, row.payment_intent_id))) {
        // Money may still be authorized: the recovery job takes the session over and voids it.
        await createPlacementRecoveryRepository(db).markCompleting(sessionId, clock.now());
        return;
      }
    }
    // Under the session's row lock, so the hold given back is the one the session holds now
    // (a concurrent read may have replaced a lapsed hold).
    const ended = await db.transaction(async (tx) => {
      const repo = createCheckoutRepository(tx);
      const row = await repo.get(sessionId, { lock: true });
      if (!row || row.status !== 'open') return null;
      await repo.update(sessionId, { status: 'expired', hold_id: null }, clock.now(), 'open');
      return row;
    });
    if (!ended?.hold_id) return;
    const holdId = ended.hold_id;
    // A hold that lapsed and was swept is already back on sale.
    await reservations.release(holdId).catch((error: unknown) => {
      if (!(error instanceof NotFoundError))
        logger.warn(`releasing hold ${holdId} of ended checkout ${sessionId} failed: ${String(error)}`);
    });
  }

  return { end, releasePayment };
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
