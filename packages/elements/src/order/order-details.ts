import { html, nothing, type TemplateResult } from 'lit';
import {
  formatAddress,
  formatMoney,
  type Address,
  type CartTotals,
  type Money,
  type PaymentCard,
  type ShippingRate,
} from '@shoptag/sdk';
import type { MessageKey } from '../i18n/catalogues.js';
import type { MessageParams } from '../i18n/message.js';

/**
 * What an order view needs to speak: the message lookup and the locale money, dates and country
 * names are formatted in. Shared by `<shop-order>` and the checkout's Review and Confirmation.
 */
export interface OrderText {
  t(key: MessageKey, params?: MessageParams): string;
  locale: string;
}

/** A bought (or about to be bought) line: an order item or a checkout line. */
export interface DetailLine {
  name: string;
  variant_title: string;
  quantity: number;
  line_total: Money;
  image?: { url: string; alt: string } | null;
  /** An order item's units sold on backorder. */
  backordered_quantity?: number;
  /** A checkout line's units beyond the stock on hand. */
  backorder_quantity?: number;
}

const CARD_BRANDS: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  cartes_bancaires: 'Cartes Bancaires',
};

export const money = (text: OrderText, m: Money): string => formatMoney(m, text.locale);

/** "Visa ending in 4242" in the shopper's language (brand names are the networks' own). */
export function cardLabel(text: OrderText, card: PaymentCard | null): string {
  if (!card) return text.t('order.cardUnknown');
  return text.t('order.card', { brand: CARD_BRANDS[card.brand] ?? card.brand, last4: card.last4 });
}

/** An address in its country's order, the country named in the shopper's language. */
export function addressBlock(text: OrderText, address: Address, part = 'address'): TemplateResult {
  const lines = formatAddress(address, { locale: text.locale });
  return html`<address part=${part}>${lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}</address>`;
}

/** "Standard · USPS, 3–5 business days — $4.99" (or Free). */
export function shippingMethodText(text: OrderText, method: ShippingRate, price: Money = method.price): string {
  const days = text.t('order.deliveryDays', { min: method.estimated_days.min, max: method.estimated_days.max });
  const cost = price.amount === 0 ? text.t('order.free') : money(text, price);
  return `${method.name} · ${method.carrier}, ${days} — ${cost}`;
}

/** The lines as a list: quantity × name (variant), line total, and the units that ship later (backorder). */
export function linesList(text: OrderText, lines: readonly DetailLine[]): TemplateResult {
  return html`<ul part="items" class="lines">
    ${lines.map((line) => {
      const later = line.backordered_quantity ?? line.backorder_quantity ?? 0;
      return html`<li>
        <span class="line-name"
          >${text.t('order.line', { quantity: line.quantity, name: line.name })}${
            line.variant_title ? html` <span class="muted">${line.variant_title}</span>` : nothing
          }${later > 0 ? html`<br /><span part="ships-later" class="muted">${text.t('order.shipsLater', { count: later })}</span>` : nothing}</span
        >
        <span class="amount">${money(text, line.line_total)}</span>
      </li>`;
    })}
  </ul>`;
}

/** Subtotal, discount, shipping, tax, total (and what was refunded). */
export function totalsTable(
  text: OrderText,
  totals: CartTotals & { refunded?: Money },
  coupon: string | null = null,
  /** False for an order of nothing to ship: no shipping row at all. */
  shipping = true,
): TemplateResult {
  const { t } = text;
  const row = (label: string, value: string, cls = '') =>
    html`<tr class=${cls}><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<table part="totals" class="totals">
    <caption class="sr-only">${t('order.totals')}</caption>
    ${row(t('order.subtotal'), money(text, totals.subtotal))}
    ${
      totals.discount.amount
        ? row(
            coupon ? t('order.discountCode', { code: coupon }) : t('order.discount'),
            `−${money(text, totals.discount)}`,
          )
        : nothing
    }
    ${shipping ? row(t('order.shipping'), totals.shipping.amount === 0 ? t('order.free') : money(text, totals.shipping)) : nothing}
    ${row(totals.tax_included ? t('order.taxIncluded') : t('order.tax'), money(text, totals.tax))}
    ${row(t('order.total'), money(text, totals.total), 'total')}
    ${totals.refunded?.amount ? row(t('order.refunded'), `−${money(text, totals.refunded)}`) : nothing}
  </table>`;
}

/** A labelled section of facts (contact, address, shipping, payment), with an optional Change button. */
export function fact(
  label: string,
  body: TemplateResult | string,
  change?: { label: string; name: string; onClick: () => void },
): TemplateResult {
  return html`<section class="fact">
    <h3>${label}</h3>
    <div class="fact-body">${body}</div>
    ${
      change
        ? html`<button type="button" class="change" aria-label=${change.name} @click=${change.onClick}>${change.label}</button>`
        : nothing
    }
  </section>`;
}
