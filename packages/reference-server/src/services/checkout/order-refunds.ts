import type { Order, OrderStatus, RefundPreview } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError } from '../../errors.js';
import { randomId } from '../../ids.js';
import type { Logger } from '../../logger.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';
import { createOrderFulfillmentRepository } from '../../store/order-fulfillment-repository.js';
import { createOrderRepository, type OrderItemRow, type OrderRow } from '../../store/order-repository.js';
import type { ReservationService } from '../inventory/index.js';
import { allocate } from '../pricing/index.js';
import type { OrderNotifier } from './order-notifier.js';
import type { OrderSettlement } from './order-settlement.js';
import { SYSTEM_ACTOR, type OrderActor, type OrderTimeline } from './order-timeline.js';
import type { OrderViews } from './order-views.js';

export interface OrderRefundsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  payments: PaymentProvider;
  reservations: ReservationService;
  views: OrderViews;
  settlement: OrderSettlement;
  timeline: OrderTimeline;
  notifier: OrderNotifier | undefined;
  mustGet(id: string): Promise<OrderRow>;
  wrongState(row: OrderRow, action: string): ConflictError;
}

export interface RefundInput {
  amount?: number | undefined;
  reason?: string | undefined;
  restock?: boolean | undefined;
  items?: { item_id: string; quantity: number; restock?: boolean | undefined }[] | undefined;
  notify?: boolean | undefined;
}

interface PlannedLine {
  item: OrderItemRow;
  quantity: number;
  restock: boolean;
  amount: number;
}

interface RefundPlan {
  amount: number;
  left: number;
  lines: PlannedLine[];
  /** Whole-order refund with restock: every unit not restocked yet goes back. */
  restockAll: boolean;
  full: boolean;
}

const REFUNDABLE: readonly OrderStatus[] = [
  'paid',
  'partially_fulfilled',
  'fulfilled',
  'delivered',
  'partially_refunded',
  'cancelled',
];

const changed = () =>
  new ConflictError('The order changed while refunding; read it and try again.', { code: 'order_changed' });

/**
 * What each whole line cost the shopper: its price less its share of the order's discount
 * (largest-remainder split, so the shares add up to the discount) plus its tax when tax is added
 * on top. A part of a line is that share pro rata, rounded half up once.
 */
function lineShares(row: OrderRow, items: readonly OrderItemRow[]): Map<string, number> {
  const discounts = allocate(
    row.discount,
    items.map((i) => i.line_total),
  );
  return new Map(items.map((i, n) => [i.id, i.line_total - discounts[n]! + (row.tax_included ? 0 : i.tax)] as const));
}

const partOf = (share: number, units: number, of: number) => Math.floor((share * units * 2 + of) / (2 * of));

/**
 * Refunds (whole amounts, or chosen units of chosen lines with their share of what was paid), with
 * a restock per line that returns the units to stock in the same transaction that records the
 * refund; and the cancellation of an unshipped order. A retry with the same Idempotency-Key gets
 * the provider's same refund back, which is recorded (and restocked) once.
 */
