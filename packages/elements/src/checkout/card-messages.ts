import { isShopError } from '@shoptag/sdk';
import type { MessageKey } from '../i18n/catalogues.js';

/** A refused payment: a card error from the server (402) or from Stripe.js confirming in the page. */
export function isCardError(error: unknown): boolean {
  return isShopError(error) && error.type === 'card_error';
}

/**
 * The shopper's message for a refused card, chosen by Stripe's `code` and `decline_code` (the
 * server passes both on, as Stripe does), never the provider's own text.
 */
export function cardMessageKey(error: unknown): MessageKey {
  if (!isShopError(error)) return 'checkout.card.failed';
  const decline = typeof error.details?.decline_code === 'string' ? error.details.decline_code : '';
  if (error.code === 'expired_card' || decline === 'expired_card') return 'checkout.card.expired';
  if (error.code === 'incorrect_cvc' || decline === 'incorrect_cvc') return 'checkout.card.incorrectCvc';
  if (decline === 'insufficient_funds') return 'checkout.card.insufficientFunds';
  if (error.code === 'card_declined') return 'checkout.card.declined';
  return 'checkout.card.failed';
}
