// From the owner's console to a shopper's order page, in one story on one server: the owner signs
// in, creates a product with two options and an uploaded image, publishes it and finds it in the
// storefront grid; adjusts its stock; a shopper buys two; the owner ships one with a tracking
// number and refunds the other with restock; the shopper's order page shows both.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { adminGet, launchBrowser, startDemoServer } from './support/browser.js';
import { fillToPayment } from './support/checkout-flow.js';

const OWNER = { email: 'owner@example.com', password: 'correct horse battery staple' };
// A 2×2 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

interface AdminProduct {
  id: string;
  handle: string;
  status: string;
  images: { alt: string }[];
  variants: { id: string; sku: string; options: Record<string, string> }[];
}

describe('from the owner console to the shopper', () => {
  let server: StartedDemoServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-e2e-owner-'));
    [server, browser] = await Promise.all([startDemoServer({ dataDir }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = <T = Record<string, unknown>>(path: string) => adminGet<T>(server, path);

  test('a product made in the console is bought, partly shipped and partly refunded, and the shopper sees both', async () => {
    // The first owner, from the install's one-time setup link.
    const setupUrl = (server as StartedDemoServer & { setupUrl?: string | null }).setupUrl;
    assert.ok(setupUrl, 'an install without staff prints a setup link');
    const token = new URLSearchParams(setupUrl.split('?')[1]).get('token')!;
    const setup = await fetch(`${server.url}/v1/admin/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ token, ...OWNER, name: 'Olive Owner' }),
    });
    assert.equal(setup.status, 200, await setup.text());
    const category = (
      await (
        await fetch(`${server.url}/v1/categories`, { headers: { authorization: `Bearer ${server.publishableKey}` } })
      ).json()
    ).data[0].slug as string;

    // The owner signs in and creates the product: two options, four variants, five of each.
    const owner = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    owner.setDefaultTimeout(20_000);
    await owner.goto(`${server.url}/admin/`);
    await owner.getByLabel('Email').fill(OWNER.email);
    await owner.getByLabel('Password').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
    await owner
      .getByRole('link', { name: 'Add product' })
      .or(owner.getByRole('button', { name: 'Add product' }))
      .click();
    await owner.getByRole('heading', { name: 'New product', level: 1 }).waitFor();
    const name = `Harbor Console Tee ${Date.now().toString(36)}`;
    await owner.getByLabel('Title', { exact: true }).fill(name);
    await owner.getByLabel('Category').fill(category);
    for (const [n, option, values] of [
      [1, 'Size', 'S, M'],
      [2, 'Colour', 'Red, Blue'],
    ] as const) {
      await owner.getByRole('button', { name: 'Add option' }).click();
      await owner.getByLabel(`Option ${n} name`).fill(option);
      await owner.getByLabel(`Option ${n} values`).fill(values);
      await owner.getByLabel(`Option ${n} values`).press('Tab');
    }
    const combinations = ['S / Red', 'S / Blue', 'M / Red', 'M / Blue'];
    for (const combination of combinations) {
      await owner.getByLabel(`Price – ${combination}`, { exact: true }).fill('31.00');
      await owner.getByLabel(`Stock – ${combination}`, { exact: true }).fill('5');
    }
    await owner.getByRole('button', { name: 'Publish' }).click();
    await owner.waitForURL(/#\/products\/prod_\w+$/);
    const productId = /prod_\w+$/.exec(owner.url())![0];

    // An image, uploaded on the saved product, with its alt text.
    await owner.locator('input[type=file]').setInputFiles({ name: 'tee.png', mimeType: 'image/png', buffer: PNG });
    const alt = owner.getByLabel('Alt text (describes the image)');
    await alt.fill('A navy tee, folded');
    await alt.press('Tab');
    let product = await admin<AdminProduct>(`/v1/admin/products/${productId}`);
    for (let i = 0; i < 50 && product.images[0]?.alt !== 'A navy tee, folded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      product = await admin<AdminProduct>(`/v1/admin/products/${productId}`);
    }
    assert.equal(product.status, 'active');
    assert.deepEqual(
      product.images.map((i) => i.alt),
      ['A navy tee, folded'],
    );
    assert.equal(product.variants.length, 4);

    // It is in the storefront grid, image and all.
    const shop = await browser.newPage({ viewport: { width: 390, height: 844 } });
    shop.setDefaultTimeout(20_000);
    await shop.goto(`${server.url}/?q=${encodeURIComponent(name)}`);
    const card = shop.locator('shop-product-card').filter({ hasText: name });
    await card.waitFor();
    await card.getByRole('img', { name: 'A navy tee, folded' }).waitFor();

    // The owner adjusts the stock of the variant the shopper will buy: five more received.
    const bought = product.variants.find((v) => v.options['Size'] === 'S' && v.options['Colour'] === 'Red')!;
    await owner.goto(`${server.url}/admin/#/stock/${bought.id}`);
    await owner.getByRole('heading', { level: 1 }).waitFor();
    await owner.getByLabel('Units (negative to remove)').fill('5');
    await owner.getByLabel('Reason').selectOption('received');
    await owner.getByRole('button', { name: 'Apply' }).click();
    await owner.getByText('Stock updated: 10 on hand.').first().waitFor();

    // A shopper buys two of it on the product page.
    await shop.goto(`${server.url}/product.html?handle=${product.handle}`);
    await shop.locator('shop-product').getByRole('heading', { name }).waitFor();
    await shop.getByRole('button', { name: 'Increase quantity' }).click();
    await shop.locator('shop-product').getByRole('button', { name: 'Add to cart' }).click();
    await shop
      .getByRole('dialog', { name: /Your cart/ })
      .getByRole('button', { name: 'Checkout' })
      .click();
    await fillToPayment(shop);
    await shop.getByLabel('Card number').fill('4242 4242 4242 4242');
    await shop.getByRole('button', { name: 'Review order' }).click();
    await shop.getByRole('button', { name: 'Place order' }).click();
    const confirmation = shop.getByText(/Your order ST-\d+ is confirmed/);
    await confirmation.waitFor();
    const number = /ST-\d+/.exec(await confirmation.innerText())![0];
    const orderPage = await shop.getByRole('link', { name: 'View your order status' }).getAttribute('href');
    assert.ok(orderPage);
    const stockAfterSale = await admin<{ on_hand: number }>(`/v1/admin/inventory/${bought.id}`);
    assert.equal(stockAfterSale.on_hand, 8, 'ten on hand, two sold');

    // The owner ships one with a tracking number and refunds the other with restock.
    await owner.goto(`${server.url}/admin/#/orders`);
    await owner.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await owner.getByLabel('Search').fill(number);
    await owner.getByRole('button', { name: 'Apply' }).click();
    await owner.getByRole('link', { name: number }).click();
    await owner.getByRole('heading', { name: `Order ${number}` }).waitFor();
    await owner.getByRole('button', { name: 'Ship items' }).click();
    const shipDialog = owner.getByRole('dialog', { name: 'Ship items' });
    await shipDialog.getByLabel(new RegExp(`Units to ship of ${name}`)).fill('1');
    await shipDialog.getByLabel('Carrier').fill('UPS');
    await shipDialog.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await shipDialog.getByRole('button', { name: 'Record shipment' }).click();
    await shipDialog.waitFor({ state: 'hidden' });
    await owner.getByRole('button', { name: 'Refund', exact: true }).click();
    const refundDialog = owner.getByRole('dialog', { name: 'Refund' });
    await refundDialog.getByLabel(new RegExp(`Units to refund of ${name}`)).fill('1');
    await refundDialog.getByLabel('Put the refunded items back in stock').check();
    await refundDialog.getByRole('button', { name: 'Review refund' }).click();
    const confirm = refundDialog.getByRole('button', { name: /^Refund \$\d/ });
    await confirm.waitFor();
    const amount = /\$[\d.,]+/.exec(await confirm.innerText())![0];
    await confirm.click();
    await refundDialog.waitFor({ state: 'hidden' });
    await owner.getByText(`Refunded ${amount}.`).first().waitFor();
    const stockAfterRefund = await admin<{ on_hand: number }>(`/v1/admin/inventory/${bought.id}`);
    assert.equal(stockAfterRefund.on_hand, 9, 'the refunded unit is back in stock, once');

    // The shopper's order page shows the shipment with its tracking link, and the refund.
    await shop.goto(new URL(orderPage, server.url).href);
    const tracking = shop.getByRole('link', { name: 'Track 1Z999AA10123456784 with UPS' });
    await tracking.waitFor();
    assert.equal(await tracking.getAttribute('href'), 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
    await shop.getByText(new RegExp(`\\${amount} refunded on`)).waitFor();
  });
});
