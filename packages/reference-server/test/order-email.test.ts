// The order confirmation email through nodemailer: an .eml file in the outbox without SMTP_URL,
// and a real SMTP conversation with SMTP_URL (a minimal SMTP server started by the test).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CheckoutSession, Order } from '@shoptag/sdk/contract';
import { createOrderMailer, renderConfirmation } from '../src/services/checkout/index.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A message's quoted-printable parts as text (soft line breaks joined, `=XX` bytes decoded as UTF-8). */
const decoded = (message: string) =>
  decodeURIComponent(
    message
      .replace(/=\r?\n/g, '')
      .replace(/%/g, '%25')
      .replace(/=([0-9A-F]{2})/g, '%$1'),
  );

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

forEachDatabase('order confirmation email', (target) => {
  let app: TestApp;
  let outbox: string;
  before(async () => {
    outbox = join(mkdtempSync(join(tmpdir(), 'shoptag-mail-')), 'outbox');
    const mailer = createOrderMailer({
      smtpUrl: undefined,
      outboxDir: outbox,
      shopName: 'Harbor & Pine',
      locale: 'en-US',
      settings: () => ({ orderUrl: 'https://shop.example/order.html#order={id}&token={token}' }),
    });
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      onOrderPlaced: async (order) => void (await mailer.sendConfirmation(order)),
    });
  });
  after(async () => {
    await app?.close();
    rmSync(join(outbox, '..'), { recursive: true, force: true });
  });

  test("placing an order writes its confirmation to the outbox as an .eml file, in the shop's name", async () => {
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: 'var_fx070', quantity: 2 }] }),
    });
    const s = CheckoutSession.parse(
      (
        await app.request('/v1/checkout-sessions', {
          method: 'POST',
          ...json({ cart_id: (cart.body as { id: string }).id }),
        })
      ).body,
    );
    await app.request(`/v1/checkout-sessions/${s.id}`, {
      method: 'PATCH',
      ...json({ email: 'grace@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    const order = Order.parse(
      (
        await app.request(`/v1/checkout-sessions/${s.id}/complete`, {
          method: 'POST',
          ...json({ payment_method: 'pm_card_visa' }),
        })
      ).body,
    );
    // The email goes out after the answer: wait for it.
    const file = join(outbox, `${order.number}.eml`);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !existsSync(file)) await new Promise((r) => setTimeout(r, 20));
    const eml = decoded(readFileSync(file, 'utf8'));
    assert.match(eml, /^To: grace@example\.com$/m);
    assert.match(eml, /^From: "Harbor & Pine" <orders@shoptag\.invalid>$/m);
    assert.match(eml, new RegExp(`Subject: Harbor & Pine: order ${order.number} confirmed`));
    assert.match(eml, /2 × Fixture Product 7/);
    assert.match(eml, /Total: \$24\.98/);
    assert.match(eml, /San Francisco, CA 94105/);
    assert.match(eml, /Paid with Visa ending in 4242\./);
    const link = `https://shop.example/order.html#order=${order.id}&token=${order.token}`;
    assert.ok(eml.includes(`Follow your order: ${link}`), 'the text part links to the order page');
    assert.ok(eml.includes(`href="${link.replace('&', '&#38;')}"`), 'the HTML part links to the order page');
  });
});

test('with SMTP_URL the confirmation goes over SMTP to the shopper', async () => {
  const received: string[] = [];
  const server = createServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            data = false;
            socket.write('250 queued\r\n');
          } else received.push(line);
          continue;
        }
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'DATA') {
          data = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const mailer = createOrderMailer({
      smtpUrl: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
      outboxDir: '/nonexistent',
      shopName: '港の松',
      locale: 'ja-JP',
      shopCountry: 'JP',
    });
    const order = {
      object: 'order',
      id: 'ord_1',
      number: 'ST-100999',
      status: 'paid',
      currency: 'JPY',
      email: 'kenji@example.jp',
      shipping_address: {
        name: 'Kenji',
        line1: '1-1 Chiyoda',
        city: 'Chiyoda-ku',
        region: '13',
        postal_code: '100-0001',
        country: 'JP',
      },
      billing_address: {
        name: 'Kenji',
        line1: '1-1 Chiyoda',
        city: 'Chiyoda-ku',
        region: '13',
        postal_code: '100-0001',
        country: 'JP',
      },
      shipping_method: {
        id: 'standard',
        name: 'Standard',
        carrier: 'Japan Post',
        price: { amount: 500, currency: 'JPY' },
        estimated_days: { min: 1, max: 3 },
      },
      items: [],
      coupon_code: null,
      totals: {
        subtotal: { amount: 3000, currency: 'JPY' },
        discount: { amount: 0, currency: 'JPY' },
        shipping: { amount: 500, currency: 'JPY' },
        tax: { amount: 318, currency: 'JPY' },
        total: { amount: 3500, currency: 'JPY' },
        refunded: { amount: 0, currency: 'JPY' },
        tax_included: true,
      },
      payment: {
        provider: 'simulated',
        reference: 'pi_sim_1',
        captured: { amount: 3500, currency: 'JPY' },
        card: { brand: 'jcb', last4: '0000' },
      },
      refunds: [],
      fulfillment: null,
      fulfillments: [],
      fulfillment_status: 'unfulfilled',
      payment_status: 'paid',
      requires_shipping: true,
      checkout_session_id: 'cs_00000000000000000000000000',
      token: 'otok_x',
      created_at: '2026-11-25T00:00:00.000Z',
      updated_at: '2026-11-25T00:00:00.000Z',
    } satisfies Order;
    await mailer.sendConfirmation(order);
    const message = decoded(received.join('\n'));
    assert.match(message, /^To: kenji@example\.jp$/m);
    assert.match(message, /^From: =\?UTF-8\?/m, "the shop's name, encoded");
    assert.ok(message.includes('Total: ￥3,500'), message);
    assert.ok(message.includes('Tax included: ￥318'));
  } finally {
    server.close();
  }
});

