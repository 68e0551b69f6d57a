// The owner ships part of an order and refunds the rest, in the console, and the shopper sees both:
// a shopper buys two products on the demo shop; the owner (the first owner, created with the
// install's setup link, signed in through the console's sign-in form) finds the order, ships one
// line with a UPS tracking number, refunds the other with restock (the amount shown before
// confirming); the stock comes back once, and the shopper's order page shows the shipment with
// its tracking link and the refund.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { adminGet, launchBrowser, startDemoServer, watchProblems } from './support/browser.js';
import { fillToPayment } from './support/checkout-flow.js';
import { axeViolations, checkLayout } from './support/layout-checks.js';

const WIDTHS = [390, 768, 1280];

/** Layout and axe problems of the page as it is, at each width, light and dark. */
async function layoutProblems(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (process.env.E2E_SCREENSHOTS)
        await page.screenshot({
          path: `${process.env.E2E_SCREENSHOTS}/${name}-${width}-${colorScheme}.png`,
          fullPage: true,
        });
      for (const p of [...(await checkLayout(page)), ...(await axeViolations(page))])
        problems.push(`${name} ${width}px ${colorScheme}: ${p}`);
    }
  }
  return problems;
}

interface GridProduct {
  name: string;
  variants: { id: string; available_quantity: number }[];
}

const OWNER = { email: 'owner@example.com', password: 'correct horse battery staple' };

