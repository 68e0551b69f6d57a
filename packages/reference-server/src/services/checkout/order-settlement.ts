import type { Order } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { FaultInjector } from '../../fault-injection.js';
import type { Logger } from '../../logger.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';
import type { PaymentIntent, PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';
import { createOrderRepository, type OrderRow } from '../../store/order-repository.js';
import { createOrderFulfillmentRepository } from '../../store/order-fulfillment-repository.js';
import { createPlacementRecoveryRepository, type RecoveryActor } from '../../store/placement-recovery-repository.js';
import type { ReservationService } from '../inventory/index.js';
import type { OrderViews } from './order-views.js';

export interface OrderSettlementDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  payments: PaymentProvider;
  reservations: ReservationService;
  views: OrderViews;
  faults: FaultInjector;
  /** Called once per order, by whichever caller moves it to `paid` (the confirmation email). */
  onPaid?: (order: Order) => Promise<void>;
  /** Counts orders paid and cancelled, once each, by whichever caller moves them (default: nothing counted). */
  metrics?: MetricsSink;
}

/**
 * What became of a pending order: `paid` or `cancelled` (by this call or an earlier one), or
 * `undecided` when its payment is in a state nobody can act on yet (`processing` …).
 */
export type Settlement =
  | { outcome: 'paid' | 'cancelled'; order: OrderRow }
  | { outcome: 'undecided'; order: OrderRow; paymentStatus: PaymentIntent['status'] };

/** Statuses in which an intent will never be captured: the order cannot be paid. */
const FAILED = new Set<PaymentIntent['status']>(['canceled', 'requires_payment_method']);

/** Voidable authorizations (and unconfirmed intents) — everything short of a capture. */
const CANCELLABLE = new Set<PaymentIntent['status']>([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'requires_capture',
]);

/**
 * Ends an order's `pending` state from its payment as the provider reports it, idempotently, so
 * the first request, a retry, the webhook, the recovery job and an admin can all call it, even
 * at once: an authorization is captured and the order paid with what was captured; a failed or
 * cancelled payment cancels the order and returns its units to stock (in one transaction).
 * Captures use a key derived from the order, state changes are guarded on `pending`.
 */
