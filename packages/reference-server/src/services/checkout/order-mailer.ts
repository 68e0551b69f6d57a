import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { minorToDecimalString, type Money, type Order } from '@shoptag/sdk/contract';

export interface OrderMailerOptions {
  /** `smtp://user:pass@host:587`; without it messages are written as `.eml` files to `outboxDir`. */
  smtpUrl: string | undefined;
  outboxDir: string;
  from?: string;
  shopName?: string;
}

export interface OrderMailer {
  /** For the startup banner. */
  readonly description: string;
  /** Sends the order confirmation; answers where it went (message id or file path). */
  sendConfirmation(order: Order): Promise<string>;
}

const DEFAULT_FROM = 'Shoptag <orders@shoptag.invalid>';

const price = (money: Money) => `${minorToDecimalString(money.amount, money.currency)} ${money.currency}`;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The confirmation as plain text and HTML: items, totals, addresses, how to follow the order. */
export function renderConfirmation(order: Order, shopName: string): { subject: string; text: string; html: string } {
  const a = order.shipping_address;
  const address = [
    a.name,
    a.company,
    a.line1,
    a.line2,
    `${a.postal_code ?? ''} ${a.city}${a.region ? `, ${a.region}` : ''}`.trim(),
    a.country,
  ].filter(Boolean) as string[];
  const rows: [string, string][] = [
    ['Subtotal', price(order.totals.subtotal)],
    ...(order.totals.discount.amount ? [['Discount', `-${price(order.totals.discount)}`] as [string, string]] : []),
    [`Shipping (${order.shipping_method.name})`, price(order.totals.shipping)],
    [order.totals.tax_included ? 'Tax included' : 'Tax', price(order.totals.tax)],
    ['Total', price(order.totals.total)],
  ];
  const items = order.items.map(
    (i) => `${i.quantity} × ${i.name}${i.variant_title ? ` (${i.variant_title})` : ''} — ${price(i.line_total)}`,
  );
  const text = [
    `Thank you for your order ${order.number}.`,
    '',
    ...items,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    'Shipping to:',
    ...address,
    '',
    `Estimated delivery: ${order.shipping_method.estimated_days.min}–${order.shipping_method.estimated_days.max} business days with ${order.shipping_method.carrier}.`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<h1>Thank you for your order ${escapeHtml(order.number)}</h1>
<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>
<table>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td style="text-align:right">${escapeHtml(v)}</td></tr>`).join('')}</table>
<p>Shipping to:<br>${address.map(escapeHtml).join('<br>')}</p>
</body></html>`;
  return { subject: `${shopName}: order ${order.number} confirmed`, text, html };
}

/**
 * Order emails through nodemailer: SMTP when `SMTP_URL` is set, otherwise each message is built
 * by nodemailer's stream transport and written as an `.eml` file to the outbox directory (open
 * it with any mail client).
 */
export function createOrderMailer(options: OrderMailerOptions): OrderMailer {
  const shopName = options.shopName ?? 'Shoptag';
  const from = options.from ?? DEFAULT_FROM;
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      description: `SMTP (${new URL(options.smtpUrl).host})`,
      async sendConfirmation(order) {
        const info = await transport.sendMail({ from, to: order.email, ...renderConfirmation(order, shopName) });
        return info.messageId;
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `.eml files in ${options.outboxDir}`,
    async sendConfirmation(order) {
      const info = await transport.sendMail({ from, to: order.email, ...renderConfirmation(order, shopName) });
      await mkdir(options.outboxDir, { recursive: true });
      const file = join(options.outboxDir, `${order.number}.eml`);
      // Written whole, then renamed: a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return file;
    },
  };
}