describe('the owner ships part of an order and refunds the rest', () => {
  let server: StartedDemoServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-e2e-orders-'));
    [server, browser] = await Promise.all([startDemoServer({ dataDir }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = <T = Record<string, unknown>>(path: string) => adminGet<T>(server, path);

  /** Two single-variant products with stock to spare, added from the grid; answers their names and variant ids. */
  async function addTwoProducts(page: Page): Promise<{ name: string; variantId: string }[]> {
    await page.goto(server.url);
    const cards = page.locator('shop-product-card').filter({ has: page.locator('[part~=price]') });
    await cards.nth(11).waitFor();
    const picks = await page.evaluate(() => {
      const grid = document.querySelector('shop-product-grid') as unknown as { products: GridProduct[] };
      return grid.products
        .map((p, index) => ({ index, name: p.name, variant: p.variants[0]!, count: p.variants.length }))
        .filter((p) => p.count === 1 && p.variant.available_quantity >= 3)
        .slice(0, 2)
        .map((p) => ({ index: p.index, name: p.name, variantId: p.variant.id }));
    });
    assert.equal(picks.length, 2);
    for (const pick of picks) {
      await cards.nth(pick.index).getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('dialog', { name: /Your cart/ }).waitFor();
      if (pick !== picks.at(-1)) {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog', { name: /Your cart/ }).waitFor({ state: 'hidden' });
      }
    }
    await page.getByRole('button', { name: 'Checkout' }).click();
    await page.getByLabel('Email').waitFor();
    return picks;
  }

  test('a shipment with tracking and a refund with restock, made in the console, both show on the order page', async () => {
    // The shopper buys two products.
    const shop = await browser.newPage();
    shop.setDefaultTimeout(15_000);
    const shopperProblems = watchProblems(shop);
    const [shipped, refunded] = await addTwoProducts(shop);
    await fillToPayment(shop);
    await shop.getByLabel('Card number').fill('4242 4242 4242 4242');
    await shop.getByRole('button', { name: 'Review order' }).click();
    await shop.getByRole('button', { name: 'Place order' }).click();
    const confirmation = shop.getByText(/Your order ST-\d+ is confirmed/);
    await confirmation.waitFor();
    const number = /ST-\d+/.exec(await confirmation.innerText())![0];
    const orderPage = await shop.getByRole('link', { name: 'View your order status' }).getAttribute('href');
    assert.ok(orderPage, 'the confirmation links to the order page');
    const stockBefore = await admin<{ on_hand: number }>(`/v1/admin/inventory/${refunded!.variantId}`);

    // The first owner is created with the install's one-time setup link.
    const setupUrl = (server as StartedDemoServer & { setupUrl?: string | null }).setupUrl;
    assert.ok(setupUrl, 'an install without staff prints a setup link');
    const token = new URLSearchParams(setupUrl.split('?')[1]).get('token')!;
    const setup = await fetch(`${server.url}/v1/admin/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ token, ...OWNER, name: 'Olive Owner' }),
    });
    assert.equal(setup.status, 200, await setup.text());

    // The owner signs in to the console and opens the order.
    const owner = await browser.newPage();
    owner.setDefaultTimeout(15_000);
    const ownerProblems = watchProblems(owner);
    await owner.goto(`${server.url}/admin/`);
    await owner.getByLabel('Email').fill(OWNER.email);
    await owner.getByLabel('Password').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('link', { name: 'Orders' }).click();
    await owner.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await owner.getByLabel('Search').fill(number);
    await owner.getByRole('button', { name: 'Apply' }).click();
    await owner.getByRole('link', { name: number }).click();
    await owner.getByRole('heading', { name: `Order ${number}` }).waitFor();

    // Ship the first product with a UPS tracking number.
    await owner.getByRole('button', { name: 'Ship items' }).click();
    const shipDialog = owner.getByRole('dialog', { name: 'Ship items' });
    await shipDialog.getByLabel(new RegExp(`Units to ship of ${refunded!.name}`)).fill('0');
    await shipDialog.getByLabel('Carrier').fill('UPS');
    await shipDialog.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await shipDialog.getByRole('button', { name: 'Record shipment' }).click();
    await shipDialog.waitFor({ state: 'hidden' });
    await owner.getByText('Partly shipped').first().waitFor();

    // Refund the second with restock: the amount is shown before anything is refunded.
    await owner.getByRole('button', { name: 'Refund', exact: true }).click();
    const refundDialog = owner.getByRole('dialog', { name: 'Refund' });
    await refundDialog.getByLabel(new RegExp(`Units to refund of ${refunded!.name}`)).fill('1');
    await refundDialog.getByLabel('Put the refunded items back in stock').check();
    await refundDialog.getByRole('button', { name: 'Review refund' }).click();
    const confirm = refundDialog.getByRole('button', { name: /^Refund \$\d/ });
    await confirm.waitFor();
    const amount = /\$[\d.,]+/.exec(await confirm.innerText())![0];
    await confirm.click();
    await refundDialog.waitFor({ state: 'hidden' });
    await owner.getByText(`Refunded ${amount}.`).first().waitFor();
    await owner.getByText('Shipment recorded').first().waitFor();

    // The order as the owner sees it now, and the list, at phone, tablet and desktop widths.
    const layout = await layoutProblems(owner, 'console-order');
    await owner.getByRole('link', { name: 'All orders' }).click();
    await owner.getByRole('link', { name: number }).waitFor();
    layout.push(...(await layoutProblems(owner, 'console-orders')));
    await owner.setViewportSize({ width: 1280, height: 900 });

    const stockAfter = await admin<{ on_hand: number }>(`/v1/admin/inventory/${refunded!.variantId}`);
    assert.equal(stockAfter.on_hand, stockBefore.on_hand + 1, 'the refunded unit is back in stock, once');

    // The shopper's order page shows the shipment with its tracking link, and the refund.
    await shop.goto(new URL(orderPage, server.url).href);
    const tracking = shop.getByRole('link', { name: 'Track 1Z999AA10123456784 with UPS' });
    await tracking.waitFor();
    assert.equal(await tracking.getAttribute('href'), 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
    await shop.getByText(`1 × ${shipped!.name}`).first().waitFor();
    await shop.getByText(new RegExp(`\\${amount} refunded on`)).waitFor();
    layout.push(...(await layoutProblems(shop, 'order-page')));
    assert.deepEqual(layout, []);
    assert.deepEqual(shopperProblems, []);
    // Before signing in, the console asks for the session and is told there is none (a 401): expected.
    // A 404 the page never requested itself is the browser's own /favicon.ico (the console page names no icon).
    const pageNotFound = ownerProblems.some((p) => p.startsWith('HTTP 404'));
    const unexpected = ownerProblems.filter(
      (p) =>
        !/^HTTP 401: .*\/v1\/admin\/session$/.test(p) &&
        !/status of 401/.test(p) &&
        (pageNotFound || !/status of 404/.test(p)),
    );
    assert.deepEqual(unexpected, []);
  });
});
