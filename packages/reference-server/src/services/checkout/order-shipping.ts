import type { Fulfillment, Order, OrderStatus } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError } from '../../errors.js';
import { randomId } from '../../ids.js';
import type { Logger } from '../../logger.js';
import type { Db } from '../../store/db.js';
import { createOrderFulfillmentRepository } from '../../store/order-fulfillment-repository.js';
import { createOrderRepository, type OrderItemRow, type OrderRow } from '../../store/order-repository.js';
import type { OrderNotifier } from './order-notifier.js';
import type { OrderActor, OrderTimeline } from './order-timeline.js';
import type { OrderViews } from './order-views.js';
import { trackingUrl } from './tracking-links.js';

export interface OrderShippingDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  views: OrderViews;
  timeline: OrderTimeline;
  notifier: OrderNotifier | undefined;
  mustGet(id: string): Promise<OrderRow>;
  wrongState(row: OrderRow, action: string): ConflictError;
}

export interface FulfilInput {
  carrier?: string | undefined;
  tracking_number?: string | undefined;
  tracking_url?: string | undefined;
  items?: { item_id: string; quantity: number }[] | undefined;
  notify?: boolean | undefined;
}

/** Orders whose units may still ship. */
const SHIPPABLE: readonly OrderStatus[] = ['paid', 'partially_fulfilled', 'fulfilled', 'partially_refunded'];

/** Units of a line neither shipped nor refunded (none for a line that needs no shipping: a download, a gift card). */
export const openUnits = (i: OrderItemRow) =>
  i.requires_shipping === false ? 0 : Math.max(0, i.quantity - i.fulfilled_quantity - i.refunded_quantity);

const changed = () =>
  new ConflictError('The order changed while it was being updated; read it and try again.', { code: 'order_changed' });

/**
 * Shipments: each takes chosen units of chosen lines (default every unit still to ship) with a
 * carrier, a tracking number and its carrier's tracking page. The order is `partially_fulfilled`
 * until every unit not refunded has shipped, then `fulfilled` (an order with refunds keeps its
 * refund status; its `fulfillment_status` says how far shipping went). The shopper is emailed.
 */
export function createOrderShipping(deps: OrderShippingDeps) {
  const { db, clock, views, timeline } = deps;

  /** Emails the shopper after the answer, and puts the email on the timeline. */
  function notifyShipped(order: Order, fulfillment: Fulfillment): void {
    const notifier = deps.notifier;
    if (!notifier) return;
    notifier
      .shipped(order, fulfillment)
      .then(() =>
        timeline.record(
          db,
          order.id,
          'email_sent',
          { kind: 'system', id: null },
          {
            template: 'shipped',
            to: order.email,
            fulfillment_id: fulfillment.id,
          },
        ),
      )
      .catch((error: unknown) => deps.logger.error(`the shipment email of order ${order.number} failed`, error));
  }

  return {
    async fulfil(id: string, input: FulfilInput, actor: OrderActor): Promise<Order> {
      const row = await deps.mustGet(id);
      if (!SHIPPABLE.includes(row.status)) throw deps.wrongState(row, 'fulfilled');
      const items = await createOrderRepository(db).items([id]);
      // A repeated "ship everything" finds nothing left: the order is answered as it is.
      if (!input.items && items.every((i) => openUnits(i) === 0)) {
        if (row.fulfillment_status === 'fulfilled') return views.toOrder(row);
        throw deps.wrongState(row, 'fulfilled');
      }
      const lines =
        input.items ?? items.filter((i) => openUnits(i) > 0).map((i) => ({ item_id: i.id, quantity: openUnits(i) }));
      const seen = new Set<string>();
      lines.forEach((line, n) => {
        const item = items.find((i) => i.id === line.item_id);
        if (!item || seen.has(line.item_id))
          throw new InvalidRequestError(`'${line.item_id}' is not a line of this order (or is named twice).`, {
            code: 'order_item_invalid',
            param: `items.${n}.item_id`,
          });
        seen.add(line.item_id);
        if (line.quantity > openUnits(item))
          throw new InvalidRequestError(`Only ${openUnits(item)} of '${item.name}' can still ship.`, {
            code: 'fulfillment_quantity_invalid',
            param: `items.${n}.quantity`,
            details: { shippable: openUnits(item) },
          });
      });
      const carrier = input.carrier ?? null;
      const trackingNumber = input.tracking_number ?? null;
      const fulfillmentId = randomId('ful', 24);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const shipments = createOrderFulfillmentRepository(tx);
        await shipments.insertFulfillment({
          id: fulfillmentId,
          order_id: id,
          carrier,
          tracking_number: trackingNumber,
          tracking_url: input.tracking_url ?? trackingUrl(carrier, trackingNumber),
          created_at: now,
        });
        for (const line of lines)
          if (!(await shipments.ship(fulfillmentId, id, line.item_id, line.quantity))) throw changed();
        await shipments.refreshFulfillmentStatus(id);
        const after = (await createOrderRepository(tx).get(id))!;
        const status: OrderStatus =
          row.status === 'partially_refunded'
            ? row.status
            : after.fulfillment_status === 'fulfilled'
              ? 'fulfilled'
              : 'partially_fulfilled';
        const summary = { carrier, tracking_number: trackingNumber, fulfilled_at: now.toISOString() };
        if (!(await shipments.setOrderShipment(id, status, [row.status], summary, now))) throw changed();
        await timeline.record(tx, id, 'fulfilled', actor, {
          fulfillment_id: fulfillmentId,
          carrier,
          tracking_number: trackingNumber,
          items: lines,
        });
      });
      const order = await views.toOrder(await deps.mustGet(id));
      const fulfillment = order.fulfillments.find((f) => f.id === fulfillmentId);
      if (fulfillment && input.notify !== false) notifyShipped(order, fulfillment);
      return order;
    },

    /** A shipped order arrived (every unit not refunded shipped). */
    async markDelivered(id: string, actor: OrderActor): Promise<Order> {
      const row = await deps.mustGet(id);
      if (row.status === 'delivered') return views.toOrder(row);
      const from: OrderStatus[] = row.fulfillment_status === 'fulfilled' ? ['fulfilled', 'partially_refunded'] : [];
      const moved = await db.transaction(async (tx) => {
        if (!(await createOrderRepository(tx).transition(id, from, 'delivered', clock.now()))) return false;
        await timeline.record(tx, id, 'delivered', actor);
        return true;
      });
      if (!moved) throw deps.wrongState(await deps.mustGet(id), 'delivered');
      return views.toOrder(await deps.mustGet(id));
    },
  };
}
