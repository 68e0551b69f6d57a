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
import { createOrderMailer } from '../src/services/checkout/index.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

forEachDatabase('order confirmation email', (target) => {
  let app: TestApp;
  let outbox: string;
  before(async () => {
    outbox = join(mkdtempSync(join(tmpdir(), 'shoptag-mail-')), 'outbox');
    const mailer = createOrderMailer({ smtpUrl: undefined, outboxDir: outbox });
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      onOrderPlaced: async (order) => void (await mailer.sendConfirmation(order)),
    });
  });
  after(async () => {
    await app?.close();
    rmSync(join(outbox, '..'), { recursive: true, force: true });
  });

  test('placing an order writes its confirmation to the outbox as an .eml file', async () => {
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
    const eml = readFileSync(file, 'utf8');
    assert.match(eml, /^To: grace@example\.com$/m);
    assert.match(eml, new RegExp(`Subject: Shoptag: order ${order.number} confirmed`));
    assert.match(eml, /2 =C3=97 Fixture Product 7|2 × Fixture Product 7/);
    assert.match(eml, /Total: 24\.98 USD/);
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
      payment: { provider: 'simulated', reference: 'pi_sim_1', captured: { amount: 3500, currency: 'JPY' } },
      refunds: [],
      fulfillment: null,
      checkout_session_id: 'cs_00000000000000000000000000',
      token: 'otok_x',
      created_at: '2026-11-25T00:00:00.000Z',
      updated_at: '2026-11-25T00:00:00.000Z',
    } satisfies Order;
    await mailer.sendConfirmation(order);
    const message = received.join('\n');
    assert.match(message, /^To: kenji@example\.jp$/m);
    assert.match(message, /Total: 3500 JPY/);
    assert.match(message, /Tax included: 318 JPY/);
  } finally {
    server.close();
  }
});
