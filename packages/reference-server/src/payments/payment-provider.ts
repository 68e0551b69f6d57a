/**
 * Takes payments for checkout sessions. Only the identity is defined so far; checkout (a later
 * issue) adds intents, confirmation and refunds to this interface.
 */
export interface PaymentProvider {
  readonly kind: 'stripe' | 'simulated';
  /** For the startup banner. */
  readonly description: string;
}