export function createOrderSettlement(deps: OrderSettlementDeps) {
  const { db, clock, logger, payments } = deps;

  /** An order another caller has already moved on from `pending`, as a settlement. */
  function settled(row: OrderRow): Settlement {
    if (row.status === 'pending') return { outcome: 'undecided', order: row, paymentStatus: 'processing' };
    return { outcome: row.status === 'cancelled' ? 'cancelled' : 'paid', order: row };
  }

  async function mustGet(orderId: string): Promise<OrderRow> {
    const row = await createOrderRepository(db).get(orderId);
    if (!row) throw new NotFoundError(`No such order: '${orderId}'`, { param: 'id' });
    return row;
  }

  /** Logs and records what recovery did (nothing is recorded for the first request's own capture). */
  async function note(actor: RecoveryActor | null, row: OrderRow, action: string, detail: string): Promise<void> {
    if (actor === null) return;
    logger.info(`placement recovery (${actor}): order ${row.number} ${action}: ${detail}`);
    await createPlacementRecoveryRepository(db)
      .record({
        checkout_session_id: row.checkout_session_id,
        order_id: row.id,
        payment_intent_id: row.payment_reference,
        actor,
        action,
        detail,
        created_at: clock.now(),
      })
      .catch((error: unknown) => logger.error(`recording the recovery of order ${row.number} failed`, error));
  }

  async function markPaid(
    row: OrderRow,
    intent: PaymentIntent,
    actor: RecoveryActor | null,
    action: string,
  ): Promise<Settlement> {
    const won = await createOrderRepository(db).transition(row.id, ['pending'], 'paid', clock.now(), {
      captured: intent.amountCaptured,
      card: intent.card,
    });
    const after = await mustGet(row.id);
    if (!won) return settled(after);
    await createOrderFulfillmentRepository(db)
      .addEvent({
        order_id: row.id,
        type: 'paid',
        actor_kind: 'system',
        actor_id: null,
        data: { amount: intent.amountCaptured, payment: intent.id, ...(actor ? { by: actor } : {}) },
        created_at: clock.now(),
      })
      .catch((error: unknown) => logger.error(`recording the payment of order ${row.number} failed`, error));
    if (intent.amountCaptured !== row.total)
      logger.warn(`order ${row.number}: captured ${intent.amountCaptured} of its total ${row.total}`);
    await note(
      actor,
      row,
      action,
      `payment ${intent.id} captured ${intent.amountCaptured} ${row.currency}; order paid`,
    );
    if (deps.onPaid) {
      const order = await deps.views.toOrder(after);
      deps
        .onPaid(order)
        .catch((error: unknown) => logger.error(`the confirmation email of order ${order.number} failed`, error));
    }
    (deps.metrics ?? noopMetrics).order('paid');
    return { outcome: 'paid', order: after };
  }

  /** Cancels a pending order and reverts its sale (units back on hand) in one transaction. */
  async function cancelOrder(row: OrderRow, reason: string, actor: RecoveryActor | null): Promise<Settlement> {
    const items = await createOrderRepository(db).items([row.id]);
    const won = await db.transaction(async (tx) => {
      const repo = createOrderRepository(tx);
      if (!(await repo.transition(row.id, ['pending'], 'cancelled', clock.now(), { cancelReason: reason })))
        return false;
      const lines = createOrderFulfillmentRepository(tx);
      for (const item of items) await lines.restockUnits(row.id, item.id, item.quantity, clock.now(), null);
      await lines.addEvent({
        order_id: row.id,
        type: 'cancelled',
        actor_kind: 'system',
        actor_id: null,
        data: { reason, restocked: items.map((i) => ({ item_id: i.id, quantity: i.quantity })) },
        created_at: clock.now(),
      });
      return true;
    });
    const after = await mustGet(row.id);
    if (!won) return settled(after);
    await deps.reservations.invalidate(items.map((i) => i.variant_id));
    await note(actor, row, 'cancelled', `${reason}; stock returned`);
    (deps.metrics ?? noopMetrics).order('cancelled');
    return { outcome: 'cancelled', order: after };
  }

  /** Captures an authorized intent; when the capture is refused, decides again from the intent as it is now. */
  async function capture(row: OrderRow, intent: PaymentIntent, actor: RecoveryActor | null): Promise<Settlement> {
    let captured: PaymentIntent;
    try {
      captured = await payments.captureIntent(intent.id, { idempotencyKey: `${row.id}:capture` });
    } catch (error) {
      const now = await payments.retrieveIntent(intent.id);
      if (now.status === 'requires_capture') throw error;
      return decide(row, now, actor);
    }
    deps.faults.reach('after-capture');
    if (captured.status !== 'succeeded') return decide(row, captured, actor);
    return markPaid(row, captured, actor, 'captured');
  }

  async function decide(row: OrderRow, intent: PaymentIntent, actor: RecoveryActor | null): Promise<Settlement> {
    if (intent.status === 'succeeded') return markPaid(row, intent, actor, 'marked_paid');
    if (intent.status === 'requires_capture') return capture(row, intent, actor);
    if (FAILED.has(intent.status)) {
      // A payment that failed is voided as well, so it can never be captured later.
      if (intent.status !== 'canceled')
        await payments.cancelIntent(intent.id, { idempotencyKey: `${row.id}:cancel` }).catch(() => undefined);
      return cancelOrder(
        row,
        `payment ${intent.id} ${intent.status === 'canceled' ? 'was cancelled' : 'failed'}`,
        actor,
      );
    }
    await note(actor, row, 'undecided', `payment ${intent.id} is ${intent.status}; left pending`);
    return { outcome: 'undecided', order: row, paymentStatus: intent.status };
  }

  return {
    /**
     * Finishes a pending order from its payment's current state (see {@link Settlement}); an order
     * that is no longer pending is answered as it is. `actor` null: the first request's own
     * capture, which is not recorded as recovery. Provider failures throw.
     */
    async settle(orderId: string, actor: RecoveryActor | null): Promise<Settlement> {
      const row = await mustGet(orderId);
      if (row.status !== 'pending') return settled(row);
      return decide(row, await payments.retrieveIntent(row.payment_reference), actor);
    },

    /** An admin's capture of a pending order: 409 `payment_not_capturable` unless its payment is authorized or captured. */
    async capturePending(orderId: string, actor: RecoveryActor): Promise<OrderRow> {
      const row = await mustGet(orderId);
      if (row.status === 'paid') return row;
      if (row.status !== 'pending')
        throw new ConflictError(`An order that is ${row.status.replace('_', ' ')} cannot be captured.`, {
          code: 'order_status_invalid',
          details: { status: row.status },
        });
      const intent = await payments.retrieveIntent(row.payment_reference);
      if (intent.status !== 'requires_capture' && intent.status !== 'succeeded') {
        throw new ConflictError(`The payment is ${intent.status}; it cannot be captured.`, {
          code: 'payment_not_capturable',
          details: { payment_status: intent.status },
        });
      }
      const settled = await decide(row, intent, actor);
      if (settled.outcome !== 'paid')
        throw new ConflictError(`The payment could not be captured; the order is ${settled.order.status}.`, {
          code: 'payment_not_capturable',
          details: { status: settled.order.status },
        });
      return settled.order;
    },

    /**
     * Cancels a pending order: the authorization is voided first (so it can never be captured
     * after the order is cancelled), then the order is cancelled with its stock returned. A payment
     * that turns out to be captured is recorded (the order becomes `paid`) and answered as
     * `paid`, for the caller to refund through the paid order's cancellation.
     */
    async cancelPending(orderId: string, reason: string, actor: RecoveryActor): Promise<Settlement> {
      const row = await mustGet(orderId);
      if (row.status !== 'pending') return settled(row);
      let intent = await payments.retrieveIntent(row.payment_reference);
      if (CANCELLABLE.has(intent.status)) {
        try {
          intent = await payments.cancelIntent(intent.id, { idempotencyKey: `${row.id}:cancel` });
          await note(actor, row, 'authorization_cancelled', `payment ${intent.id} voided`);
        } catch (error) {
          intent = await payments.retrieveIntent(intent.id);
          if (intent.status !== 'canceled' && intent.status !== 'succeeded') throw error;
        }
      }
      if (intent.status === 'succeeded') return markPaid(row, intent, actor, 'marked_paid');
      if (intent.status !== 'canceled') {
        throw new ConflictError(`The payment is ${intent.status}; it cannot be cancelled yet.`, {
          code: 'payment_not_cancellable',
          details: { payment_status: intent.status },
        });
      }
      return cancelOrder(row, reason, actor);
    },
  };
}

export type OrderSettlement = ReturnType<typeof createOrderSettlement>;
