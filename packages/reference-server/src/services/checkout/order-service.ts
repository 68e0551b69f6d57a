import { timingSafeEqual } from 'node:crypto';
import { type Order, type OrderList, type OrderStatus, DEFAULT_PAGE_LIMIT } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../../errors.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';
import { createOrderRepository, type OrderRow } from '../../store/order-repository.js';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { randomId } from '../../ids.js';
import type { ReservationService } from '../inventory/index.js';
import type { OrderSettlement } from './order-settlement.js';
import type { OrderViews } from './order-views.js';

export interface OrderServiceDeps {
  db: Db;
  clock: Clock;
  payments: PaymentProvider;
  reservations: ReservationService;
  views: OrderViews;
  settlement: OrderSettlement;
}

const CURSOR_SORT = 'orders';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Orders after placement: the shopper reads one with its token; an admin lists, fulfils, cancels
 * (stock back on hand, the payment refunded or released) and refunds in full or in part. Payment
 * calls run outside transactions, with idempotency keys derived from the order and the request.
 */
export function createOrderService(deps: OrderServiceDeps) {
  const { db, clock, payments, views } = deps;

  async function mustGet(id: string): Promise<OrderRow> {
    const row = await createOrderRepository(db).get(id);
    if (!row) throw new NotFoundError(`No such order: '${id}'`, { param: 'id' });
    return row;
  }

  const wrongState = (row: OrderRow, action: string) =>
    new ConflictError(`An order that is ${row.status.replace('_', ' ')} cannot be ${action}.`, {
      code: 'order_status_invalid',
      details: { status: row.status },
    });

  async function restockItems(orderId: string): Promise<void> {
    const repo = createOrderRepository(db);
    const items = await repo.items([orderId]);
    await db.transaction((tx) =>
      createOrderRepository(tx).restock(
        items.map((i) => ({ variantId: i.variant_id, quantity: i.quantity })),
        clock.now(),
      ),
    );
    await deps.reservations.invalidate(items.map((i) => i.variant_id));
  }

  async function refund(
    id: string,
    input: { amount?: number | undefined; reason?: string | undefined; restock?: boolean | undefined },
    requestKey: string | undefined,
  ): Promise<Order> {
    const row = await mustGet(id);
    if (
      !['paid', 'fulfilled', 'delivered', 'partially_refunded', 'cancelled'].includes(row.status) ||
      row.captured === 0
    )
      throw wrongState(row, 'refunded');
    const left = row.captured - row.refunded;
    const amount = input.amount ?? left;
    if (left === 0) throw wrongState(row, 'refunded');
    if (amount > left)
      throw new InvalidRequestError(`At most ${left} can still be refunded.`, {
        code: 'amount_too_large',
        param: 'amount',
        details: { refundable: left },
      });
    const refundId = randomId('re', 24);
    const result = await payments.refund(row.payment_reference, amount, {
      idempotencyKey: `${id}:refund:${requestKey ?? refundId}`,
    });
    const full = row.refunded + amount === row.captured;
    const status: OrderStatus = row.status === 'cancelled' ? 'cancelled' : full ? 'refunded' : 'partially_refunded';
    const restock = input.restock === true && full && row.status !== 'cancelled';
    const recorded = await db.transaction(async (tx) => {
      const repo = createOrderRepository(tx);
      const ok = await repo.addRefund(
        {
          id: refundId,
          order_id: id,
          amount,
          reason: input.reason ?? null,
          restocked: restock,
          provider_reference: result.id,
          created_at: clock.now(),
        },
        status,
        clock.now(),
      );
      if (ok && full) await repo.markItemsRefunded(id);
      return ok;
    });
    if (!recorded)
      throw new ConflictError('The order changed while refunding; read it and try again.', { code: 'order_changed' });
    if (restock) await restockItems(id);
    return views.toOrder(await mustGet(id));
  }

  /** Cancels an order not yet shipped: its units go back on hand and its payment is refunded (or the authorization released). */
  async function cancel(
    id: string,
    input: { reason?: string | undefined },
    requestKey: string | undefined,
  ): Promise<Order> {
    let row = await mustGet(id);
    if (row.status === 'cancelled') return views.toOrder(row);
    if (row.status === 'pending') {
      // The authorization is voided before the order is cancelled, never after: a capture racing
      // this one either loses, or wins and the order is cancelled as a paid one (refunded).
      const settled = await deps.settlement.cancelPending(id, input.reason ?? 'order cancelled', 'admin');
      if (settled.outcome !== 'paid') return views.toOrder(settled.order);
      row = settled.order;
    }
    if (row.status !== 'paid') throw wrongState(row, 'cancelled');
    if (
      !(await createOrderRepository(db).transition(id, ['paid'], 'cancelled', clock.now(), {
        cancelReason: input.reason ?? null,
      }))
    )
      throw wrongState(await mustGet(id), 'cancelled');
    await restockItems(id);
    if (row.captured > 0)
      await refund(
        id,
        { amount: row.captured - row.refunded, reason: input.reason ?? 'order cancelled' },
        requestKey ?? 'cancel',
      );
    return views.toOrder(await mustGet(id));
  }

  return {
    /** The shopper's read: the id with its access token (compared in constant time), or any order with a secret key. */
    async get(id: string, access: { token?: string | undefined; admin: boolean }): Promise<Order> {
      const row = await createOrderRepository(db).get(id);
      if (!row || (!access.admin && (!access.token || !sameToken(access.token, row.token))))
        throw new NotFoundError(`No such order: '${id}'`, { param: 'id' });
      return views.toOrder(row);
    },

    async list(query: {
      limit?: number | undefined;
      cursor?: string | undefined;
      status?: OrderStatus | undefined;
      email?: string | undefined;
    }): Promise<OrderList> {
      const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
      let after: { createdAt: Date; id: string } | undefined;
      if (query.cursor) {
        const [createdAt, lastId] = decodeCursor(query.cursor, CURSOR_SORT, ['timestamp', 'text']);
        if (typeof createdAt !== 'string' || typeof lastId !== 'string' || Number.isNaN(Date.parse(createdAt)))
          throw new InvalidRequestError('Invalid cursor.', { param: 'cursor' });
        after = { createdAt: new Date(createdAt), id: lastId };
      }
      const rows = await createOrderRepository(db).list({
        status: query.status,
        email: query.email,
        after,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        object: 'list',
        data: await views.toOrders(page),
        has_more: rows.length > limit,
        next_cursor:
          rows.length > limit && last ? encodeCursor(CURSOR_SORT, [last.created_at.toISOString(), last.id]) : null,
      };
    },

    async fulfil(
      id: string,
      input: { carrier?: string | undefined; tracking_number?: string | undefined },
    ): Promise<Order> {
      const row = await mustGet(id);
      if (row.status === 'fulfilled') return views.toOrder(row);
      const fulfillment = {
        carrier: input.carrier ?? null,
        tracking_number: input.tracking_number ?? null,
        fulfilled_at: clock.now().toISOString(),
      };
      if (!(await createOrderRepository(db).transition(id, ['paid'], 'fulfilled', clock.now(), { fulfillment })))
        throw wrongState(await mustGet(id), 'fulfilled');
      return views.toOrder(await mustGet(id));
    },

    async markDelivered(id: string): Promise<Order> {
      if (!(await createOrderRepository(db).transition(id, ['fulfilled'], 'delivered', clock.now()))) {
        const row = await mustGet(id);
        if (row.status !== 'delivered') throw wrongState(row, 'delivered');
      }
      return views.toOrder(await mustGet(id));
    },

    cancel,

    refund,

    /**
     * Finishes a pending order by hand (what the recovery job could not decide): `capture` takes
     * the authorized payment, `cancel` voids it (or refunds a capture) and returns the stock.
     */
    async resolve(
      id: string,
      input: { action: 'capture' | 'cancel'; reason?: string | undefined },
      requestKey: string | undefined,
    ): Promise<Order> {
      if (input.action === 'capture') return views.toOrder(await deps.settlement.capturePending(id, 'admin'));
      const row = await mustGet(id);
      if (row.status !== 'pending' && row.status !== 'cancelled')
        throw wrongState(row, 'resolved (cancel a paid order instead)');
      return cancel(id, { reason: input.reason ?? 'resolved by an admin' }, requestKey);
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