const usOrder = (): Order => ({
  object: 'order',
  id: 'ord_us1',
  number: 'ST-100500',
  status: 'paid',
  currency: 'USD',
  email: 'ada@example.com',
  shipping_address: {
    name: 'Ada Lovelace',
    line1: '742 Evergreen Terrace',
    city: 'Springfield',
    region: 'IL',
    postal_code: '62701',
    country: 'US',
  },
  billing_address: {
    name: 'Ada Lovelace',
    line1: '742 Evergreen Terrace',
    city: 'Springfield',
    region: 'IL',
    postal_code: '62701',
    country: 'US',
  },
  shipping_method: {
    id: 'standard',
    name: 'Standard',
    carrier: 'USPS',
    price: { amount: 499, currency: 'USD' },
    estimated_days: { min: 3, max: 5 },
  },
  items: [
    {
      id: 'oi_1',
      variant_id: 'var_1',
      product_id: 'prod_1',
      name: 'Moor Boxy Tee',
      variant_title: 'M / Plum',
      options: {},
      sku: 'MBT-M-PL',
      image: null,
      unit_price: { amount: 2800, currency: 'USD' },
      quantity: 1,
      line_total: { amount: 2800, currency: 'USD' },
      tax: { amount: 0, currency: 'USD' },
      refunded_quantity: 0,
      backordered_quantity: 0,
      requires_shipping: true,
      fulfilled_quantity: 0,
      restocked_quantity: 0,
    },
  ],
  coupon_code: null,
  totals: {
    subtotal: { amount: 2800, currency: 'USD' },
    discount: { amount: 0, currency: 'USD' },
    shipping: { amount: 499, currency: 'USD' },
    tax: { amount: 0, currency: 'USD' },
    total: { amount: 3299, currency: 'USD' },
    refunded: { amount: 0, currency: 'USD' },
    tax_included: false,
  },
  payment: { provider: 'simulated', reference: 'pi_sim_2', captured: { amount: 3299, currency: 'USD' }, card: null },
  refunds: [],
  fulfillment: null,
  fulfillments: [],
  fulfillment_status: 'unfulfilled',
  payment_status: 'paid',
  requires_shipping: true,
  checkout_session_id: 'cs_00000000000000000000000001',
  token: 'otok_a/b+c',
  created_at: '2026-11-25T00:00:00.000Z',
  updated_at: '2026-11-25T00:00:00.000Z',
});

test('the email writes money with Intl in the shop\'s locale, never as "32.99 USD"', () => {
  const { text } = renderConfirmation(usOrder(), { locale: 'en-US' });
  assert.match(text, /^Total: \$32\.99$/m);
  assert.match(text, /^Shipping \(Standard\): \$4\.99$/m);
  assert.doesNotMatch(text, /USD/);
  assert.match(renderConfirmation(usOrder(), { locale: 'de-DE' }).text, /^Total: 32,99\s\$$/m);
});

test('a US address is written "Springfield, IL 62701", without the country when the shop is in the US', () => {
  const home = renderConfirmation(usOrder(), { locale: 'en-US', shopCountry: 'US' }).text;
  assert.match(home, /Shipping to:\nAda Lovelace\n742 Evergreen Terrace\nSpringfield, IL 62701\n\n/);
  const abroad = renderConfirmation(usOrder(), { locale: 'en-GB', shopCountry: 'GB' }).text;
  assert.match(abroad, /Springfield, IL 62701\nUnited States\n/);
});

test("the email is signed with the shop's name and links to the order page with the id and token encoded", () => {
  const { subject, text, html } = renderConfirmation(usOrder(), {
    shopName: 'Alder & Co',
    orderUrl: 'https://alder.example/orders?id={id}#token={token}',
  });
  assert.equal(subject, 'Alder & Co: order ST-100500 confirmed');
  assert.match(text, /— Alder & Co$/);
  assert.ok(text.includes('Follow your order: https://alder.example/orders?id=ord_us1#token=otok_a%2Fb%2Bc'));
  assert.ok(html.includes('<a href="https://alder.example/orders?id=ord_us1#token=otok_a%2Fb%2Bc">'));
  assert.ok(html.includes('Alder &#38; Co'));
});

test('without an order page the email has no link, and without a card no payment line', () => {
  const { text, html } = renderConfirmation(usOrder());
  assert.doesNotMatch(text, /Follow your order|Paid with/);
  assert.doesNotMatch(html, /<a /);
});

test('settings left undefined (variables not set) take the defaults', () => {
  const { subject, text } = renderConfirmation(usOrder(), {
    shopName: undefined,
    locale: undefined,
    orderUrl: undefined,
  });
  assert.equal(subject, 'Shoptag: order ST-100500 confirmed');
  assert.match(text, /^Total: \$32\.99$/m);
});
