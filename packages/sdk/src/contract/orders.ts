import { z } from 'zod';
import { Address } from './address.js';
import { CheckoutRequiresAction, CheckoutSessionId, PaymentProviderKind, ShippingRate } from './checkout.js';
import { ORDER_TOKEN_HEADER } from './headers.js';
import { CurrencyCode, Money } from './money.js';
import { MAX_AMOUNT } from './limits.js';
import { PageQuery, listOf } from './pagination.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

export const OrderId = z
  .string()
  .regex(/^ord_[A-Za-z0-9]{1,64}$/, 'must be an order id (ord_…)')
  .meta({ example: 'ord_4fQ1wR8sZk2mN7pX0cV5bL3hJ9' });
export const OrderParams = z.object({ id: OrderId });
const OrderToken = z.string().min(1).max(200);
/** `?token=` of old order links: still accepted, never logged; clients send the header instead. */
export const OrderTokenQuery = z
  .object({
    token: OrderToken.optional().meta({
      description: `Deprecated: send the token in the ${ORDER_TOKEN_HEADER} header, which stays out of logs and Referer headers`,
      deprecated: true,
    }),
  })
  .strict();
/** The order's access token, returned when the order was placed (header names are matched case-insensitively). */
export const OrderTokenHeaders = z.object({
  [ORDER_TOKEN_HEADER]: OrderToken.optional().meta({
    description: 'The access token returned when the order was placed',
  }),
});

export const ORDER_STATUSES = [
  'pending',
  'paid',
  'fulfilled',
  'delivered',
  'cancelled',
  'refunded',
  'partially_refunded',
  // Added after the first release: some lines shipped, others still to ship.
  'partially_fulfilled',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** A line as it was bought: copied from the catalog at placement, so later catalog edits do not change it. */
export const OrderItem = z
  .object({
    id: z.string(),
    variant_id: z.string(),
    product_id: z.string(),
    name: z.string(),
    variant_title: z.string(),
    options: z.record(z.string(), z.string()),
    sku: z.string(),
    image: z.object({ url: z.string(), alt: z.string() }).nullable(),
    unit_price: Money,
    quantity: z.number().int().positive(),
    line_total: Money,
    tax: Money,
    refunded_quantity: z.number().int().nonnegative(),
    fulfilled_quantity: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'Units shipped so far (in one or more fulfilments)' }),
    restocked_quantity: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'Units put back in stock (by a refund with restock or a cancellation)' }),
    backordered_quantity: z.number().int().nonnegative().meta({
      description: 'Units that were not in stock when the order was placed (sold on backorder): they ship later',
    }),
    requires_shipping: z.boolean().meta({ description: 'False for digital goods and gift cards' }),
  })
  .meta({ id: 'OrderItem' });
export type OrderItem = z.infer<typeof OrderItem>;

/** Which units of which line: an order item id and a quantity. */
export const OrderLineQuantity = z
  .object({
    item_id: z.string().min(1).max(100).meta({ description: 'The order item (`items[].id`)' }),
    quantity: z.number().int().positive().max(100_000),
  })
  .strict()
  .meta({ id: 'OrderLineQuantity' });
export type OrderLineQuantity = z.infer<typeof OrderLineQuantity>;

export const RefundLine = z
  .object({
    item_id: z.string(),
    quantity: z.number().int().positive(),
    restocked_quantity: z.number().int().nonnegative(),
  })
  .meta({ id: 'RefundLine' });
export type RefundLine = z.infer<typeof RefundLine>;

