import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { formatAddress, formatMoney } from '@shoptag/sdk';
import type { Money, Order } from '@shoptag/sdk/contract';

/** How the confirmation speaks for the shop. */
export interface OrderEmailSettings {
  /** The shop's name: the sender's display name and the subject's first words. */
  shopName: string;
  /** BCP 47 locale for money and country names ("$32.99" in `en-US`, "32,99 $" in `de-DE`). */
  locale: string;
  /** The shop's own country: addresses there are written without a country line. */
  shopCountry: string | null;
  /**
   * The order status page, with `{id}` and `{token}` (URL-encoded when filled in), e.g.
   * `https://shop.example/order#order={id}&token={token}`; null: the email has no link.
   */
  orderUrl: string | null;
}

export interface OrderMailerOptions extends Partial<OrderEmailSettings> {
  /** `smtp://user:pass@host:587`; without it messages are written as `.eml` files to `outboxDir`. */
  smtpUrl: string | undefined;
  outboxDir: string;
  /** The sender's address; the display name is the shop's name. */
  from?: string;
  /**
   * Read when each email is built, for settings known only once the server listens (the demo's
   * order page is on the server's own URL).
   */
  settings?: () => Partial<OrderEmailSettings>;
}

export interface OrderMailer {
  /** For the startup banner. */
  readonly description: string;
  /** Sends the order confirmation; answers where it went (message id or file path). */
  sendConfirmation(order: Order): Promise<string>;
}

const DEFAULT_FROM_ADDRESS = 'orders@shoptag.invalid';
export const DEFAULT_EMAIL_SETTINGS: OrderEmailSettings = {
  shopName: 'Shoptag',
  locale: 'en-US',
  shopCountry: null,
  orderUrl: null,
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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

/** The settings with defaults where a part leaves one out (an `undefined` value counts as left out). */
function settled(...parts: (Partial<OrderEmailSettings> | undefined)[]): OrderEmailSettings {
  const out: Record<string, unknown> = { ...DEFAULT_EMAIL_SETTINGS };
  for (const part of parts)
    for (const [key, value] of Object.entries(part ?? {})) if (value !== undefined) out[key] = value;
  return out as unknown as OrderEmailSettings;
}

/** The order page's address for this order, from a template with `{id}` and `{token}`. */
export function orderPageUrl(template: string, order: Pick<Order, 'id' | 'token'>): string {
  return template
    .replaceAll('{id}', encodeURIComponent(order.id))
    .replaceAll('{token}', encodeURIComponent(order.token));
}

/**
 * The confirmation as plain text and HTML: items, totals, addresses in their country's order,
 * the card paid with, and a link to the order's status page. Money is formatted with `Intl` in the
 * shop's locale.
 */
export function renderConfirmation(
  order: Order,
  settings: Partial<OrderEmailSettings> = {},
): { subject: string; text: string; html: string } {
  const { shopName, locale, shopCountry, orderUrl } = settled(settings);
  const price = (money: Money) => formatMoney(money, locale);
  // An order of nothing to ship (digital goods, gift cards) says nothing about shipping.
  const shipping =
    order.shipping_address && order.shipping_method
      ? { address: order.shipping_address, method: order.shipping_method }
      : null;
  const address = shipping ? formatAddress(shipping.address, { locale, shopCountry: shopCountry ?? undefined }) : [];
  const rows: [string, string][] = [
    ['Subtotal', price(order.totals.subtotal)],
    ...(order.totals.discount.amount ? [['Discount', `−${price(order.totals.discount)}`] as [string, string]] : []),
    ...(shipping ? [[`Shipping (${shipping.method.name})`, price(order.totals.shipping)] as [string, string]] : []),
    [order.totals.tax_included ? 'Tax included' : 'Tax', price(order.totals.tax)],
    ['Total', price(order.totals.total)],
  ];
  const items = order.items.map(
    (i) =>
      `${i.quantity} × ${i.name}${i.variant_title ? ` (${i.variant_title})` : ''} — ${price(i.line_total)}` +
      (i.backordered_quantity > 0 ? ` (${i.backordered_quantity} on backorder: ships later)` : ''),
  );
  const card = order.payment.card;
  const paidWith = card ? `Paid with ${CARD_BRANDS[card.brand] ?? card.brand} ending in ${card.last4}.` : null;
  const link = orderUrl ? orderPageUrl(orderUrl, order) : null;
  const days = shipping?.method.estimated_days;
  const delivery =
    shipping && days
      ? `Estimated delivery: ${days.min}–${days.max} business days with ${shipping.method.carrier}.`
      : null;
  const text = [
    `Thank you for your order ${order.number}.`,
    ...(link ? ['', `Follow your order: ${link}`] : []),
    '',
    ...items,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    ...(paidWith ? ['', paidWith] : []),
    ...(delivery ? ['', 'Shipping to:', ...address, '', delivery] : []),
    '',
    `— ${shopName}`,
  ].join('\n');
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:sans-serif">
<h1>Thank you for your order ${escapeHtml(order.number)}</h1>
${link ? `<p><a href="${escapeHtml(link)}">View your order and follow its status</a></p>` : ''}
<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>
<table>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td style="text-align:right">${escapeHtml(v)}</td></tr>`).join('')}</table>
${paidWith ? `<p>${escapeHtml(paidWith)}</p>` : ''}
${delivery ? `<p>Shipping to:<br>${address.map(escapeHtml).join('<br>')}</p>\n<p>${escapeHtml(delivery)}</p>` : ''}
<p>— ${escapeHtml(shopName)}</p>
</body></html>`;
  return { subject: `${shopName}: order ${order.number} confirmed`, text, html };
}

/**
 * Order emails through nodemailer: SMTP when `SMTP_URL` is set, otherwise each message is built
 * by nodemailer's stream transport and written as an `.eml` file to the outbox directory (open
 * it with any mail client). Each is sent in the shop's name.
 */
export function createOrderMailer(options: OrderMailerOptions): OrderMailer {
  const { smtpUrl, outboxDir, from: fromAddress, settings: later, ...fixed } = options;
  const message = (order: Order) => {
    const settings = settled(fixed, later?.());
    return {
      from: { name: settings.shopName, address: fromAddress ?? DEFAULT_FROM_ADDRESS },
      to: order.email,
      ...renderConfirmation(order, settings),
    };
  };
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      description: `SMTP (${new URL(smtpUrl).host})`,
      async sendConfirmation(order) {
        const info = await transport.sendMail(message(order));
        return info.messageId;
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `.eml files in ${outboxDir}`,
    async sendConfirmation(order) {
      const info = await transport.sendMail(message(order));
      await mkdir(outboxDir, { recursive: true });
      const file = join(outboxDir, `${order.number}.eml`);
      // Written whole, then renamed: a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return file;
    },
  };
}
