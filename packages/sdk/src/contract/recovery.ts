import { z } from 'zod';
import { CheckoutSessionId, PaymentStatus } from './checkout.js';
import { Money } from './money.js';
import { OrderId } from './orders.js';
import { listOf } from './pagination.js';
import { queryInt } from './query.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

export const RECOVERY_ACTORS = ['job', 'retry', 'webhook', 'admin'] as const;

/** One thing recovery did to a placement (or found it could not do). */
export const RecoveryEvent = z
  .object({
    actor: z
      .enum(RECOVERY_ACTORS)
      .meta({ description: 'Who acted: the recovery job, a retried complete, the payment webhook, or an admin' }),
    action: z.string().meta({
      description:
        'placed · captured · marked_paid · cancelled · authorization_cancelled · refunded · cleared · undecided',
      example: 'captured',
    }),
    detail: z.string(),
    at: Timestamp,
  })
  .meta({ id: 'RecoveryEvent' });
export type RecoveryEvent = z.infer<typeof RecoveryEvent>;

/**
 * A placement the recovery job has not been able to finish: an order still `pending` (its payment
 * neither captured nor given up), or a checkout whose payment started and has no order.
 */
export const UnresolvedPayment = z
  .object({
    object: z.literal('unresolved_payment'),
    kind: z.enum(['pending_order', 'unfinished_checkout']),
    checkout_session_id: CheckoutSessionId,
    order_id: OrderId.nullable(),
    order_number: z.string().nullable(),
    payment_intent_id: z.string(),
    payment_status: PaymentStatus.nullable().meta({
      description: 'The PaymentIntent as the provider reports it now; null when it could not be asked',
    }),
    amount: Money.nullable().meta({ description: "The order's total (null for a checkout without an order)" }),
    since: Timestamp.meta({ description: 'When the order was written, or when the checkout started paying' }),
    age_seconds: z.number().int().nonnegative(),
    last_recovery: RecoveryEvent.nullable(),
  })
  .meta({ id: 'UnresolvedPayment' });
export type UnresolvedPayment = z.infer<typeof UnresolvedPayment>;

export const UnresolvedPaymentList = listOf(UnresolvedPayment).meta({ id: 'UnresolvedPaymentList' });
export type UnresolvedPaymentList = z.infer<typeof UnresolvedPaymentList>;

export const UnresolvedPaymentQuery = z
  .object({
    older_than_seconds: queryInt({ min: 0, max: 30 * 86_400 })
      .optional()
      .meta({
        description:
          "Only what is at least this old (default: the recovery job's delay plus two of its intervals, so it has had its chance)",
      }),
  })
  .strict();
export type UnresolvedPaymentQuery = z.input<typeof UnresolvedPaymentQuery>;

/** Body of `POST /v1/admin/orders/:id/resolve`: capture a pending order's payment, or cancel the order. */
export const OrderResolve = z
  .object({
    action: z.enum(['capture', 'cancel']).meta({
      description:
        'capture: take the authorized payment and mark the order paid; cancel: void the authorization (or refund a capture), cancel the order and return its stock',
    }),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .meta({ id: 'OrderResolve' });
export type OrderResolve = z.input<typeof OrderResolve>;
