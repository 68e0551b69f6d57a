import type { OrderEventType } from '@shoptag/sdk/contract';
import type { Queryable } from './db.js';

export interface FulfillmentRow {
  id: string;
  order_id: string;
  carrier: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  created_at: Date;
}

export interface FulfillmentItemRow {
  fulfillment_id: string;
  item_id: string;
  quantity: number;
}

export interface RefundItemRow {
  refund_id: string;
  item_id: string;
  quantity: number;
  restocked_quantity: number;
}

export interface OrderEventRow {
  id: string;
  order_id: string;
  type: OrderEventType;
  actor_kind: 'staff' | 'key' | 'system';
  actor_id: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export type NewOrderEvent = Omit<OrderEventRow, 'id'>;

/**
 * Shipments, refunded lines, restocks and the timeline of orders. Each write that could be
 * repeated (a retried request, two admins at once) is guarded in its own statement and answers
 * whether it took effect, so the caller rolls the transaction back when it did not.
 */
export function createOrderFulfillmentRepository(q: Queryable) {
  return {
    async fulfillments(orderIds: readonly string[]): Promise<FulfillmentRow[]> {
      const { rows } = await q.query<FulfillmentRow>(
        `SELECT id, order_id, carrier, tracking_number, tracking_url, created_at
           FROM fulfillments WHERE order_id = ANY($1::text[]) ORDER BY created_at, id`,
        [orderIds],
      );
      return rows;
    },

    async fulfillmentItems(orderIds: readonly string[]): Promise<FulfillmentItemRow[]> {
      const { rows } = await q.query<FulfillmentItemRow>(
        `SELECT fi.fulfillment_id, fi.item_id, fi.quantity
           FROM fulfillment_items fi JOIN order_items i ON i.id = fi.item_id
          WHERE i.order_id = ANY($1::text[]) ORDER BY fi.fulfillment_id, i.position`,
        [orderIds],
      );
      return rows;
    },

    async refundItems(orderIds: readonly string[]): Promise<RefundItemRow[]> {
      const { rows } = await q.query<RefundItemRow>(
        `SELECT ri.refund_id, ri.item_id, ri.quantity, ri.restocked_quantity
           FROM refund_items ri JOIN order_items i ON i.id = ri.item_id
          WHERE i.order_id = ANY($1::text[]) ORDER BY ri.refund_id, i.position`,
        [orderIds],
      );
      return rows;
    },

    async insertFulfillment(row: FulfillmentRow): Promise<void> {
      await q.query(
        `INSERT INTO fulfillments (id, order_id, carrier, tracking_number, tracking_url, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.order_id, row.carrier, row.tracking_number, row.tracking_url, row.created_at],
      );
    },

    /** Ships `quantity` more units of an item; false when that passes the units neither shipped nor refunded. */
    async ship(fulfillmentId: string, orderId: string, itemId: string, quantity: number): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE order_items SET fulfilled_quantity = fulfilled_quantity + $3
          WHERE id = $2 AND order_id = $1 AND fulfilled_quantity + refunded_quantity + $3 <= quantity`,
        [orderId, itemId, quantity],
      );
      if (rowCount !== 1) return false;
      await q.query('INSERT INTO fulfillment_items (fulfillment_id, item_id, quantity) VALUES ($1, $2, $3)', [
        fulfillmentId,
        itemId,
        quantity,
      ]);
      return true;
    },

    /** Counts `quantity` more units of an item refunded; false when that passes its quantity. */
    async refundUnits(refundId: string, orderId: string, itemId: string, quantity: number): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE order_items SET refunded_quantity = refunded_quantity + $3
          WHERE id = $2 AND order_id = $1 AND refunded_quantity + $3 <= quantity`,
        [orderId, itemId, quantity],
      );
      if (rowCount !== 1) return false;
      await q.query(
        'INSERT INTO refund_items (refund_id, item_id, quantity, restocked_quantity) VALUES ($1, $2, $3, 0)',
        [refundId, itemId, quantity],
      );
      return true;
    },

    /**
     * Puts up to `quantity` units of an item back on hand, never more than were not restocked yet
     * (so a cancellation after a restocking refund, or a retry, counts each unit once), and records
     * them on the refund when there is one. Answers the units restocked.
     */
    async restockUnits(
      orderId: string,
      itemId: string,
      quantity: number,
      now: Date,
      refundId: string | null,
    ): Promise<number> {
      const { rows } = await q.query<{ variant_id: string; units: number }>(
        `WITH want AS (
           SELECT id, variant_id, LEAST($3::integer, quantity - restocked_quantity) AS units
             FROM order_items WHERE id = $2 AND order_id = $1 FOR UPDATE
         )
         UPDATE order_items i SET restocked_quantity = i.restocked_quantity + want.units
           FROM want WHERE i.id = want.id AND want.units > 0
         RETURNING i.variant_id, want.units`,
        [orderId, itemId, quantity],
      );
      const row = rows[0];
      if (!row) return 0;
      // Back on hand, and in the variant's stock history (reason `restock`, the order as reference).
      await q.query(
        `WITH level AS (
           UPDATE inventory_levels SET on_hand = on_hand + $2::integer, updated_at = $3::timestamptz
            WHERE variant_id = $1::text RETURNING on_hand
         )
         INSERT INTO inventory_movements (variant_id, delta, on_hand, reason, note, actor_type, actor_id, reference, created_at)
         SELECT $1::text, $2::integer, level.on_hand, 'restock', '', 'system', NULL, $4::text, $3::timestamptz FROM level`,
        [row.variant_id, row.units, now, orderId],
      );
      if (refundId)
        await q.query('UPDATE refund_items SET restocked_quantity = $3 WHERE refund_id = $1 AND item_id = $2', [
          refundId,
          itemId,
          row.units,
        ]);
      return row.units;
    },

    /** Sets the order's fulfilment status from its items that ship: none, some or all of the units not refunded shipped. */
    async refreshFulfillmentStatus(orderId: string): Promise<void> {
      await q.query(
        `UPDATE orders o SET fulfillment_status = CASE
             WHEN s.shipped = 0 THEN 'unfulfilled'
             WHEN s.open > 0 THEN 'partially_fulfilled'
             ELSE 'fulfilled' END
           FROM (SELECT coalesce(sum(fulfilled_quantity), 0) AS shipped,
                        coalesce(sum(GREATEST(quantity - fulfilled_quantity - refunded_quantity, 0)), 0) AS open
                   FROM order_items WHERE order_id = $1 AND requires_shipping) s
          WHERE o.id = $1`,
        [orderId],
      );
    },

    /** Records the latest shipment on the order (the `fulfillment` summary) and its status. */
    async setOrderShipment(
      orderId: string,
      status: string,
      from: readonly string[],
      summary: { carrier: string | null; tracking_number: string | null; fulfilled_at: string },
      now: Date,
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE orders SET status = $3, fulfillment = $4, updated_at = $5 WHERE id = $1 AND status = ANY($2::text[])`,
        [orderId, from, status, JSON.stringify(summary), now],
      );
      return rowCount === 1;
    },

    async addEvent(event: NewOrderEvent): Promise<OrderEventRow> {
      const { rows } = await q.query<OrderEventRow>(
        `INSERT INTO order_events (order_id, type, actor_kind, actor_id, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id::text AS id, order_id, type, actor_kind, actor_id, data, created_at`,
        [event.order_id, event.type, event.actor_kind, event.actor_id, JSON.stringify(event.data), event.created_at],
      );
      return rows[0]!;
    },

    /** The order's timeline, oldest first, keyset-paged on the event's sequence number. */
    async events(orderId: string, options: { after?: string | undefined; limit: number }): Promise<OrderEventRow[]> {
      const { rows } = await q.query<OrderEventRow>(
        `SELECT id::text AS id, order_id, type, actor_kind, actor_id, data, created_at
           FROM order_events WHERE order_id = $1 AND ($2::bigint IS NULL OR id > $2::bigint)
          ORDER BY id LIMIT $3`,
        [orderId, options.after ?? null, options.limit],
      );
      return rows;
    },
  };
}

export type OrderFulfillmentRepository = ReturnType<typeof createOrderFulfillmentRepository>;
