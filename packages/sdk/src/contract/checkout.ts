import { z } from 'zod';
import { EMAIL_PATTERN } from './email-pattern.js';
import { Address } from './address.js';
import { CartId, CartLine, CartTotals } from './carts.js';
import { CurrencyCode, Money } from './money.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

/** A checkout session id: `cs_` and 26 or more base62 characters; like a cart id, it is a capability. */
export const CheckoutSessionId = z
  .string()
  .regex(/^cs_[A-Za-z0-9]{26,64}$/, 'must be a checkout session id (cs_…)')
  .meta({ description: 'Checkout session id; an unguessable capability', example: 'cs_4fQ1wR8sZk2mN7pX0cV5bL3hJ9' });
export const CheckoutSessionParams = z.object({ id: CheckoutSessionId });

export const CHECKOUT_STATUSES = ['open', 'complete', 'expired'] as const;
export const CheckoutStatus = z.enum(CHECKOUT_STATUSES);
export type CheckoutStatus = z.infer<typeof CheckoutStatus>;

/** A shipping method offered for an address and a set of items, priced by the server. */
export const ShippingRate = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9_-]{1,64}$/)
      .meta({ example: 'standard' }),
    name: z.string().meta({ example: 'Standard' }),
    carrier: z.string().meta({ example: 'USPS' }),
    price: Money,
    estimated_days: z
      .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
      .meta({ description: 'Business days to delivery' }),
  })
  .meta({ id: 'ShippingRate' });
export type ShippingRate = z.infer<typeof ShippingRate>;

export const ShippingRateList = z
  .object({ object: z.literal('list'), data: z.array(ShippingRate) })
  .meta({ id: 'ShippingRateList' });
export type ShippingRateList = z.infer<typeof ShippingRateList>;

/** Body of `POST /v1/checkout-sessions`. */
export const CheckoutSessionCreate = z.object({ cart_id: CartId }).strict().meta({ id: 'CheckoutSessionCreate' });
export type CheckoutSessionCreate = z.input<typeof CheckoutSessionCreate>;

/** Body of `PATCH /v1/checkout-sessions/:id`: any of the fields; a problem is a 400 naming the field in `param`. */
export const CheckoutSessionUpdate = z
  .object({
    email: z.email({ pattern: EMAIL_PATTERN, message: 'must be an email address' }).max(254).optional(),
    shipping_address: Address.optional(),
    billing_address: Address.nullable()
      .optional()
      .meta({ description: 'null (or billing_same_as_shipping) bills the shipping address' }),
    billing_same_as_shipping: z.boolean().optional(),
    shipping_method_id: z
      .string()
      .regex(/^[a-z0-9_-]{1,64}$/, 'must be a shipping method id')
      .optional(),
  })
  .strict()
  .meta({ id: 'CheckoutSessionUpdate' });
export type CheckoutSessionUpdate = z.input<typeof CheckoutSessionUpdate>;

/** Amounts of a session: the cart's parts, with the chosen shipping and the tax for the address. */
export const CheckoutTotals = CartTotals.extend({}).meta({ id: 'CheckoutTotals' });
export type CheckoutTotals = z.infer<typeof CheckoutTotals>;

export const PAYMENT_PROVIDERS = ['stripe', 'simulated'] as const;
export const PaymentProviderKind = z.enum(PAYMENT_PROVIDERS);
export type PaymentProviderKind = z.infer<typeof PaymentProviderKind>;

export const PAYMENT_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'succeeded',
  'canceled',
] as const;
export const PaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const CheckoutSession = z
  .object({
    object: z.literal('checkout_session'),
    id: CheckoutSessionId,
    cart_id: CartId,
    status: CheckoutStatus,
    currency: CurrencyCode,
    email: z.string().nullable(),
    shipping_address: Address.nullable(),
    billing_address: Address.nullable().meta({
      description: 'The billing address; equals shipping_address when billing_same_as_shipping',
    }),
    billing_same_as_shipping: z.boolean(),
    shipping_method: ShippingRate.nullable(),
    requires_shipping: z.boolean().meta({
      description:
        'False when no line needs shipping (digital goods, gift cards): no shipping address or method is asked for, shipping is 0, and tax follows billing_address',
    }),
    lines: z.array(CartLine),
    coupon_code: z.string().nullable(),
    totals: CheckoutTotals,
    payment_provider: PaymentProviderKind.meta({
      description:
        'How this session is paid: `stripe` (the browser collects the card with the Stripe Payment Element) or `simulated` (Stripe test cards, offline)',
    }),
    payment: z
      .object({ provider: PaymentProviderKind, intent_id: z.string(), status: PaymentStatus })
      .nullable()
      .meta({ description: 'The payment started for this session, if any' }),
    ready: z.boolean().meta({
      description:
        'Email, addresses and shipping method are set (without shipping: email and billing address): payment can start',
    }),
    order_id: z.string().nullable(),
    expires_at: Timestamp.meta({ description: 'When the stock hold lapses unless the session is used again' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'CheckoutSession' });
export type CheckoutSession = z.infer<typeof CheckoutSession>;

/** Answer of `POST /v1/checkout-sessions/:id/payment`: what the browser needs to collect the payment. */
export const PaymentStart = z
  .object({
    object: z.literal('payment'),
    provider: PaymentProviderKind,
    intent_id: z.string(),
    client_secret: z.string().meta({ description: 'For Stripe.js (stripe) or the simulated card form' }),
    publishable_key: z.string().nullable().meta({ description: 'Stripe publishable key (stripe only)' }),
    amount: Money,
    status: PaymentStatus,
  })
  .meta({ id: 'PaymentStart' });
export type PaymentStart = z.infer<typeof PaymentStart>;

/** Body of `POST /v1/checkout-sessions/:id/complete`. */
export const CheckoutComplete = z
  .object({
    payment_method: z
      .string()
      .regex(/^pm_[A-Za-z0-9_]{1,100}$/, 'must be a PaymentMethod id (pm_…)')
      .optional()
      .meta({
        description:
          "Simulated provider: one of Stripe's test PaymentMethod ids, e.g. pm_card_visa. Omit with Stripe (the client confirmed the PaymentIntent).",
      }),
  })
  .strict()
  .meta({ id: 'CheckoutComplete' });
export type CheckoutComplete = z.input<typeof CheckoutComplete>;

/** Body of `POST /v1/checkout-sessions/:id/payment/authenticate` (simulated provider): the shopper's answer to the challenge. */
export const PaymentAuthenticate = z
  .object({ result: z.enum(['complete', 'cancel']) })
  .strict()
  .meta({ id: 'PaymentAuthenticate' });
export type PaymentAuthenticate = z.input<typeof PaymentAuthenticate>;

/** Answer of `complete` when the payment needs the shopper first (3-D Secure). Complete again afterwards. */
export const CheckoutRequiresAction = z
  .object({
    object: z.literal('checkout_action'),
    status: z.literal('requires_action'),
    checkout_session_id: CheckoutSessionId,
    next_action: z.object({
      type: z.enum(['simulated_challenge', 'use_stripe_sdk']),
      intent_id: z.string(),
      client_secret: z.string(),
    }),
  })
  .meta({ id: 'CheckoutRequiresAction' });
export type CheckoutRequiresAction = z.infer<typeof CheckoutRequiresAction>;
