import { PAYMENT_STATUSES, type PaymentStatus } from '@shoptag/sdk/contract';
import Stripe from 'stripe';
import { CardError, InvalidRequestError } from '../errors.js';
import { unstorable } from '../storable-text.js';
import type { PaymentIntent, PaymentProvider } from './payment-provider.js';
import { fromStripeAmount, toStripeAmount } from './stripe-amounts.js';

export interface StripePaymentsOptions {
  secretKey: string;
  publishableKey: string | undefined;
  webhookSecret: string | undefined;
  /** Where the API is (tests point this at a local stand-in); Stripe's own host by default. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  /** Retries of the library on network errors, 409 and 5xx, with the same idempotency key (default 2). */
  maxNetworkRetries?: number;
}

/** The payment method in full, for the card's brand and last four on the order. */
const EXPAND = ['payment_method'];
const CURRENCY_OF_INTENT = (pi: Stripe.PaymentIntent) => pi.currency.toUpperCase();

function toIntent(pi: Stripe.PaymentIntent): PaymentIntent {
  const currency = CURRENCY_OF_INTENT(pi);
  const error = pi.last_payment_error;
  return {
    id: pi.id,
    status: (PAYMENT_STATUSES as readonly string[]).includes(pi.status) ? (pi.status as PaymentStatus) : 'processing',
    amount: fromStripeAmount(pi.amount, currency),
    currency,
    clientSecret: pi.client_secret ?? '',
    amountCapturable: fromStripeAmount(pi.amount_capturable, currency),
    amountCaptured: fromStripeAmount(pi.amount_received, currency),
    metadata: pi.metadata,
    // Only when the payment method was expanded (retrieve and capture ask for it).
    card:
      typeof pi.payment_method === 'object' && pi.payment_method?.card
        ? { brand: pi.payment_method.card.brand, last4: pi.payment_method.card.last4 }
        : null,
    lastError: error
      ? {
          code: error.code ?? 'card_declined',
          declineCode: error.decline_code ?? null,
          message: error.message ?? 'The payment failed.',
        }
      : null,
  };
}

/** Stripe's card errors become our 402 `card_error` with Stripe's code and decline code. */
async function translate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      throw new CardError(error.message, {
        code: error.code ?? 'card_declined',
        param: 'payment_method',
        details: { decline_code: error.decline_code ?? null, payment_intent: error.payment_intent?.id ?? null },
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Payments through Stripe with the `stripe` library: PaymentIntents with automatic payment methods
 * and manual capture (authorized at checkout, captured once the order exists), idempotency keys
 * derived from domain ids, amounts converted to what Stripe expects per currency, refunds, and
 * webhook signatures checked on the raw body.
 */
export function createStripePayments(options: StripePaymentsOptions): PaymentProvider {
  const mode = options.secretKey.includes('_live_') ? 'live' : 'test';
  const webhooks = options.webhookSecret ? 'webhooks verified' : 'no STRIPE_WEBHOOK_SECRET: webhooks disabled';
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    ...(options.api ?? {}),
    appInfo: { name: 'Shoptag reference server' },
  });

  return {
    kind: 'stripe',
    description: `Stripe (${mode} mode; ${webhooks})`,
    publishableKey: options.publishableKey ?? null,

    createIntent: ({ amount, currency, metadata, idempotencyKey }) =>
      translate(async () =>
        toIntent(
          await stripe.paymentIntents.create(
            {
              amount: toStripeAmount(amount, currency),
              currency: currency.toLowerCase(),
              automatic_payment_methods: { enabled: true },
              capture_method: 'manual',
              metadata,
            },
            { idempotencyKey },
          ),
        ),
      ),

    updateAmount: (intentId, amount, { idempotencyKey }) =>
      translate(async () => {
        const current = await stripe.paymentIntents.retrieve(intentId);
        return toIntent(
          await stripe.paymentIntents.update(
            intentId,
            { amount: toStripeAmount(amount, CURRENCY_OF_INTENT(current)) },
            { idempotencyKey },
          ),
        );
      }),

    retrieveIntent: (intentId) =>
      translate(async () => toIntent(await stripe.paymentIntents.retrieve(intentId, { expand: EXPAND }))),

    confirmIntent: (intentId, paymentMethod, { idempotencyKey }) =>
      translate(async () =>
        toIntent(await stripe.paymentIntents.confirm(intentId, { payment_method: paymentMethod }, { idempotencyKey })),
      ),

    captureIntent: (intentId, { idempotencyKey }) =>
      translate(async () =>
        toIntent(await stripe.paymentIntents.capture(intentId, { expand: EXPAND }, { idempotencyKey })),
      ),

    cancelIntent: (intentId, { idempotencyKey }) =>
      translate(async () => toIntent(await stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey }))),

    refund: (intentId, amount, { idempotencyKey }) =>
      translate(async () => {
        const current = await stripe.paymentIntents.retrieve(intentId);
        const currency = CURRENCY_OF_INTENT(current);
        const refund = await stripe.refunds.create(
          { payment_intent: intentId, amount: toStripeAmount(amount, currency) },
          { idempotencyKey },
        );
        return { id: refund.id, amount: fromStripeAmount(refund.amount, currency) };
      }),

    parseWebhook(rawBody, signature) {
      if (!options.webhookSecret) {
        throw new InvalidRequestError('Webhooks are not configured (no STRIPE_WEBHOOK_SECRET).', {
          code: 'webhooks_not_configured',
        });
      }
      if (!signature) throw new InvalidRequestError('Missing Stripe-Signature header.', { code: 'signature_missing' });
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
      } catch (error) {
        throw new InvalidRequestError('The webhook signature does not verify.', {
          code: 'signature_invalid',
          cause: error,
        });
      }
      // Signed, but not an event as Stripe sends them: refuse it rather than fail on it.
      const fields = event as Partial<Record<'id' | 'type' | 'data', unknown>>;
      const data = fields.data as { object?: unknown } | null | undefined;
      if (
        typeof fields.id !== 'string' ||
        fields.id === '' ||
        typeof fields.type !== 'string' ||
        typeof data?.object !== 'object' ||
        data.object === null
      ) {
        throw new InvalidRequestError('The webhook event has no id, type or data.object.', { code: 'event_invalid' });
      }
      if (unstorable(fields.id) || fields.id.length > 255 || unstorable(fields.type))
        throw new InvalidRequestError('The webhook event id or type is not valid.', { code: 'event_invalid' });
      const object = data.object as { object?: unknown; id?: unknown };
      const intentId =
        object.object === 'payment_intent' && typeof object.id === 'string' && !unstorable(object.id)
          ? object.id
          : null;
      return { id: fields.id, type: fields.type, intentId };
    },
  };
}