export function createOrderRefunds(deps: OrderRefundsDeps) {
  const { db, clock, payments, views, timeline } = deps;

  async function plan(row: OrderRow, input: RefundInput): Promise<RefundPlan> {
    if (!REFUNDABLE.includes(row.status) || row.captured === 0) throw deps.wrongState(row, 'refunded');
    const left = row.captured - row.refunded;
    if (left === 0) throw deps.wrongState(row, 'refunded');
    const items = await createOrderRepository(db).items([row.id]);
    const shares = lineShares(row, items);
    const seen = new Set<string>();
    const lines = (input.items ?? []).map((line, n): PlannedLine => {
      const item = items.find((i) => i.id === line.item_id);
      if (!item || seen.has(line.item_id))
        throw new InvalidRequestError(`'${line.item_id}' is not a line of this order (or is named twice).`, {
          code: 'order_item_invalid',
          param: `items.${n}.item_id`,
        });
      seen.add(line.item_id);
      const refundable = item.quantity - item.refunded_quantity;
      if (line.quantity > refundable)
        throw new InvalidRequestError(`Only ${refundable} of '${item.name}' can still be refunded.`, {
          code: 'refund_quantity_invalid',
          param: `items.${n}.quantity`,
          details: { refundable },
        });
      return {
        item,
        quantity: line.quantity,
        restock: line.restock ?? input.restock ?? false,
        amount: partOf(shares.get(item.id)!, line.quantity, item.quantity),
      };
    });
    const amount =
      input.amount ??
      (lines.length
        ? Math.min(
            left,
            lines.reduce((a, l) => a + l.amount, 0),
          )
        : left);
    if (amount > left)
      throw new InvalidRequestError(`At most ${left} can still be refunded.`, {
        code: 'amount_too_large',
        param: 'amount',
        details: { refundable: left },
      });
    if (amount <= 0)
      throw new InvalidRequestError('There is nothing to refund for these lines; give an amount.', {
        code: 'amount_required',
        param: 'amount',
      });
    const full = row.refunded + amount === row.captured;
    // Without lines, restocking means the whole order came back (as before lines could be chosen).
    const restockAll = !lines.length && input.restock === true && full && row.status !== 'cancelled';
    return { amount, left, lines, restockAll, full };
  }

  function notifyRefunded(order: Order, refundId: string): void {
    const notifier = deps.notifier;
    const refund = order.refunds.find((r) => r.id === refundId);
    if (!notifier || !refund) return;
    notifier
      .refunded(order, refund)
      .then(() =>
        timeline.record(db, order.id, 'email_sent', SYSTEM_ACTOR, {
          template: 'refunded',
          to: order.email,
          refund_id: refundId,
        }),
      )
      .catch((error: unknown) => deps.logger.error(`the refund email of order ${order.number} failed`, error));
  }

  async function refund(
    id: string,
    input: RefundInput,
    requestKey: string | undefined,
    actor: OrderActor,
  ): Promise<Order> {
    const row = await deps.mustGet(id);
    // A retry of a refund already recorded (its stored answer lost) answers the order as it is.
    if (requestKey && (await createOrderRepository(db).hasRefundFor(id, requestKey))) return views.toOrder(row);
    const planned = await plan(row, input);
    const refundId = randomId('re', 24);
    const result = await payments.refund(row.payment_reference, planned.amount, {
      idempotencyKey: `${id}:refund:${requestKey ?? refundId}`,
    });
    const status: OrderStatus =
      row.status === 'cancelled' ? 'cancelled' : planned.full ? 'refunded' : 'partially_refunded';
    const now = clock.now();
    const restocked: { item_id: string; quantity: number }[] = [];
    const outcome = await db.transaction(async (tx) => {
      const repo = createOrderRepository(tx);
      const lines = createOrderFulfillmentRepository(tx);
      const recorded = await repo.addRefund(
        {
          id: refundId,
          order_id: id,
          amount: planned.amount,
          reason: input.reason ?? null,
          restocked: planned.restockAll || planned.lines.some((l) => l.restock),
          provider_reference: result.id,
          request_key: requestKey ?? null,
          created_at: now,
        },
        status,
        now,
      );
      if (recorded === 'duplicate') return 'duplicate';
      if (recorded === 'exceeds') throw changed();
      for (const line of planned.lines)
        if (!(await lines.refundUnits(refundId, id, line.item.id, line.quantity))) throw changed();
      if (!planned.lines.length && planned.full) await repo.markItemsRefunded(id);
      const toRestock = planned.restockAll
        ? (await repo.items([id])).map((i) => ({ itemId: i.id, quantity: i.quantity, refund: null }))
        : planned.lines
            .filter((l) => l.restock)
            .map((l) => ({ itemId: l.item.id, quantity: l.quantity, refund: refundId }));
      for (const r of toRestock) {
        const units = await lines.restockUnits(id, r.itemId, r.quantity, now, r.refund);
        if (units > 0) restocked.push({ item_id: r.itemId, quantity: units });
      }
      await lines.refreshFulfillmentStatus(id);
      await timeline.record(tx, id, 'refunded', actor, {
        refund_id: refundId,
        amount: planned.amount,
        reason: input.reason ?? null,
        items: planned.lines.map((l) => ({ item_id: l.item.id, quantity: l.quantity })),
        restocked,
      });
      return 'recorded';
    });
    if (restocked.length)
      await deps.reservations.invalidate(
        (await createOrderRepository(db).items([id]))
          .filter((i) => restocked.some((r) => r.item_id === i.id))
          .map((i) => i.variant_id),
      );
    const order = await views.toOrder(await deps.mustGet(id));
    if (outcome === 'recorded' && input.notify !== false && row.status !== 'cancelled') notifyRefunded(order, refundId);
    return order;
  }

  return {
    refund,

    /** What a refund with this body would return, line by line, without making it. */
    async preview(id: string, input: RefundInput): Promise<RefundPreview> {
      const row = await deps.mustGet(id);
      const planned = await plan(row, input);
      const money = (amount: number) => ({ amount, currency: row.currency });
      return {
        object: 'refund_preview',
        amount: money(planned.amount),
        refundable: money(planned.left),
        items: planned.lines.map((l) => ({
          item_id: l.item.id,
          quantity: l.quantity,
          restock: l.restock,
          amount: money(l.amount),
        })),
      };
    },

    /** Cancels an order not yet shipped: its units go back on hand and its payment is refunded (or the authorization released). */
    async cancel(id: string, input: { reason?: string | undefined }, actor: OrderActor): Promise<Order> {
      let row = await deps.mustGet(id);
      // The cancellation's refund has one key per order, so a retry after a crash between the two
      // finishes the refund the provider may already have made, and never refunds twice.
      const finishRefund = (from: OrderRow) =>
        refund(
          id,
          { amount: from.captured - from.refunded, reason: input.reason ?? 'order cancelled' },
          'cancel',
          actor,
        );
      if (row.status === 'cancelled') {
        if (row.captured > row.refunded) return finishRefund(row);
        return views.toOrder(row);
      }
      if (row.status === 'pending') {
        // The authorization is voided before the order is cancelled, never after: a capture racing
        // this one either loses, or wins and the order is cancelled as a paid one (refunded).
        const settled = await deps.settlement.cancelPending(id, input.reason ?? 'order cancelled', 'admin');
        if (settled.outcome !== 'paid') return views.toOrder(settled.order);
        row = settled.order;
      }
      if (!['paid', 'partially_refunded'].includes(row.status) || row.fulfillment_status !== 'unfulfilled')
        throw deps.wrongState(row, 'cancelled');
      const items = await createOrderRepository(db).items([id]);
      const moved = await db.transaction(async (tx) => {
        const repo = createOrderRepository(tx);
        if (
          !(await repo.transition(id, [row.status], 'cancelled', clock.now(), { cancelReason: input.reason ?? null }))
        )
          return false;
        const lines = createOrderFulfillmentRepository(tx);
        const restocked: { item_id: string; quantity: number }[] = [];
        for (const i of items) {
          const units = await lines.restockUnits(id, i.id, i.quantity, clock.now(), null);
          if (units > 0) restocked.push({ item_id: i.id, quantity: units });
        }
        await timeline.record(tx, id, 'cancelled', actor, { reason: input.reason ?? null, restocked });
        return true;
      });
      if (!moved) throw deps.wrongState(await deps.mustGet(id), 'cancelled');
      await deps.reservations.invalidate(items.map((i) => i.variant_id));
      if (row.captured > row.refunded) return finishRefund(row);
      return views.toOrder(await deps.mustGet(id));
    },
  };
}
