// A purchase end to end on the demo shop: grid → cart → checkout → confirmation, with the order in
// the database, the stock sold and the email in the outbox; a declined card keeps the cart; the
// authentication-required card passes through its challenge.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { adminGet, launchBrowser, startDemoServer, watchProblems } from './support/browser.js';
import { fillToPayment, toCheckout as toCheckoutOn } from './support/checkout-flow.js';

describe('buying on the demo shop', () => {
  let server: StartedDemoServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-e2e-'));
    [server, browser] = await Promise.all([startDemoServer({ dataDir }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = <T = Record<string, unknown>>(path: string) => adminGet<T>(server, path);

  const toCheckout = (page: Page, skip: number) => toCheckoutOn(page, server.url, skip);

  async function fillAndReview(page: Page, card: string): Promise<void> {
    await fillToPayment(page);
    await page.getByLabel('Card number').fill(card);
    await page.getByRole('button', { name: 'Review order' }).click();
    await page.getByRole('button', { name: 'Place order' }).waitFor();
  }

  test('grid → cart → checkout → confirmation: one order in the database, stock sold, email in the outbox', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const variantId = await toCheckout(page, 0);
    const before = (await admin(`/v1/admin/inventory/${variantId}`)) as { on_hand: number };
    await fillAndReview(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Place order' }).dblclick();
    const confirmation = page.getByText(/Your order ST-\d+ is confirmed/);
    await confirmation.waitFor();
    const number = /ST-\d+/.exec(await confirmation.innerText())![0];
    const orders = (await admin('/v1/admin/orders?email=ada@example.com')) as {
      data: { number: string; status: string; items: { variant_id: string }[] }[];
    };
    assert.equal(orders.data.length, 1, 'a double click makes one order');
    assert.equal(orders.data[0]!.number, number);
    assert.equal(orders.data[0]!.status, 'paid');
    const after = (await admin(`/v1/admin/inventory/${variantId}`)) as { on_hand: number; reserved: number };
    assert.equal(after.on_hand, before.on_hand - 1);
    const eml = join(dataDir, 'outbox', `${number}.eml`);
    for (let i = 0; i < 100 && !existsSync(eml); i++) await new Promise((r) => setTimeout(r, 50));
    // Quoted-printable decoded: soft line breaks joined, =XX bytes read as UTF-8.
    const mail = decodeURIComponent(
      readFileSync(eml, 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/%/g, '%25')
        .replace(/=([0-9A-F]{2})/g, '%$1'),
    );
    assert.match(mail, /^To: ada@example\.com$/m);
    assert.match(mail, /^From: "Harbor & Pine" </m, "sent in the demo shop's name");
    assert.match(mail, /^Total: \$\d+\.\d\d$/m, 'money through Intl');
    assert.match(mail, /^San Francisco, CA 94105$/m, 'a US address in US order');
    const emailed = /^Follow your order: (\S+)$/m.exec(mail)?.[1];
    assert.ok(emailed?.startsWith(`${server.url}/order.html#order=`), `the email links to the order page: ${emailed}`);
    // The confirmation links to the same page, which shows the order.
    await page.getByRole('link', { name: 'View your order status' }).click();
    await page.waitForURL(/\/order\.html#order=/);
    assert.equal(page.url(), emailed);
    await page
      .locator('shop-order')
      .getByRole('heading', { name: `Order ${number}` })
      .waitFor();
    await page.locator('shop-order').getByText('Visa ending in 4242').waitFor();
    assert.deepEqual(
      requested.filter((url) => /stripe/i.test(url)),
      [],
      'a shop without Stripe keys loads no Stripe code',
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a declined card shows the error and keeps the cart', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await toCheckout(page, 1);
    await fillAndReview(page, '4000 0000 0000 0002');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('alert').getByText('Your card was declined.').waitFor();
    await page.goto(server.url);
    await page
      .locator('shop-cart-button')
      .getByRole('button', { name: /Cart, 1 item/ })
      .waitFor();
    await page.close();
  });

  test('the authentication-required card passes through the challenge', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await toCheckout(page, 2);
    await fillAndReview(page, '4000 0027 6000 3184');
    await page.getByRole('button', { name: 'Place order' }).click();
    const challenge = page.getByRole('dialog', { name: 'Confirm your payment' });
    await challenge.getByRole('button', { name: 'Complete authentication' }).click();
    await page.getByText(/Your order ST-\d+ is confirmed/).waitFor();
    await page.close();
  });
});
