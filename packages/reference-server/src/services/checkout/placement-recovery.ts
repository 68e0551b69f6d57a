import type { UnresolvedPayment } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ShoptagError, UnfinishedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PaymentIntent, PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';
import { createOrderRepository } from '../../store/order-repository.js';
import {
  createPlacementRecoveryRepository,
  type RecoveryEventRow,
  type UnfinishedSessionRow,
} from '../../store/placement-recovery-repository.js';
import type { OrderPlacement } from './order-placement.js';
import type { OrderSettlement } from './order-settlement.js';

/** Most sessions and most orders one pass looks at; the next pass takes the rest. */
const PASS_BATCH = 100;

export interface PlacementRecoveryDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  payments: PaymentProvider;
  placement: OrderPlacement;
  settlement: OrderSettlement;
  /** A placement untouched this long is the job's (a live request has long finished by then). */
  afterMs: number;
  /** How often the job runs (for the default age of what counts as unresolved). */
  intervalMs: number;
}

/** What one pass did. */
export interface RecoveryReport {
  /** Orders placed for authorized checkouts, then paid. */
  placed: number;
  /** Pending orders now paid. */
  paid: number;
  /** Orders cancelled (stock returned), and checkouts whose authorization was voided or refunded. */
  cancelled: number;
  /** Checkouts where no money had been authorized: nothing to do but forget the mark. */
  cleared: number;
  /** Left for the next pass or an admin (a payment still processing, a provider that failed). */
  left: number;
}

const AUTHORIZED = new Set<PaymentIntent['status']>(['requires_capture', 'succeeded']);

function toEvent(row: RecoveryEventRow | undefined): UnresolvedPayment['last_recovery'] {
  return row ? { actor: row.actor, action: row.action, detail: row.detail, at: row.created_at.toISOString() } : null;
}

/**
 * Finishes placements that a crash (or a failure of the payment provider) cut short, so no
 * money stays taken for an order that is not paid. One pass looks at:
 *
 * - checkouts marked as paying, without an order, untouched for `afterMs`: an authorized payment
 *   becomes its order, paid (or, when the stock hold is gone, the authorization is voided — or a
 *   capture refunded); without an authorization there is nothing to finish and the mark goes;
 * - orders `pending` for `afterMs`: captured and paid, marked paid when already captured, or
 *   cancelled with their stock returned when the payment failed or was cancelled.
 *
 * Every step is idempotent and guarded, so passes on several processes, a retried `complete` and
 * the webhook may meet on one placement. What a pass cannot decide stays listed by `unresolved`.
 */
