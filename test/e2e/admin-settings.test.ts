// The console's coupons, keys and settings screens end to end against the real server: a coupon
// made in the console applies in the storefront cart; a shipping rate changed in Settings is what
// checkout charges; a publishable key made with an allowed site is refused to other sites.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { launchBrowser, startDemoServer, watchProblems } from './support/browser.js';
import { fillToPayment, toCheckout } from './support/checkout-flow.js';
import { createOwner, signInToConsole } from './support/console-owner.js';

describe('the console: coupons, keys and settings', () => {
  let server: StartedDemoServer;
  let browser: Browser;
  let dataDir: string;
  let owner: { email: string; password: string };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-e2e-admin-'));
    [server, browser] = await Promise.all([startDemoServer({ dataDir }), launchBrowser()]);
    owner = await createOwner(server, dataDir);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function consolePage(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    await signInToConsole(page, server.url, owner);
    // Before signing in, the console asks for its session and is told there is none (a 401): expected.
    problems.length = 0;
    await page.goto(`${server.url}/admin/#/${path}`);
    return { page, problems };
  }

  test('a coupon created in the console applies in the storefront cart, and its usage is listed', async () => {
    const { page, problems } = await consolePage('coupons');
    await page.getByRole('heading', { name: 'Coupons', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New coupon' }).click();
    await page.getByRole('heading', { name: 'New coupon', level: 1 }).waitFor();
    await page.getByLabel('Code').fill('e2e-fifteen');
    await page.getByLabel('Kind').selectOption('percentage');
    await page.getByLabel('Percent off').fill('15');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Coupon E2E-FIFTEEN', level: 1 }).waitFor();
    await page.getByText('No order has used this coupon yet.').waitFor();

    const shop = await browser.newPage();
    shop.setDefaultTimeout(15_000);
    await shop.goto(server.url);
    const cards = shop.locator('shop-product-card').filter({ has: shop.locator('[part~=price]') });
    await cards.nth(11).waitFor();
    // A product with one variant in stock: its card's button adds it and opens the cart.
    const index = await shop.evaluate(() => {
      const grid = document.querySelector('shop-product-grid') as unknown as {
        products: { variants: { available_quantity: number | null }[] }[];
      };
      return grid.products.findIndex((p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 3);
    });
    assert.ok(index >= 0, 'the first page has a single-variant product in stock');
    await cards.nth(index).getByRole('button', { name: 'Add to cart' }).click();
    const drawer = shop.getByRole('dialog', { name: /Your cart/ });
    await drawer.waitFor();
    await drawer.getByRole('textbox', { name: 'Discount code' }).fill('e2e-fifteen');
    await drawer.getByRole('button', { name: 'Apply' }).click();
    await drawer.getByText('Code E2E-FIFTEEN', { exact: true }).waitFor();
    await drawer.getByText('Discount', { exact: true }).waitFor();

    // Disabled in the console (after a confirmation), the code no longer applies.
    await page.goto(`${server.url}/admin/#/coupons`);
    await page.getByRole('button', { name: 'Disable E2E-FIFTEEN' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await page
      .getByRole('row', { name: /E2E-FIFTEEN/ })
      .getByText('Disabled')
      .waitFor();
    assert.deepEqual(problems, []);
  });

  test('a shipping rate changed in Settings is the rate checkout charges', async () => {
    const { page, problems } = await consolePage('settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const standard = page.getByRole('group', { name: /Standard/ });
    await standard.getByLabel('Rate (USD)', { exact: true }).fill('7.35');
    // Never free, whatever the cart holds: the rate is what checkout must charge.
    await standard.getByLabel(/^Free over/).fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByText('Saved here').first().waitFor();

    const shop = await browser.newPage();
    shop.setDefaultTimeout(15_000);
    await toCheckout(shop, server.url, 2);
    await fillToPayment(shop);
    // Review lists the shipping method with what it costs.
    await shop.getByLabel('Card number').fill('4242 4242 4242 4242');
    await shop.getByRole('button', { name: 'Review order' }).click();
    await shop.getByRole('button', { name: 'Place order' }).waitFor();
    await shop.getByText('$7.35').first().waitFor();
    assert.deepEqual(problems, []);
  });

  test('a publishable key created with an allowed site works from that site only, and is shown once', async () => {
    const { page, problems } = await consolePage('keys');
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create publishable key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New publishable key' });
    await dialog.getByLabel('Name').fill('Blog buy buttons');
    await dialog.getByLabel('Sites allowed to use it').fill('not a site');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Enter addresses that start with https:// or http://, one per line.').waitFor();
    await dialog.getByLabel('Sites allowed to use it').fill('https://blog.example.com/posts/1');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const shown = page.getByRole('dialog', { name: 'Copy your new key now' });
    await shown.waitFor();
    const key = (await shown.locator('.secret').innerText()).trim();
    assert.match(key, /^pk_test_/);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByRole('row', { name: /Blog buy buttons/ });
    await row.getByText('https://blog.example.com').waitFor();
    assert.ok(!(await page.content()).includes(key), 'the key is not on the page once its dialog closed');

    const from = (origin: string) =>
      fetch(`${server.url}/v1/products?limit=1`, { headers: { authorization: `Bearer ${key}`, origin } });
    assert.equal((await from('https://blog.example.com')).status, 200);
    assert.equal((await from('https://elsewhere.example')).status, 403);
    assert.deepEqual(problems, []);
  });
});
