// Buying something with nothing to ship on the demo shop: the digital gift card from its product
// page, through a checkout that asks for a billing address and no shipping, to an order without
// an address for shipping whose email says nothing about shipping (simulated payments).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { adminGet, launchBrowser, startDemoServer, watchProblems } from './support/browser.js';

describe('buying a digital product on the demo shop', () => {
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

  test('the gift card checks out with a billing address, no shipping step, and its order ships nothing', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    await page.goto(`${server.url}/product.html?handle=shoptag-gift-card`);
    await page.getByRole('heading', { name: 'Shoptag Gift Card' }).waitFor();
    const product = page.locator('shop-product');
    await product.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('dialog', { name: /Your cart/ }).waitFor();
    await page.getByRole('button', { name: 'Checkout' }).click();

    await page.getByRole('heading', { name: 'Contact and billing address' }).waitFor();
    const progress = await page.locator('shop-checkout').locator('[part~=progress] li').allInnerTexts();
    assert.ok(!progress.some((step) => /shipping/i.test(step)), `no shipping step: ${progress.join(' · ')}`);
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('Full name').fill('Grace Hopper');
    await page.getByLabel('Address', { exact: true }).fill('1 Market St');
    await page.getByLabel('City').fill('San Francisco');
    await page.getByLabel('State', { exact: true }).selectOption('CA');
    await page.getByLabel('ZIP code').fill('94105');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Review order' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    const confirmation = page.getByText(/Your order ST-\d+ is confirmed/);
    await confirmation.waitFor();
    const number = /ST-\d+/.exec(await confirmation.innerText())![0];

    const orders = (await admin('/v1/admin/orders?email=grace@example.com')) as {
      data: {
        number: string;
        status: string;
        requires_shipping: boolean;
        shipping_address: unknown;
        shipping_method: unknown;
        totals: { shipping: { amount: number } };
      }[];
    };
    assert.equal(orders.data.length, 1);
    const order = orders.data[0]!;
    assert.deepEqual(
      [order.number, order.status, order.requires_shipping, order.shipping_address, order.shipping_method],
      [number, 'paid', false, null, null],
    );
    assert.equal(order.totals.shipping.amount, 0);

    const eml = join(dataDir, 'outbox', `${number}.eml`);
    for (let i = 0; i < 100 && !existsSync(eml); i++) await new Promise((r) => setTimeout(r, 50));
    const mail = readFileSync(eml, 'utf8');
    assert.doesNotMatch(mail, /Shipping/i, 'the email says nothing about shipping');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
