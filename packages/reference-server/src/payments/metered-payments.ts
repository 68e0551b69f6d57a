import { CardError } from '../errors.js';
import type { MetricsSink, PaymentOperation } from '../metrics/metrics-sink.js';
import type { PaymentProvider } from './payment-provider.js';

/**
 * The same provider, counting what its calls that move money end in: for each of confirm,
 * capture, cancel and refund, the intent's status after the call (`succeeded`,
 * `requires_capture`, `requires_action` …), `declined` for a card error, or `error`.
 */
export function meteredPayments(provider: PaymentProvider, metrics: MetricsSink): PaymentProvider {
  async function count<T>(operation: PaymentOperation, call: Promise<T>, outcome: (value: T) => string): Promise<T> {
    try {
      const value = await call;
      metrics.payment(operation, outcome(value));
      return value;
    } catch (error) {
      metrics.payment(operation, error instanceof CardError ? 'declined' : 'error');
      throw error;
    }
  }
  return {
    kind: provider.kind,
    description: provider.description,
    publishableKey: provider.publishableKey,
    createIntent: (input) => provider.createIntent(input),
    updateAmount: (id, amount, options) => provider.updateAmount(id, amount, options),
    retrieveIntent: (id) => provider.retrieveIntent(id),
    confirmIntent: (id, method, options) =>
      count('confirm', provider.confirmIntent(id, method, options), (intent) => intent.status),
    captureIntent: (id, options) => count('capture', provider.captureIntent(id, options), (intent) => intent.status),
    cancelIntent: (id, options) => count('cancel', provider.cancelIntent(id, options), (intent) => intent.status),
    refund: (id, amount, options) => count('refund', provider.refund(id, amount, options), () => 'succeeded'),
    parseWebhook: (body, signature) => provider.parseWebhook(body, signature),
    ...(provider.authenticate
      ? { authenticate: provider.authenticate.bind(provider) as NonNullable<PaymentProvider['authenticate']> }
      : {}),
  };
}
