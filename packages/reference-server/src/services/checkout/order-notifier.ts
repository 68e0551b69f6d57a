import type { Fulfillment, Order, Refund } from '@shoptag/sdk/contract';

/**
 * Tells the shopper what happened to their order after it was placed (the order mailer is one).
 * Each answers where the message went; failures are logged, never undo the change.
 */
export interface OrderNotifier {
  shipped(order: Order, fulfillment: Fulfillment): Promise<string>;
  refunded(order: Order, refund: Refund): Promise<string>;
}
