// The cart end to end on the demo shop: add from a product card, the drawer opens, change the
// quantity, apply a coupon, and a second tab of the same browser shows the same cart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { launchBrowser, startDemoServer, watchProblems } from './support/browser.js';

interface GridProduct {
  name: string;
  price: { amount: number };
  variants: { available_quantity: number }[];
}

describe('the cart on the demo shop', () => {
  let server: StartedDemoServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const productCards = (page: Page) => page.locator('shop-product-card').filter({ has: page.locator('[part~=price]') });
  const cartButton = (page: Page) => page.locator('shop-cart-button').getByRole('button');

  test('add from a card, the drawer opens, change the quantity, apply a coupon, and a second tab shows the same cart', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems = watchProblems(page);
    await page.goto(server.url);
    await productCards(page).nth(23).waitFor();
    await assert.doesNotReject(
      cartButton(page)
        .and(page.getByRole('button', { name: 'Cart, 0 items' }))
        .waitFor(),
    );

    // A product with one variant, several units in stock, under the free-shipping threshold.
    const index = await page.evaluate(() => {
      const grid = document.querySelector('shop-product-grid') as unknown as { products: GridProduct[] };
      return grid.products.findIndex(
        (p) => p.variants.length === 1 && p.variants[0]!.available_quantity >= 3 && p.price.amount < 2400,
      );
    });
    assert.ok(index >= 0, 'the first page has a cheap single-variant product in stock');
    const card = productCards(page).nth(index);
    const name = await card.locator('[part~=link]').innerText();
    await card.getByRole('button', { name: 'Add to cart' }).click();

    const drawer = page.getByRole('dialog', { name: /Your cart/ });
    await drawer.waitFor();
    await drawer.getByText(name, { exact: true }).waitFor();
    const progress = await page.evaluate(() =>
      document.querySelector('shop-cart')!.shadowRoot!.querySelector('[part=progress]')?.textContent?.trim(),
    );
    assert.match(progress ?? '', /^Add \$\d+\.\d\d more for free shipping\.$/);
    await page.getByRole('button', { name: 'Close cart' }).waitFor();
    assert.equal(
      await page.evaluate(() =>
        document.querySelector('shop-cart')!.shadowRoot!.activeElement?.getAttribute('aria-label'),
      ),
      'Close cart',
    );

    await drawer.getByRole('button', { name: `Increase quantity of ${name}` }).click();
    await drawer
      .getByLabel(`Quantity of ${name}`)
      .and(page.getByText('2', { exact: true }))
      .waitFor();
    await drawer.getByRole('status').getByText(`${name}: quantity 2`, { exact: false }).waitFor();

    await drawer.getByRole('textbox', { name: 'Discount code' }).fill('welcome10');
    await drawer.getByRole('button', { name: 'Apply' }).click();
    await drawer.getByText('Code WELCOME10', { exact: true }).waitFor();
    await drawer.getByText('Discount', { exact: true }).waitFor();

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await cartButton(page)
      .and(page.getByRole('button', { name: 'Cart, 2 items' }))
      .waitFor();

    // A second tab of the same browser finds the same cart.
    const second = await context.newPage();
    second.setDefaultTimeout(10_000);
    const secondProblems = watchProblems(second);
    await second.goto(server.url);
    await cartButton(second)
      .and(second.getByRole('button', { name: 'Cart, 2 items' }))
      .waitFor();
    await cartButton(second).click();
    const secondDrawer = second.getByRole('dialog', { name: /Your cart/ });
    await secondDrawer.getByText('Code WELCOME10', { exact: true }).waitFor();

    // A change in the second tab reaches the first one without a reload.
    await secondDrawer.getByRole('button', { name: `Increase quantity of ${name}` }).click();
    await cartButton(page)
      .and(page.getByRole('button', { name: 'Cart, 3 items' }))
      .waitFor();

    assert.deepEqual(problems, []);
    assert.deepEqual(secondProblems, []);
    await second.close();
    await page.close();
  });
});
