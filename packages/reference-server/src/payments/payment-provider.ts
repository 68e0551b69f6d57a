import type { PaymentProviderKind, PaymentStatus } from '@shoptag/sdk/contract';

/** A PaymentIntent as checkout needs it, whichever provider holds it. Amounts in minor units (ISO 4217). */
export interface PaymentIntent {
  id: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  clientSecret: string;
  /** Authorized and not yet captured. */
  amountCapturable: number;
  amountCaptured: number;
  metadata: Readonly<Record<string, string>>;
  /** The card of the payment method attached (brand, last four), when it is a card and known. */
  card: { brand: string; last4: string } | null;
  /** Why the last attempt failed (a decline), if it did. */
  lastError: { code: string; declineCode: string | null; message: string } | null;
}

export interface PaymentRefund {
  id: string;
  amount: number;
}

/** A verified webhook event: its id (for deduplication), type, and the PaymentIntent it is about. */
export interface PaymentEvent {
  id: string;
  type: string;
  intentId: string | null;
}

/** Every call that changes something takes an idempotency key derived from domain ids. */
export interface Idempotent {
  idempotencyKey: string;
}

/**
 * Takes payments for checkout sessions: PaymentIntents authorized first (manual capture) and
 * captured only once the order exists, so no money is taken for an order that was not created.
 * Declines throw `CardError` (402); other provider failures throw.
 */
export interface PaymentProvider {
  readonly kind: PaymentProviderKind;
  /** For the startup banner. */
  readonly description: string;
  /** What the browser needs besides the client secret (Stripe's publishable key), or null. */
  readonly publishableKey: string | null;
  createIntent(
    input: Idempotent & { amount: number; currency: string; metadata: Record<string, string> },
  ): Promise<PaymentIntent>;
  /** Changes the amount of an intent that is not yet confirmed (shipping or address changed). */
  updateAmount(intentId: string, amount: number, options: Idempotent): Promise<PaymentIntent>;
  retrieveIntent(intentId: string): Promise<PaymentIntent>;
  /** Confirms with a PaymentMethod on the server (Stripe test ids such as `pm_card_visa`). */
  confirmIntent(intentId: string, paymentMethod: string, options: Idempotent): Promise<PaymentIntent>;
  captureIntent(intentId: string, options: Idempotent): Promise<PaymentIntent>;
  /** Releases an authorization that will not become an order. */
  cancelIntent(intentId: string, options: Idempotent): Promise<PaymentIntent>;
  refund(intentId: string, amount: number, options: Idempotent): Promise<PaymentRefund>;
  /** Verifies the signature over the raw body and answers the event; throws `InvalidRequestError` (400) when it does not verify. */
  parseWebhook(rawBody: Buffer, signature: string | undefined): PaymentEvent;
  /**
   * The simulated provider's stand-in for 3-D Secure: the shopper completes or cancels the
   * challenge. Stripe does this in the browser (Stripe.js), so it has no such method.
   */
  authenticate?(intentId: string, result: 'complete' | 'cancel'): Promise<PaymentIntent>;
}
