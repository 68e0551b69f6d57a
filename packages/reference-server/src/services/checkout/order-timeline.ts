import { DEFAULT_PAGE_LIMIT, type OrderEvent, type OrderEventList, type OrderEventType } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { InvalidRequestError } from '../../errors.js';
import type { Queryable } from '../../store/db.js';
import { createOrderFulfillmentRepository, type OrderEventRow } from '../../store/order-fulfillment-repository.js';

/** Who acted on an order: a staff member (session), a secret key, or the shop itself. */
export interface OrderActor {
  kind: 'staff' | 'key' | 'system';
  id: string | null;
}

export const SYSTEM_ACTOR: OrderActor = { kind: 'system', id: null };

const CURSOR_SORT = 'order_events';

export function toOrderEvent(row: OrderEventRow): OrderEvent {
  return {
    object: 'order_event',
    id: `oev_${row.id}`,
    order_id: row.order_id,
    type: row.type,
    actor: { kind: row.actor_kind, id: row.actor_id },
    data: row.data,
    created_at: row.created_at.toISOString(),
  };
}

/** Writes and reads an order's timeline (events are written inside the caller's transaction when it has one). */
export function createOrderTimeline(deps: { db: Queryable; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async record(
      q: Queryable,
      orderId: string,
      type: OrderEventType,
      actor: OrderActor,
      data: Record<string, unknown> = {},
    ): Promise<OrderEvent> {
      const row = await createOrderFulfillmentRepository(q).addEvent({
        order_id: orderId,
        type,
        actor_kind: actor.kind,
        actor_id: actor.id,
        data,
        created_at: clock.now(),
      });
      return toOrderEvent(row);
    },

    async list(
      orderId: string,
      query: { limit?: number | undefined; cursor?: string | undefined },
    ): Promise<OrderEventList> {
      const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
      let after: string | undefined;
      if (query.cursor) {
        const [last] = decodeCursor(query.cursor, CURSOR_SORT, ['text']);
        if (typeof last !== 'string' || !/^\d{1,18}$/.test(last))
          throw new InvalidRequestError('Invalid cursor.', { param: 'cursor' });
        after = last;
      }
      const rows = await createOrderFulfillmentRepository(db).events(orderId, { after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        object: 'list',
        data: page.map(toOrderEvent),
        has_more: rows.length > limit,
        next_cursor: rows.length > limit && last ? encodeCursor(CURSOR_SORT, [last.id]) : null,
      };
    },
  };
}

export type OrderTimeline = ReturnType<typeof createOrderTimeline>;
