import type { PaymentProvider } from './payment-provider.js';

export interface StripePaymentsOptions {
  secretKey: string;
  publishableKey: string | undefined;
  webhookSecret: string | undefined;
}

/** Payments through Stripe. The client library is loaded when checkout first needs it. */
export function createStripePayments(options: StripePaymentsOptions): PaymentProvider {
  const mode = options.secretKey.includes('_live_') ? 'live' : 'test';
  const webhooks = options.webhookSecret ? 'webhooks verified' : 'no STRIPE_WEBHOOK_SECRET: webhooks disabled';
  return { kind: 'stripe', description: `Stripe (${mode} mode; ${webhooks})` };
}