export function createPlacementRecovery(deps: PlacementRecoveryDeps) {
  const { db, clock, logger, payments } = deps;
  const repo = createPlacementRecoveryRepository(db);

  async function note(
    session: UnfinishedSessionRow,
    orderId: string | null,
    action: string,
    detail: string,
  ): Promise<void> {
    logger.info(`placement recovery (job): checkout ${session.id} ${action}: ${detail}`);
    await repo.record({
      checkout_session_id: session.id,
      order_id: orderId,
      payment_intent_id: session.payment_intent_id,
      actor: 'job',
      action,
      detail,
      created_at: clock.now(),
    });
  }

  async function recoverSession(session: UnfinishedSessionRow, report: RecoveryReport): Promise<void> {
    const intent = await payments.retrieveIntent(session.payment_intent_id);
    if (!AUTHORIZED.has(intent.status)) {
      if (intent.status === 'processing') {
        report.left++;
        return;
      }
      // Nothing was authorized (or it was voided): no money is held; the hold lapses on its own.
      if (await repo.clearCompleting(session.id, session.completing_at)) {
        await note(session, null, 'cleared', `payment ${intent.id} is ${intent.status}: nothing was authorized`);
        report.cleared++;
      }
      return;
    }
    try {
      const order = await deps.placement.place(session.id, intent, 'job');
      await note(
        session,
        order.id,
        'placed',
        `order ${order.number} placed for payment ${intent.id}; order ${order.status}`,
      );
      if (order.status === 'paid') report.placed++;
      else report.cancelled++;
    } catch (error) {
      if (error instanceof UnfinishedError) {
        // The order exists and its capture failed for now: the pending-order step finishes it.
        report.left++;
        return;
      }
      if (!(error instanceof ShoptagError)) throw error;
      // No order can be written (the hold is gone, the checkout expired or changed): the
      // placement has voided the authorization. A payment captured without an order is refunded.
      const now = await payments.retrieveIntent(intent.id);
      if (now.status === 'succeeded' && now.amountCaptured > 0) {
        await payments.refund(now.id, now.amountCaptured, {
          idempotencyKey: `${session.id}:recovery-refund:${now.id}`,
        });
        await note(
          session,
          null,
          'refunded',
          `no order could be placed (${error.code}); the capture of ${now.amountCaptured} on ${now.id} was refunded`,
        );
      } else {
        await note(
          session,
          null,
          'authorization_cancelled',
          `no order could be placed (${error.code}); payment ${now.id} is ${now.status}`,
        );
      }
      await repo.clearCompleting(session.id, session.completing_at);
      report.cancelled++;
    }
  }

  async function recoverOrder(orderId: string, report: RecoveryReport): Promise<void> {
    const settled = await deps.settlement.settle(orderId, 'job');
    if (settled.outcome === 'paid') report.paid++;
    else if (settled.outcome === 'cancelled') report.cancelled++;
    else report.left++;
  }

  return {
    /** One pass over what is older than `afterMs` (or `olderThanMs`); answers what it did. */
    async runOnce(options: { olderThanMs?: number } = {}): Promise<RecoveryReport> {
      const report: RecoveryReport = { placed: 0, paid: 0, cancelled: 0, cleared: 0, left: 0 };
      const before = new Date(clock.now().getTime() - (options.olderThanMs ?? deps.afterMs));
      for (const session of await repo.unfinishedSessions(before, PASS_BATCH)) {
        try {
          await recoverSession(session, report);
        } catch (error) {
          report.left++;
          logger.warn(
            `placement recovery: checkout ${session.id} left for the next pass (${error instanceof Error ? error.message : String(error)})`,
          );
        }
      }
      for (const order of await repo.pendingOrders(before, PASS_BATCH)) {
        try {
          await recoverOrder(order.id, report);
        } catch (error) {
          report.left++;
          logger.warn(
            `placement recovery: order ${order.number} left for the next pass (${error instanceof Error ? error.message : String(error)})`,
          );
        }
      }
      return report;
    },

    /**
     * Pending orders and unfinished checkouts at least `olderThanMs` old (default: the job's
     * delay plus two intervals, so it has had its chance), oldest first, each with its payment's
     * state as the provider reports it now and the last thing recovery did.
     */
    async unresolved(options: { olderThanMs?: number } = {}): Promise<UnresolvedPayment[]> {
      const now = clock.now();
      const before = new Date(now.getTime() - (options.olderThanMs ?? deps.afterMs + 2 * deps.intervalMs));
      const [orders, sessions] = await Promise.all([
        repo.pendingOrders(before, PASS_BATCH),
        repo.unfinishedSessions(before, PASS_BATCH),
      ]);
      const last = await repo.lastEvents([...orders.map((o) => o.checkout_session_id), ...sessions.map((s) => s.id)]);
      const status = (intentId: string) =>
        payments.retrieveIntent(intentId).then(
          (i) => i.status,
          () => null,
        );
      const age = (since: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));
      const items: UnresolvedPayment[] = [];
      for (const o of orders) {
        items.push({
          object: 'unresolved_payment',
          kind: 'pending_order',
          checkout_session_id: o.checkout_session_id,
          order_id: o.id,
          order_number: o.number,
          payment_intent_id: o.payment_reference,
          payment_status: await status(o.payment_reference),
          amount: { amount: Number(o.total), currency: o.currency },
          since: o.created_at.toISOString(),
          age_seconds: age(o.created_at),
          last_recovery: toEvent(last.get(o.checkout_session_id)),
        });
      }
      for (const s of sessions) {
        // A session whose order was written since the list was read is listed as its order.
        if (await createOrderRepository(db).bySession(s.id)) continue;
        items.push({
          object: 'unresolved_payment',
          kind: 'unfinished_checkout',
          checkout_session_id: s.id,
          order_id: null,
          order_number: null,
          payment_intent_id: s.payment_intent_id,
          payment_status: await status(s.payment_intent_id),
          amount: null,
          since: s.completing_at.toISOString(),
          age_seconds: age(s.completing_at),
          last_recovery: toEvent(last.get(s.id)),
        });
      }
      return items.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
    },

    /** Every recovery event of a checkout, oldest first (tests and support). */
    events: (sessionId: string) => repo.events(sessionId),
  };
}

export type PlacementRecovery = ReturnType<typeof createPlacementRecovery>;
