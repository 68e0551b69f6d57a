import type { Order } from '@shoptag/sdk/contract';
import type { Db } from '../../store/db.js';
import {
  createOrderRepository,
  type OrderItemRow,
  type OrderRow,
  type RefundRow,
} from '../../store/order-repository.js';

/** Builds the wire shape of orders (items and refunds read in one query each). */
export function createOrderViews(db: Db) {
  function build(row: OrderRow, items: OrderItemRow[], refunds: RefundRow[]): Order {
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
        provider_reference: r.provider_reference,
        created_at: r.created_at.toISOString(),
      })),
      fulfillment: row.fulfillment,
      checkout_session_id: row.checkout_session_id,
      token: row.token,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }

  async function toOrders(rows: readonly OrderRow[]): Promise<Order[]> {
    const ids = rows.map((r) => r.id);
    const repo = createOrderRepository(db);
    const [items, refunds] = await Promise.all([repo.items(ids), repo.refunds(ids)]);
    return rows.map((row) =>
      build(
        row,
        items.filter((i) => i.order_id === row.id),
        refunds.filter((r) => r.order_id === row.id),
      ),
    );
  }

  return {
    toOrders,
    toOrder: async (row: OrderRow): Promise<Order> => (await toOrders([row]))[0]!,
  };
}

export type OrderViews = ReturnType<typeof createOrderViews>;
