import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { formatAddress, formatMoney } from '@shoptag/sdk';
import type { Fulfillment, Money, Order, Refund } from '@shoptag/sdk/contract';

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
  /** Tells the shopper a shipment left, with its items and tracking. */
  sendShipped(order: Order, fulfillment: Fulfillment): Promise<string>;
  /** Tells the shopper what was refunded. */
  sendRefunded(order: Order, refund: Refund): Promise<string>;
}

interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
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

/** "2 × Mug (Blue)" for the units of a line named by item id. */
function unitsOf(order: Order, lines: readonly { item_id: string; quantity: number }[]): string[] {
  return lines.flatMap((line) => {
    const item = order.items.find((i) => i.id === line.item_id);
    return item ? [`${line.quantity} × ${item.name}${item.variant_title ? ` (${item.variant_title})` : ''}`] : [];
  });
}

function page(locale: string, title: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:sans-serif">
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

/** "Your order has shipped": the shipment's items, carrier, tracking number and tracking link. */
export function renderShipped(
  order: Order,
  fulfillment: Fulfillment,
  settings: Partial<OrderEmailSettings> = {},
): RenderedEmail {
  const { shopName, locale, orderUrl } = settled(settings);
  const link = orderUrl ? orderPageUrl(orderUrl, order) : null;
  const items = unitsOf(order, fulfillment.items);
  const rest = order.items.some((i) => i.quantity - i.fulfilled_quantity - i.refunded_quantity > 0);
  const carrier = fulfillment.carrier ? `Carrier: ${fulfillment.carrier}` : null;
  const tracking = fulfillment.tracking_number ? `Tracking number: ${fulfillment.tracking_number}` : null;
  const title = rest ? `Part of your order ${order.number} has shipped` : `Your order ${order.number} has shipped`;
  const text = [
    `${title}.`,
    '',
    ...items,
    '',
    ...(carrier ? [carrier] : []),
    ...(tracking ? [tracking] : []),
    ...(fulfillment.tracking_url ? [`Track it: ${fulfillment.tracking_url}`] : []),
    ...(rest ? ['', 'The rest of your order will follow in another shipment.'] : []),
    ...(link ? ['', `Follow your order: ${link}`] : []),
    '',
    `— ${shopName}`,
  ].join('\n');
  const html = page(
    locale,
    title,
    `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>
${carrier ? `<p>${escapeHtml(carrier)}</p>` : ''}
${tracking ? `<p>${escapeHtml(tracking)}</p>` : ''}
${fulfillment.tracking_url ? `<p><a href="${escapeHtml(fulfillment.tracking_url)}">Track your package</a></p>` : ''}
${rest ? '<p>The rest of your order will follow in another shipment.</p>' : ''}
${link ? `<p><a href="${escapeHtml(link)}">View your order</a></p>` : ''}
<p>— ${escapeHtml(shopName)}</p>`,
  );
  return { subject: `${shopName}: ${title.charAt(0).toLowerCase()}${title.slice(1)}`, text, html };
}

/** "We refunded …": the amount, the lines it covers, and the reason when one was given. */
export function renderRefunded(
  order: Order,
  refund: Refund,
  settings: Partial<OrderEmailSettings> = {},
): RenderedEmail {
  const { shopName, locale, orderUrl } = settled(settings);
  const link = orderUrl ? orderPageUrl(orderUrl, order) : null;
  const amount = formatMoney(refund.amount, locale);
  const card = order.payment.card;
  const to = card ? ` to your ${CARD_BRANDS[card.brand] ?? card.brand} ending in ${card.last4}` : '';
  const items = unitsOf(order, refund.items);
  const title = `We refunded ${amount} for order ${order.number}`;
  const text = [
    `${title}${to}.`,
    ...(items.length ? ['', 'For:', ...items] : []),
    ...(refund.reason ? ['', `Reason: ${refund.reason}`] : []),
    '',
    'Refunds usually show on your statement within 5–10 business days.',
    ...(link ? ['', `View your order: ${link}`] : []),
    '',
    `— ${shopName}`,
  ].join('\n');
  const html = page(
    locale,
    title,
    `<p>${escapeHtml(`${amount} was refunded${to}.`)}</p>
${items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : ''}
${refund.reason ? `<p>Reason: ${escapeHtml(refund.reason)}</p>` : ''}
<p>Refunds usually show on your statement within 5–10 business days.</p>
${link ? `<p><a href="${escapeHtml(link)}">View your order</a></p>` : ''}
<p>— ${escapeHtml(shopName)}</p>`,
  );
  return { subject: `${shopName}: refund for order ${order.number}`, text, html };
}

/**
 * Order emails through nodemailer: SMTP when `SMTP_URL` is set, otherwise each message is built
 * by nodemailer's stream transport and written as an `.eml` file to the outbox directory (open
 * it with any mail client). Each is sent in the shop's name.
 */
export function createOrderMailer(options: OrderMailerOptions): OrderMailer {
  const { smtpUrl, outboxDir, from: fromAddress, settings: later, ...fixed } = options;
  const message = (order: Order, render: (settings: OrderEmailSettings) => RenderedEmail) => {
    const settings = settled(fixed, later?.());
    return {
      from: { name: settings.shopName, address: fromAddress ?? DEFAULT_FROM_ADDRESS },
      to: order.email,
      ...render(settings),
    };
  };
  let deliver: (order: Order, name: string, render: (settings: OrderEmailSettings) => RenderedEmail) => Promise<string>;
  let description: string;
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    description = `SMTP (${new URL(smtpUrl).host})`;
    deliver = async (order, _name, render) => (await transport.sendMail(message(order, render))).messageId;
  } else {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    description = `.eml files in ${outboxDir}`;
    deliver = async (order, name, render) => {
      const info = await transport.sendMail(message(order, render));
      await mkdir(outboxDir, { recursive: true });
      const file = join(outboxDir, `${name}.eml`);
      // Written whole, then renamed: a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return file;
    };
  }
  return {
    description,
    sendConfirmation: (order) => deliver(order, order.number, (s) => renderConfirmation(order, s)),
    sendShipped: (order, fulfillment) =>
      deliver(order, `${order.number}-shipped-${fulfillment.id}`, (s) => renderShipped(order, fulfillment, s)),
    sendRefunded: (order, refund) =>
      deliver(order, `${order.number}-refund-${refund.id}`, (s) => renderRefunded(order, refund, s)),
  };
}
