import type { PaymentProvider } from './payment-provider.js';

/** The offline provider used when no Stripe key is configured; follows Stripe's test-card semantics. */
export function createSimulatedPayments(): PaymentProvider {
  return { kind: 'simulated', description: 'simulated (no STRIPE_SECRET_KEY)' };
}
