import type { Order, OrderPaymentStatus } from '@shoptag/sdk/contract';
import type { Db } from '../../store/db.js';
import {
  createOrderRepository,
  type OrderItemRow,
  type OrderRow,
  type RefundRow,
} from '../../store/order-repository.js';
import {
  createOrderFulfillmentRepository,
  type FulfillmentItemRow,
  type FulfillmentRow,
  type RefundItemRow,
} from '../../store/order-fulfillment-repository.js';

interface OrderParts {
  items: OrderItemRow[];
  refunds: RefundRow[];
  refundItems: RefundItemRow[];
  fulfillments: FulfillmentRow[];
  fulfillmentItems: FulfillmentItemRow[];
}

/** The payment's state, from what was captured and refunded (see `OrderPaymentStatus`). */
export function paymentStatusOf(row: Pick<OrderRow, 'status' | 'captured' | 'refunded'>): OrderPaymentStatus {
  if (row.status === 'pending') return 'pending';
  if (row.captured === 0) return 'unpaid';
  if (row.refunded === 0) return 'paid';
  return row.refunded < row.captured ? 'partially_refunded' : 'refunded';
}

/** Builds the wire shape of orders (items, refunds, shipments and their lines read in one query each). */
export function createOrderViews(db: Db) {
  function build(row: OrderRow, { items, refunds, refundItems, fulfillments, fulfillmentItems }: OrderParts): Order {
    const money = (amount: number) => ({ amount, currency: row.currency });
    return {
      object: 'order',
      id: row.id,
      number: row.number,
      status: row.status,
      currency: row.currency,
      email: row.email,
      shipping_address: row.shipping_address,
      billing_address: row.billing_address,
      shipping_method: row.shipping_method,
      requires_shipping: row.requires_shipping,
      items: items.map((i) => ({
        id: i.id,
        variant_id: i.variant_id,
        product_id: i.product_id,
        name: i.name,
        variant_title: i.variant_title,
        options: i.options,
        sku: i.sku,
        image: i.image,
        unit_price: money(i.unit_price),
        quantity: i.quantity,
        line_total: money(i.line_total),
        tax: money(i.tax),
        refunded_quantity: i.refunded_quantity,
        fulfilled_quantity: i.fulfilled_quantity,
        restocked_quantity: i.restocked_quantity,
        backordered_quantity: i.backordered_quantity,
        requires_shipping: i.requires_shipping,
      })),
      coupon_code: row.coupon_code,
      totals: {
        subtotal: money(row.subtotal),
        discount: money(row.discount),
        shipping: money(row.shipping),
        tax: money(row.tax),
        total: money(row.total),
        refunded: money(row.refunded),
        tax_included: row.tax_included,
      },
      payment: {
        provider: row.payment_provider,
        reference: row.payment_reference,
        captured: money(row.captured),
        card: row.payment_card,
      },
      refunds: refunds.map((r) => ({
        object: 'refund',
        id: r.id,
        amount: money(r.amount),
        reason: r.reason,
        restocked: r.restocked,
        items: refundItems
          .filter((ri) => ri.refund_id === r.id)
          .map((ri) => ({ item_id: ri.item_id, quantity: ri.quantity, restocked_quantity: ri.restocked_quantity })),
        provider_reference: r.provider_reference,
        created_at: r.created_at.toISOString(),
      })),
      fulfillment: row.fulfillment,
      fulfillments: fulfillments.map((f) => ({
        object: 'fulfillment',
        id: f.id,
        carrier: f.carrier,
        tracking_number: f.tracking_number,
        tracking_url: f.tracking_url,
        items: fulfillmentItems
          .filter((fi) => fi.fulfillment_id === f.id)
          .map((fi) => ({ item_id: fi.item_id, quantity: fi.quantity })),
        created_at: f.created_at.toISOString(),
      })),
      fulfillment_status: row.fulfillment_status,
      payment_status: paymentStatusOf(row),
      checkout_session_id: row.checkout_session_id,
      token: row.token,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }

  async function toOrders(rows: readonly OrderRow[]): Promise<Order[]> {
    const ids = rows.map((r) => r.id);
    const repo = createOrderRepository(db);
    const shipments = createOrderFulfillmentRepository(db);
    const [items, refunds, refundItems, fulfillments, fulfillmentItems] = await Promise.all([
      repo.items(ids),
      repo.refunds(ids),
      shipments.refundItems(ids),
      shipments.fulfillments(ids),
      shipments.fulfillmentItems(ids),
    ]);
    return rows.map((row) => {
      const orderFulfillments = fulfillments.filter((f) => f.order_id === row.id);
      const orderRefunds = refunds.filter((r) => r.order_id === row.id);
      return build(row, {
        items: items.filter((i) => i.order_id === row.id),
        refunds: orderRefunds,
        refundItems: refundItems.filter((ri) => orderRefunds.some((r) => r.id === ri.refund_id)),
        fulfillments: orderFulfillments,
        fulfillmentItems: fulfillmentItems.filter((fi) => orderFulfillments.some((f) => f.id === fi.fulfillment_id)),
      });
    });
  }

  return {
    toOrders,
    toOrder: async (row: OrderRow): Promise<Order> => (await toOrders([row]))[0]!,
  };
}

export type OrderViews = ReturnType<typeof createOrderViews>;
