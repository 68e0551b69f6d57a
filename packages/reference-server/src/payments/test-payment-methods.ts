/**
 * Stripe's test PaymentMethod ids and what each does, shared by the simulated provider (and the
 * browser's simulated card form, which maps test card numbers to these ids so no number is sent).
 */
export type TestCardOutcome =
  | { kind: 'succeeds' }
  | { kind: 'declined'; code: string; declineCode: string | null; message: string }
  | { kind: 'requires_action' };

const declined = (code: string, declineCode: string | null, message: string): TestCardOutcome => ({
  kind: 'declined',
  code,
  declineCode,
  message,
});

export const TEST_PAYMENT_METHODS: Readonly<Record<string, TestCardOutcome>> = Object.freeze({
  pm_card_visa: { kind: 'succeeds' },
  pm_card_visa_debit: { kind: 'succeeds' },
  pm_card_mastercard: { kind: 'succeeds' },
  pm_card_amex: { kind: 'succeeds' },
  pm_card_chargeDeclined: declined('card_declined', 'generic_decline', 'Your card was declined.'),
  pm_card_chargeDeclinedInsufficientFunds: declined(
    'card_declined',
    'insufficient_funds',
    'Your card has insufficient funds.',
  ),
  pm_card_chargeDeclinedLostCard: declined('card_declined', 'lost_card', 'Your card was declined.'),
  pm_card_chargeDeclinedExpiredCard: declined('expired_card', null, 'Your card has expired.'),
  pm_card_chargeDeclinedIncorrectCvc: declined('incorrect_cvc', null, "Your card's security code is incorrect."),
  pm_card_authenticationRequired: { kind: 'requires_action' },
});

/** The card behind each test PaymentMethod id, as Stripe reports it (brand, last four digits). */
export const TEST_CARD_DETAILS: Readonly<Record<string, { brand: string; last4: string }>> = Object.freeze({
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002' },
  pm_card_chargeDeclinedInsufficientFunds: { brand: 'visa', last4: '9995' },
  pm_card_chargeDeclinedLostCard: { brand: 'visa', last4: '9987' },
  pm_card_chargeDeclinedExpiredCard: { brand: 'visa', last4: '0069' },
  pm_card_chargeDeclinedIncorrectCvc: { brand: 'visa', last4: '0127' },
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184' },
});

/** The outcome of a 3-D Secure challenge the shopper cancels or fails. */
export const AUTHENTICATION_FAILURE = {
  code: 'payment_intent_authentication_failure',
  declineCode: null,
  message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
} as const;
