/**
 * The simulated card form never sends a card number: Stripe's test card numbers are turned into
 * Stripe's test PaymentMethod ids here, in the browser.
 */
const TEST_CARDS: Readonly<Record<string, string>> = Object.freeze({
  '4242424242424242': 'pm_card_visa',
  '4000056655665556': 'pm_card_visa_debit',
  '5555555555554444': 'pm_card_mastercard',
  '378282246310005': 'pm_card_amex',
  '4000000000000002': 'pm_card_chargeDeclined',
  '4000000000009995': 'pm_card_chargeDeclinedInsufficientFunds',
  '4000000000009987': 'pm_card_chargeDeclinedLostCard',
  '4000000000000069': 'pm_card_chargeDeclinedExpiredCard',
  '4000000000000127': 'pm_card_chargeDeclinedIncorrectCvc',
  '4000002500003155': 'pm_card_authenticationRequired',
  '4000002760003184': 'pm_card_authenticationRequired',
  '4000000000003220': 'pm_card_authenticationRequired',
});

/** The test PaymentMethod id for a test card number (spaces and dashes ignored), or null. */
export function testPaymentMethod(cardNumber: string): string | null {
  return TEST_CARDS[cardNumber.replace(/[\s-]/g, '')] ?? null;
}
