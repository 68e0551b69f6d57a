// A purchase by keyboard alone on the demo shop, on a phone and on a desktop: Tab, Enter, Space
// and typing, never a click. From the home page: add a product (the cart drawer opens with focus
// in it), go to checkout, fill in the address, choose shipping, pay with the simulated test card,
// reach the confirmation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { launchBrowser, startDemoServer, watchProblems } from './support/browser.js';

interface Focused {
  tag: string;
  name: string;
  text: string;
  label: string;
  id: string;
  /** It sits in a component that also asks for a choice (a product with variants). */
  withChoice: boolean;
}

/** What has focus, through shadow roots. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    let withChoice = false;
    while (el?.shadowRoot?.activeElement) {
      if (/^SHOP-(PRODUCT-CARD|BUY-BUTTON)$/.test(el.tagName))
        withChoice ||= el.shadowRoot.querySelector('select') !== null;
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute('name') ?? '',
      text: (el.textContent ?? '').trim(),
      label: el.getAttribute('aria-label') ?? '',
      id: el.id,
      withChoice,
    };
  });
}

/** Presses Tab until focus is on what `matches` describes (at most `limit` presses). */
async function tabTo(page: Page, what: string, matches: (f: Focused) => boolean, limit = 250): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && matches(f)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const named = (field: string) => (f: Focused) => f.name === field;
const button = (text: RegExp) => (f: Focused) =>
  (f.tag === 'button' || f.tag === 'a') && (text.test(f.text) || text.test(f.label));

async function buyByKeyboard(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.locator('shop-product-card [part~=price]').first().waitFor();
  // The first product sold in one variant only, so Add to cart needs no choice first.
  await tabTo(page, 'Add to cart', (f) => button(/^Add to cart$/)(f) && !f.withChoice);
  await page.keyboard.press('Enter');
  // Adding opens the cart drawer, with focus inside it.
  await page.getByRole('dialog', { name: /Your cart/ }).waitFor();
  await tabTo(page, 'Checkout', button(/^Checkout$/));
  await page.keyboard.press('Enter');

  await page.getByLabel('Email').waitFor();
  await tabTo(page, 'Email', named('email'));
  await page.keyboard.type('ada@example.com');
  await tabTo(page, 'Full name', named('name'));
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1 Market St');
  await tabTo(page, 'City', named('city'));
  await page.keyboard.type('San Francisco');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page))?.name, 'region');
  await page.keyboard.type('California'); // a closed select picks the option typed
  await page.keyboard.press('Tab');
  await page.keyboard.type('94105');
  await page.keyboard.press('Enter'); // submits the form

  await page.getByRole('heading', { name: 'Shipping method' }).waitFor();
  assert.equal((await focused(page))?.id, 'step-heading', 'focus moves to the shipping step’s heading');
  await tabTo(page, 'a shipping method', (f) => f.name === 'shipping');
  await page.keyboard.press('Space');
  await page.locator('shop-checkout button[part~=primary]:enabled').waitFor();
  await tabTo(page, 'Continue to payment', button(/^Continue to payment$/));
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Payment' }).waitFor();
  assert.equal((await focused(page))?.id, 'step-heading', 'focus moves to the payment step’s heading');
  await tabTo(page, 'Card number', named('cardnumber'));
  await page.keyboard.type('4242 4242 4242 4242');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Review your order' }).waitFor();
  await tabTo(page, 'Place order', button(/^Place order$/));
  await page.keyboard.press('Enter');
  const confirmation = page.getByText(/Your order ST-\d+ is confirmed/);
  await confirmation.waitFor();
  return /ST-\d+/.exec(await confirmation.innerText())![0];
}

describe('buying by keyboard alone', () => {
  let server: StartedDemoServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 900],
  ] as const) {
    test(`a shopper buys from the home page to the confirmation with the keyboard only, ${width} px wide`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      page.setDefaultTimeout(20_000);
      const problems = watchProblems(page);
      const number = await buyByKeyboard(page, server.url);
      assert.match(number, /^ST-\d+$/);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
