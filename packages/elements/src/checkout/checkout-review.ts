import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutSession, CheckoutStep, PaymentCard } from '@shoptag/sdk';
import {
  addressBlock,
  cardLabel,
  fact,
  linesList,
  shippingMethodText,
  totalsTable,
  type OrderText,
} from '../order/order-details.js';

/** What the Review step shows of the payment: the card typed (simulated), or the Payment Element's method (Stripe). */
export type ReviewPayment = { card: PaymentCard } | { method: string } | null;

export interface ReviewContext {
  text: OrderText;
  session: CheckoutSession;
  payment: ReviewPayment;
  /** Back to a step to change what it holds. */
  goTo(step: CheckoutStep): void;
}

/** Card brands by the first digits of the number (the networks' published ranges, as far as test cards need). */
const BRANDS: readonly [RegExp, string][] = [
  [/^4/, 'visa'],
  [/^(5[1-5]|2[2-7])/, 'mastercard'],
  [/^3[47]/, 'amex'],
  [/^(6011|65|64[4-9])/, 'discover'],
  [/^35/, 'jcb'],
  [/^3(0[0-5]|[689])/, 'diners'],
  [/^62/, 'unionpay'],
];

/** The brand and last four digits of a card number as typed (spaces and dashes ignored), or null. */
export function cardSummary(number: string): PaymentCard | null {
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return null;
  const brand = BRANDS.find(([pattern]) => pattern.test(digits))?.[1] ?? 'unknown';
  return { brand, last4: digits.slice(-4) };
}

/** The Review step's payment from the simulated card form's number: its brand and last four. */
export function typedCard(number: string): ReviewPayment {
  const card = cardSummary(number);
  return card && { card };
}

function paymentText(text: OrderText, payment: ReviewPayment): string {
  if (!payment) return text.t('order.cardUnknown');
  if ('card' in payment) return cardLabel(text, payment.card);
  return payment.method === 'card' || !payment.method ? text.t('order.cardUnknown') : payment.method;
}

/**
 * The Review step's summary: contact, shipping address (in its country's order), shipping method
 * with its price, payment (brand and last four), each with a Change button back to its step, then
 * the lines and totals. The step's actions (Place order …) stay with `<shop-checkout>`.
 */
export function renderReview({ text, session, payment, goTo }: ReviewContext): TemplateResult {
  const { t } = text;
  const change = (section: string, step: CheckoutStep) => ({
    label: t('order.change'),
    name: t('order.changeSection', { section }),
    onClick: () => goTo(step),
  });
  const method = session.shipping_method;
  return html`<div part="review" class="review">
    <div class="facts">
      ${fact(t('order.contact'), session.email ?? '', change(t('order.contact'), 'contact'))}
      ${
        !session.requires_shipping && session.billing_address
          ? fact(
              t('order.billingAddress'),
              addressBlock(text, session.billing_address),
              change(t('order.billingAddress'), 'contact'),
            )
          : nothing
      }
      ${
        session.requires_shipping && session.shipping_address
          ? fact(
              t('order.shippingAddress'),
              addressBlock(text, session.shipping_address),
              change(t('order.shippingAddress'), 'contact'),
            )
          : nothing
      }
      ${
        method && session.requires_shipping
          ? fact(
              t('order.shippingMethod'),
              shippingMethodText(text, method, session.totals.shipping),
              change(t('order.shippingMethod'), 'shipping'),
            )
          : nothing
      }
      ${fact(t('order.payment'), paymentText(text, payment), change(t('order.payment'), 'payment'))}
    </div>
    <h3 class="summary-title">${t('order.summary')}</h3>
    ${linesList(text, session.lines)} ${totalsTable(text, session.totals, session.coupon_code, session.requires_shipping)}
  </div>`;
}