export const Refund = z
  .object({
    object: z.literal('refund'),
    id: z.string(),
    amount: Money,
    reason: z.string().nullable(),
    restocked: z.boolean(),
    items: z.array(RefundLine).meta({ description: 'The lines refunded (empty for an amount-only refund)' }),
    provider_reference: z.string().nullable(),
    created_at: Timestamp,
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof Refund>;

/** What a shopper may see of the card an order was paid with. */
export const PaymentCard = z
  .object({
    brand: z
      .string()
      .meta({ description: "Stripe's card brand: visa, mastercard, amex, discover, jcb …", example: 'visa' }),
    last4: z
      .string()
      .regex(/^\d{4}$/)
      .meta({ example: '4242' }),
  })
  .meta({ id: 'PaymentCard' });
export type PaymentCard = z.infer<typeof PaymentCard>;

/** One shipment: some units of some lines, with the carrier's tracking. */
export const Fulfillment = z
  .object({
    object: z.literal('fulfillment'),
    id: z.string(),
    carrier: z.string().nullable(),
    tracking_number: z.string().nullable(),
    tracking_url: z
      .string()
      .nullable()
      .meta({ description: "The carrier's tracking page, for known carriers or as given; null otherwise" }),
    items: z.array(z.object({ item_id: z.string(), quantity: z.number().int().positive() })),
    created_at: Timestamp,
  })
  .meta({ id: 'Fulfillment' });
export type Fulfillment = z.infer<typeof Fulfillment>;

export const ORDER_FULFILLMENT_STATUSES = ['unfulfilled', 'partially_fulfilled', 'fulfilled'] as const;
export const OrderFulfillmentStatus = z.enum(ORDER_FULFILLMENT_STATUSES);
export type OrderFulfillmentStatus = z.infer<typeof OrderFulfillmentStatus>;
export const ORDER_PAYMENT_STATUSES = ['pending', 'paid', 'partially_refunded', 'refunded', 'unpaid'] as const;
export const OrderPaymentStatus = z.enum(ORDER_PAYMENT_STATUSES);
export type OrderPaymentStatus = z.infer<typeof OrderPaymentStatus>;

export const OrderTotals = z
  .object({
    subtotal: Money,
    discount: Money,
    shipping: Money,
    tax: Money,
    total: Money,
    refunded: Money,
    tax_included: z.boolean(),
  })
  .meta({ id: 'OrderTotals' });
export type OrderTotals = z.infer<typeof OrderTotals>;

export const Order = z
  .object({
    object: z.literal('order'),
    id: OrderId,
    number: z.string().meta({ description: 'Human-facing order number', example: 'ST-100042' }),
    status: OrderStatus,
    currency: CurrencyCode,
    email: z.string(),
    shipping_address: Address.nullable().meta({ description: 'Null when nothing in the order needs shipping' }),
    billing_address: Address,
    shipping_method: ShippingRate.nullable().meta({ description: 'Null when nothing in the order needs shipping' }),
    requires_shipping: z
      .boolean()
      .meta({ description: 'False when no item needs shipping (digital goods, gift cards)' }),
    items: z.array(OrderItem),
    coupon_code: z.string().nullable(),
    totals: OrderTotals,
    payment: z.object({
      provider: PaymentProviderKind,
      reference: z.string().meta({ description: 'PaymentIntent id' }),
      captured: Money,
      card: PaymentCard.nullable().meta({
        description:
          'The card paid with (brand and last four digits), once the payment is captured; null for other methods',
      }),
    }),
    refunds: z.array(Refund),
    fulfillment: z
      .object({ carrier: z.string().nullable(), tracking_number: z.string().nullable(), fulfilled_at: Timestamp })
      .nullable()
      .meta({ description: 'The latest shipment (see `fulfillments` for all of them)' }),
    fulfillments: z.array(Fulfillment).meta({ description: 'Every shipment, oldest first' }),
    fulfillment_status: OrderFulfillmentStatus.meta({
      description: 'Whether the units not refunded have shipped: none, some or all',
    }),
    payment_status: OrderPaymentStatus.meta({
      description: 'pending (not captured yet), paid, partially_refunded, refunded, or unpaid (nothing captured)',
    }),
    checkout_session_id: CheckoutSessionId,
    token: z.string().meta({ description: 'Access token: with the id, lets the shopper read the order' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

/** Answer of `POST /v1/checkout-sessions/:id/complete`: the order, or the action the shopper must take first. */
export const CheckoutCompletion = z.union([Order, CheckoutRequiresAction]).meta({ id: 'CheckoutCompletion' });
export type CheckoutCompletion = z.infer<typeof CheckoutCompletion>;

export const OrderListQuery = PageQuery.extend({
  status: OrderStatus.optional(),
  email: z.string().trim().min(1).max(254).optional(),
  payment_status: OrderPaymentStatus.optional(),
  fulfillment_status: OrderFulfillmentStatus.optional(),
  created_after: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'Orders placed at or after this instant' }),
  created_before: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'Orders placed before this instant' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Search: order number or id, the customer's email or name (part of any)" }),
}).strict();
export type OrderListQuery = z.input<typeof OrderListQuery>;
export const OrderList = listOf(Order).meta({ id: 'OrderList' });
export type OrderList = z.infer<typeof OrderList>;

export const OrderFulfil = z
  .object({
    carrier: z.string().trim().min(1).max(100).optional(),
    tracking_number: z.string().trim().min(1).max(100).optional(),
    tracking_url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional()
      .meta({
        description: "The carrier's tracking page; default: built for known carriers (UPS, USPS, FedEx, DHL …)",
      }),
    items: z
      .array(OrderLineQuantity)
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'The units shipped; default every unit not yet shipped or refunded' }),
    notify: z.boolean().optional().meta({ description: 'Email the shopper the shipment (default true)' }),
  })
  .strict()
  .meta({ id: 'OrderFulfil' });
export type OrderFulfil = z.input<typeof OrderFulfil>;

export const OrderCancel = z
  .object({ reason: z.string().trim().max(500).optional() })
  .strict()
  .meta({ id: 'OrderCancel' });
export type OrderCancel = z.input<typeof OrderCancel>;

/** Body of `POST /v1/admin/orders/:id/refunds`: the whole remaining amount unless `amount` (minor units) says less. */
export const RefundCreate = z
  .object({
    amount: z
      .number()
      .int()
      .positive()
      .max(MAX_AMOUNT)
      .optional()
      .meta({ description: 'Minor units; default what has not been refunded yet' }),
    reason: z.string().trim().max(500).optional(),
    restock: z
      .boolean()
      .optional()
      .meta({ description: 'Put the refunded units back in stock (every unit not yet restocked when no `items`)' }),
    items: z
      .array(OrderLineQuantity.extend({ restock: z.boolean().optional() }).strict())
      .min(1)
      .max(500)
      .optional()
      .meta({
        description:
          "The lines refunded; `amount` defaults to their share of what was paid. Each line's `restock` overrides the top-level one",
      }),
    notify: z.boolean().optional().meta({ description: 'Email the shopper the refund (default true)' }),
  })
  .strict()
  .meta({ id: 'RefundCreate' });
export type RefundCreate = z.input<typeof RefundCreate>;
