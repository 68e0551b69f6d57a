import { timingSafeEqual } from 'node:crypto';
import {
  type Order,
  type OrderEvent,
  type OrderEventList,
  type OrderFulfillmentStatus,
  type OrderList,
  type OrderPaymentStatus,
  type OrderStatus,
  type RefundPreview,
  DEFAULT_PAGE_LIMIT,
} from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../../errors.js';
import { silentLogger, type Logger } from '../../logger.js';
import type { PaymentProvider } from '../../payments/payment-provider.js';
import type { Db } from '../../store/db.js';
import { createOrderRepository, type OrderRow } from '../../store/order-repository.js';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import type { ReservationService } from '../inventory/index.js';
import type { OrderNotifier } from './order-notifier.js';
import { createOrderRefunds, type RefundInput } from './order-refunds.js';
import type { OrderSettlement } from './order-settlement.js';
import { createOrderShipping, type FulfilInput } from './order-shipping.js';
import { createOrderTimeline, SYSTEM_ACTOR, type OrderActor } from './order-timeline.js';
import type { OrderViews } from './order-views.js';

export interface OrderServiceDeps {
  db: Db;
  clock: Clock;
  payments: PaymentProvider;
  reservations: ReservationService;
  views: OrderViews;
  settlement: OrderSettlement;
  /** Emails the shopper shipments and refunds (default: nobody is told). */
  notifier?: OrderNotifier;
  logger?: Logger;
}

const CURSOR_SORT = 'orders';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface OrderListInput {
  limit?: number | undefined;
  cursor?: string | undefined;
  status?: OrderStatus | undefined;
  payment_status?: OrderPaymentStatus | undefined;
  fulfillment_status?: OrderFulfillmentStatus | undefined;
  created_after?: string | undefined;
  created_before?: string | undefined;
  email?: string | undefined;
  q?: string | undefined;
}

/**
 * Orders after placement: the shopper reads one with its token; an admin lists and searches them,
 * ships them in one or several shipments, cancels (stock back on hand, the payment refunded or
 * released), refunds in full or by line with or without restock, and reads and annotates each
 * order's timeline. Payment calls run outside transactions, with idempotency keys derived from the
 * order and the request.
 */
export function createOrderService(deps: OrderServiceDeps) {
  const { db, clock, views } = deps;
  const logger = deps.logger ?? silentLogger;
  const timeline = createOrderTimeline({ db, clock });

  async function mustGet(id: string): Promise<OrderRow> {
    const row = await createOrderRepository(db).get(id);
    if (!row) throw new NotFoundError(`No such order: '${id}'`, { param: 'id' });
    return row;
  }

  const wrongState = (row: OrderRow, action: string) =>
    new ConflictError(`An order that is ${row.status.replace('_', ' ')} cannot be ${action}.`, {
      code: 'order_status_invalid',
      details: { status: row.status, fulfillment_status: row.fulfillment_status },
    });

  const common = { db, clock, logger, views, timeline, notifier: deps.notifier, mustGet, wrongState };
  const shipping = createOrderShipping(common);
  const refunds = createOrderRefunds({
    ...common,
    payments: deps.payments,
    reservations: deps.reservations,
    settlement: deps.settlement,
  });

  return {
    /** The shopper's read: the id with its access token (compared in constant time), or any order with a secret key. */
    async get(id: string, access: { token?: string | undefined; admin: boolean }): Promise<Order> {
      const row = await createOrderRepository(db).get(id);
      if (!row || (!access.admin && (!access.token || !sameToken(access.token, row.token))))
        throw new NotFoundError(`No such order: '${id}'`, { param: 'id' });
      return views.toOrder(row);
    },

    async list(query: OrderListInput): Promise<OrderList> {
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
        paymentStatus: query.payment_status,
        fulfillmentStatus: query.fulfillment_status,
        createdAfter: query.created_after ? new Date(query.created_after) : undefined,
        createdBefore: query.created_before ? new Date(query.created_before) : undefined,
        email: query.email,
        q: query.q,
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

    fulfil: (id: string, input: FulfilInput, actor: OrderActor = SYSTEM_ACTOR) => shipping.fulfil(id, input, actor),

    markDelivered: (id: string, actor: OrderActor = SYSTEM_ACTOR) => shipping.markDelivered(id, actor),

    cancel: (
      id: string,
      input: { reason?: string | undefined },
      _requestKey?: string,
      actor: OrderActor = SYSTEM_ACTOR,
    ) => refunds.cancel(id, input, actor),

    refund: (id: string, input: RefundInput, requestKey: string | undefined, actor: OrderActor = SYSTEM_ACTOR) =>
      refunds.refund(id, input, requestKey, actor),

    previewRefund: (id: string, input: RefundInput): Promise<RefundPreview> => refunds.preview(id, input),

    /** The order's timeline, oldest first. */
    async events(
      id: string,
      query: { limit?: number | undefined; cursor?: string | undefined },
    ): Promise<OrderEventList> {
      await mustGet(id);
      return timeline.list(id, query);
    },

    /** A staff note on the order's timeline. */
    async addNote(id: string, body: string, actor: OrderActor): Promise<OrderEvent> {
      await mustGet(id);
      return timeline.record(db, id, 'note', actor, { body });
    },

    /**
     * Finishes a pending order by hand (what the recovery job could not decide): `capture` takes
     * the authorized payment, `cancel` voids it (or refunds a capture) and returns the stock.
     */
    async resolve(
      id: string,
      input: { action: 'capture' | 'cancel'; reason?: string | undefined },
      _requestKey: string | undefined,
      actor: OrderActor = SYSTEM_ACTOR,
    ): Promise<Order> {
      if (input.action === 'capture') return views.toOrder(await deps.settlement.capturePending(id, 'admin'));
      const row = await mustGet(id);
      if (row.status !== 'pending' && row.status !== 'cancelled')
        throw wrongState(row, 'resolved (cancel a paid order instead)');
      return refunds.cancel(id, { reason: input.reason ?? 'resolved by an admin' }, actor);
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
