import type {
  Address,
  OrderFulfillmentStatus,
  OrderPaymentStatus,
  OrderStatus,
  ShippingRate,
} from '@shoptag/sdk/contract';
import type { Queryable } from './db.js';

export interface OrderRow {
  id: string;
  number: string;
  checkout_session_id: string;
  status: OrderStatus;
  currency: string;
  email: string;
  /** Null when nothing in the order needs shipping. */
  shipping_address: Address | null;
  billing_address: Address;
  shipping_method: ShippingRate | null;
  requires_shipping: boolean;
  coupon_code: string | null;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  tax_included: boolean;
  total: number;
  refunded: number;
  payment_provider: 'stripe' | 'simulated';
  payment_reference: string;
  captured: number;
  /** The card paid with, recorded when the order is paid. */
  payment_card: { brand: string; last4: string } | null;
  token: string;
  fulfillment: { carrier: string | null; tracking_number: string | null; fulfilled_at: string } | null;
  fulfillment_status: OrderFulfillmentStatus;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OrderItemRow {
  id: string;
  order_id: string;
  position: number;
  variant_id: string;
  product_id: string;
  name: string;
  variant_title: string;
  options: Record<string, string>;
  sku: string;
  image: { url: string; alt: string } | null;
  unit_price: number;
  quantity: number;
  line_total: number;
  tax: number;
  refunded_quantity: number;
  fulfilled_quantity: number;
  restocked_quantity: number;
  /** Units not on hand when the order was placed (sold on backorder): they ship later. */
  backordered_quantity: number;
  requires_shipping: boolean;
}

export interface RefundRow {
  id: string;
  order_id: string;
  amount: number;
  reason: string | null;
  restocked: boolean;
  provider_reference: string | null;
  /** The Idempotency-Key of the request that made it, when it had one. */
  request_key?: string | null;
  created_at: Date;
}

const ORDER_COLUMNS = `id, number, checkout_session_id, status, currency, email, shipping_address, billing_address, shipping_method, requires_shipping, coupon_code,
  subtotal, discount, shipping, tax, tax_included, total, refunded, payment_provider, payment_reference, captured, payment_card, token, fulfillment,
  fulfillment_status, cancel_reason, created_at, updated_at`;

/** Which orders a payment status names, as SQL over `captured`, `refunded` and `status`. */
const PAYMENT_STATUS_SQL: Readonly<Record<OrderPaymentStatus, string>> = {
  pending: "status = 'pending'",
  unpaid: "status <> 'pending' AND captured = 0",
  paid: 'captured > 0 AND refunded = 0',
  partially_refunded: 'refunded > 0 AND refunded < captured',
  refunded: 'captured > 0 AND refunded = captured',
};

export type NewOrder = Omit<
  OrderRow,
  | 'number'
  | 'refunded'
  | 'captured'
  | 'payment_card'
  | 'fulfillment'
  | 'fulfillment_status'
  | 'cancel_reason'
  | 'updated_at'
>;

/** Orders, their item snapshots and refunds. */
export function createOrderRepository(q: Queryable) {
  return {
    /** Inserts the order with the next order number; false when the session already has one (the unique constraint). */
    async insert(
      order: NewOrder,
      items: readonly Omit<
        OrderItemRow,
        'order_id' | 'refunded_quantity' | 'backordered_quantity' | 'fulfilled_quantity' | 'restocked_quantity'
      >[],
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `INSERT INTO orders (id, number, checkout_session_id, status, currency, email, shipping_address, billing_address, shipping_method, coupon_code,
                             subtotal, discount, shipping, tax, tax_included, total, payment_provider, payment_reference, token, created_at, updated_at,
                             requires_shipping)
         VALUES ($1, 'ST-' || nextval('order_number_seq'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, $20)
         ON CONFLICT (checkout_session_id) DO NOTHING`,
        [
          order.id,
          order.checkout_session_id,
          order.status,
          order.currency,
          order.email,
          order.shipping_address === null ? null : JSON.stringify(order.shipping_address),
          JSON.stringify(order.billing_address),
          order.shipping_method === null ? null : JSON.stringify(order.shipping_method),
          order.coupon_code,
          order.subtotal,
          order.discount,
          order.shipping,
          order.tax,
          order.tax_included,
          order.total,
          order.payment_provider,
          order.payment_reference,
          order.token,
          order.created_at,
          order.requires_shipping,
        ],
      );
      if (rowCount !== 1) return false;
      await q.query(
        `INSERT INTO order_events (order_id, type, actor_kind, data, created_at)
         SELECT id, 'placed', 'system', jsonb_build_object('number', number), created_at FROM orders WHERE id = $1`,
        [order.id],
      );
      for (const item of items) {
        await q.query(
          `INSERT INTO order_items (id, order_id, position, variant_id, product_id, name, variant_title, options, sku, image, unit_price, quantity, line_total, tax,
                                   requires_shipping)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [
            item.id,
            order.id,
            item.position,
            item.variant_id,
            item.product_id,
            item.name,
            item.variant_title,
            JSON.stringify(item.options),
            item.sku,
            item.image ? JSON.stringify(item.image) : null,
            item.unit_price,
            item.quantity,
            item.line_total,
            item.tax,
            item.requires_shipping,
          ],
        );
      }
      return true;
    },

    /** Records, per variant, the units of an order's lines that were sold on backorder. */
    async setBackordered(orderId: string, items: readonly { variantId: string; backordered: number }[]): Promise<void> {
      await q.query(
        `UPDATE order_items i SET backordered_quantity = least(t.n, i.quantity)
           FROM unnest($2::text[], $3::int[]) AS t (v, n)
          WHERE i.order_id = $1 AND i.variant_id = t.v`,
        [orderId, items.map((i) => i.variantId), items.map((i) => i.backordered)],
      );
    },

    async get(id: string, options: { lock?: boolean } = {}): Promise<OrderRow | undefined> {
      const { rows } = await q.query<OrderRow>(
        `SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
        [id],
      );
      return rows[0];
    },

    async bySession(sessionId: string): Promise<OrderRow | undefined> {
      const { rows } = await q.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE checkout_session_id = $1`, [
        sessionId,
      ]);
      return rows[0];
    },

    async items(orderIds: readonly string[]): Promise<OrderItemRow[]> {
      const { rows } = await q.query<OrderItemRow>(
        `SELECT id, order_id, position, variant_id, product_id, name, variant_title, options, sku, image, unit_price, quantity, line_total, tax, refunded_quantity,
                fulfilled_quantity, restocked_quantity, backordered_quantity, requires_shipping
           FROM order_items WHERE order_id = ANY($1::text[]) ORDER BY order_id, position`,
        [orderIds],
      );
      return rows;
    },

    /** Whether a request with this Idempotency-Key already refunded the order. */
    async hasRefundFor(orderId: string, requestKey: string): Promise<boolean> {
      const { rows } = await q.query('SELECT 1 FROM refunds WHERE order_id = $1 AND request_key = $2', [
        orderId,
        requestKey,
      ]);
      return rows.length > 0;
    },

    async refunds(orderIds: readonly string[]): Promise<RefundRow[]> {
      const { rows } = await q.query<RefundRow>(
        'SELECT id, order_id, amount, reason, restocked, provider_reference, created_at FROM refunds WHERE order_id = ANY($1::text[]) ORDER BY created_at, id',
        [orderIds],
      );
      return rows;
    },

    /**
     * Newest first, keyset-paged on (created_at, id), filtered by status, payment and fulfilment
     * status, a date range, an exact email, and `q`: part of the number, id, email or the
     * shipping name (case-insensitive).
     */
    async list(filter: {
      status?: OrderStatus | undefined;
      paymentStatus?: OrderPaymentStatus | undefined;
      fulfillmentStatus?: OrderFulfillmentStatus | undefined;
      createdAfter?: Date | undefined;
      createdBefore?: Date | undefined;
      email?: string | undefined;
      q?: string | undefined;
      after?: { createdAt: Date; id: string } | undefined;
      limit: number;
    }): Promise<OrderRow[]> {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.status) {
        params.push(filter.status);
        where.push(`status = $${params.length}`);
      }
      if (filter.paymentStatus) where.push(PAYMENT_STATUS_SQL[filter.paymentStatus]);
      if (filter.fulfillmentStatus) {
        params.push(filter.fulfillmentStatus);
        where.push(`fulfillment_status = $${params.length}`);
      }
      if (filter.createdAfter) {
        params.push(filter.createdAfter);
        where.push(`created_at >= $${params.length}`);
      }
      if (filter.createdBefore) {
        params.push(filter.createdBefore);
        where.push(`created_at < $${params.length}`);
      }
      if (filter.email) {
        params.push(filter.email.toLowerCase());
        where.push(`lower(email) = $${params.length}`);
      }
      if (filter.q) {
        params.push(`%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        const p = `$${params.length}`;
        where.push(
          `(lower(number) LIKE ${p} OR lower(id) LIKE ${p} OR lower(email) LIKE ${p} OR lower(shipping_address->>'name') LIKE ${p} OR lower(billing_address->>'name') LIKE ${p})`,
        );
      }
      if (filter.after) {
        params.push(filter.after.createdAt, filter.after.id);
        where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
      }
      params.push(filter.limit);
      const { rows } = await q.query<OrderRow>(
        `SELECT ${ORDER_COLUMNS} FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
        params,
      );
      return rows;
    },

    /** Moves the order to `status` only from one of `from`; false when it was elsewhere. */
    async transition(
      id: string,
      from: readonly OrderStatus[],
      status: OrderStatus,
      now: Date,
      extra: {
        captured?: number;
        card?: OrderRow['payment_card'];
        fulfillment?: OrderRow['fulfillment'];
        cancelReason?: string | null;
      } = {},
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE orders SET status = $3, updated_at = $4,
                captured = coalesce($5, captured),
                fulfillment = coalesce($6, fulfillment),
                cancel_reason = coalesce($7, cancel_reason),
                payment_card = coalesce($8, payment_card)
          WHERE id = $1 AND status = ANY($2::text[])`,
        [
          id,
          from,
          status,
          now,
          extra.captured ?? null,
          extra.fulfillment ? JSON.stringify(extra.fulfillment) : null,
          extra.cancelReason ?? null,
          extra.card ? JSON.stringify(extra.card) : null,
        ],
      );
      return rowCount === 1;
    },

    /**
     * Records a refund and raises `refunded`, within what was captured. `duplicate`: the provider's
     * refund is already recorded (a retry); `exceeds`: it would pass what was captured, and the
     * caller must roll back the transaction (the refund row is written first).
     */
    async addRefund(refund: RefundRow, status: OrderStatus, now: Date): Promise<'recorded' | 'duplicate' | 'exceeds'> {
      const inserted = await q.query(
        `INSERT INTO refunds (id, order_id, amount, reason, restocked, provider_reference, request_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING`,
        [
          refund.id,
          refund.order_id,
          refund.amount,
          refund.reason,
          refund.restocked,
          refund.provider_reference,
          refund.request_key ?? null,
          refund.created_at,
        ],
      );
      if (inserted.rowCount !== 1) return 'duplicate';
      const { rowCount } = await q.query(
        'UPDATE orders SET refunded = refunded + $2, status = $3, updated_at = $4 WHERE id = $1 AND refunded + $2 <= captured',
        [refund.order_id, refund.amount, status, now],
      );
      return rowCount === 1 ? 'recorded' : 'exceeds';
    },

    async markItemsRefunded(orderId: string): Promise<void> {
      await q.query('UPDATE order_items SET refunded_quantity = quantity WHERE order_id = $1', [orderId]);
    },
  };
}

export type OrderRepository = ReturnType<typeof createOrderRepository>;
