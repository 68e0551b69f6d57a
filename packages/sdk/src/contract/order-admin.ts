import { z } from 'zod';
import { Money } from './money.js';
import { PageQuery, listOf } from './pagination.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

/** What a refund would be, before it is made: `POST /v1/admin/orders/:id/refunds/preview` with the refund's body. */
export const RefundPreview = z
  .object({
    object: z.literal('refund_preview'),
    amount: Money.meta({ description: 'What the refund would return to the shopper' }),
    refundable: Money.meta({ description: 'What can still be refunded in all' }),
    items: z.array(
      z.object({ item_id: z.string(), quantity: z.number().int().positive(), restock: z.boolean(), amount: Money }),
    ),
  })
  .meta({ id: 'RefundPreview' });
export type RefundPreview = z.infer<typeof RefundPreview>;

export const ORDER_EVENT_TYPES = [
  'placed',
  'paid',
  'fulfilled',
  'delivered',
  'refunded',
  'cancelled',
  'email_sent',
  'note',
] as const;
export const OrderEventType = z.enum(ORDER_EVENT_TYPES);
export type OrderEventType = z.infer<typeof OrderEventType>;

/** Who did something to an order: a staff member, a secret key, or the shop itself (checkout, webhooks, recovery). */
export const OrderEventActor = z
  .object({
    kind: z.enum(['staff', 'key', 'system']),
    id: z.string().nullable(),
  })
  .meta({ id: 'OrderEventActor' });
export type OrderEventActor = z.infer<typeof OrderEventActor>;

/** One entry of an order's timeline. `data` depends on `type` (a fulfilment's tracking, a refund's amount, a note's text …). */
export const OrderEvent = z
  .object({
    object: z.literal('order_event'),
    id: z.string(),
    order_id: z.string(),
    type: OrderEventType,
    actor: OrderEventActor,
    data: z.record(z.string(), z.unknown()),
    created_at: Timestamp,
  })
  .meta({ id: 'OrderEvent' });
export type OrderEvent = z.infer<typeof OrderEvent>;

export const OrderEventQuery = PageQuery.pick({ limit: true, cursor: true }).strict();
export type OrderEventQuery = z.input<typeof OrderEventQuery>;
export const OrderEventList = listOf(OrderEvent).meta({ id: 'OrderEventList' });
export type OrderEventList = z.infer<typeof OrderEventList>;

/** A staff note on an order's timeline. */
export const OrderNoteCreate = z
  .object({ body: z.string().trim().min(1).max(2000) })
  .strict()
  .meta({ id: 'OrderNoteCreate' });
export type OrderNoteCreate = z.input<typeof OrderNoteCreate>;
