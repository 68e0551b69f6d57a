// Every screen of the owner console in Chromium against the built server, at phone, tablet and
// desktop widths, light and dark: no sideways scrolling, overlapping controls, clipped text or
// small targets, and nothing axe-core reports. Signed-out screens (sign-in, reset, setup) too;
// the wordiest screens also in German and Arabic (right to left).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { ADDRESS } from '../../packages/reference-server/test/support/checkout-fixtures.js';
import { adminGet, launchBrowser, startDemoServer } from './support/browser.js';
import { createOwner, signInToConsole, type ConsoleOwner } from './support/console-owner.js';
import { axeViolations, checkLayout } from './support/layout-checks.js';

const WIDTHS = [390, 768, 1280];

interface ListOf<T> {
  data: T[];
}

/** One paid order of the demo shop, placed through the storefront API as the checkout does. */
async function placeOrder(server: StartedDemoServer, variantId: string): Promise<string> {
  const call = async (path: string, method: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.publishableKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id: string };
    assert.equal(response.status, 200, `${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  const cart = await call('/v1/carts', 'POST', { items: [{ variant_id: variantId, quantity: 1 }] });
  const session = await call('/v1/checkout-sessions', 'POST', { cart_id: cart.id });
  await call(`/v1/checkout-sessions/${session.id}`, 'PATCH', {
    email: 'ada@example.com',
    shipping_address: ADDRESS,
    shipping_method_id: 'standard',
  });
  return (await call(`/v1/checkout-sessions/${session.id}/complete`, 'POST', { payment_method: 'pm_card_visa' })).id;
}

describe('every console screen at phone, tablet and desktop widths, light and dark', () => {
  let server: StartedDemoServer;
  let browser: Browser;
  let dataDir: string;
  let owner: ConsoleOwner;
  const screens: { name: string; hash: string; signedIn: boolean }[] = [];

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-e2e-console-layout-'));
    [server, browser] = await Promise.all([startDemoServer({ dataDir }), launchBrowser()]);
    owner = await createOwner(server, dataDir);
    const products = (await (
      await fetch(`${server.url}/v1/products?limit=50`, {
        headers: { authorization: `Bearer ${server.publishableKey}` },
      })
    ).json()) as ListOf<{ id: string; variants: { id: string; available_quantity: number | null }[] }>;
    const product = products.data.find((p) => p.variants.length > 1 && (p.variants[0]!.available_quantity ?? 0) > 1)!;
    const variant = product.variants[0]!;
    const order = await placeOrder(server, variant.id);
    const coupon = (await adminGet<ListOf<{ id: string }>>(server, '/v1/admin/coupons')).data[0]!;
    screens.push(
      { name: 'sign-in', hash: '#/', signedIn: false },
      { name: 'reset request', hash: '#/reset', signedIn: false },
      { name: 'reset from a link', hash: `#/reset?token=${'A'.repeat(43)}`, signedIn: false },
      { name: 'setup link no longer valid', hash: `#/setup?token=${'A'.repeat(43)}`, signedIn: false },
      { name: 'products', hash: '#/products', signedIn: true },
      { name: 'new product', hash: '#/products/new', signedIn: true },
      { name: 'product editor', hash: `#/products/${product.id}`, signedIn: true },
      { name: 'stock', hash: '#/stock', signedIn: true },
      { name: 'variant stock', hash: `#/stock/${variant.id}`, signedIn: true },
      { name: 'import', hash: '#/imports', signedIn: true },
      { name: 'orders', hash: '#/orders', signedIn: true },
      { name: 'order', hash: `#/orders/${order}`, signedIn: true },
      { name: 'coupons', hash: '#/coupons', signedIn: true },
      { name: 'new coupon', hash: '#/coupons/new', signedIn: true },
      { name: 'coupon', hash: `#/coupons/${coupon.id}`, signedIn: true },
      { name: 'keys', hash: '#/keys', signedIn: true },
      { name: 'settings', hash: '#/settings', signedIn: true },
      { name: 'staff', hash: '#/staff', signedIn: true },
      { name: 'audit log', hash: '#/audit', signedIn: true },
    );
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens a screen afresh (a new document, not a hash change) and waits until it has drawn its content. */
  async function open(page: Page, hash: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${server.url}/admin/${hash}`);
    await page.locator('h1').first().waitFor();
    await page
      .getByText('Loading…')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
  }

  /** Layout and axe problems of each screen at each width and colour scheme, opened on `page`. */
  async function problemsOf(
    page: Page,
    list: typeof screens,
    widths: readonly number[],
    schemes: readonly ('light' | 'dark')[],
    label = '',
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const screen of list) {
      await open(page, screen.hash);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        for (const colorScheme of schemes) {
          await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          if (process.env.E2E_SCREENSHOTS)
            await page.screenshot({
              path: `${process.env.E2E_SCREENSHOTS}/console-${label}${screen.name.replace(/\W+/g, '-')}-${width}-${colorScheme}.png`,
              fullPage: true,
            });
          for (const problem of [...(await checkLayout(page)), ...(await axeViolations(page))])
            problems.push(`${label}${screen.name} at ${width} px ${colorScheme}: ${problem}`);
        }
      }
    }
    return problems;
  }

  for (const signedIn of [false, true])
    test(`the ${signedIn ? 'signed-in' : 'signed-out'} screens have no layout or accessibility problem`, async () => {
      const page = await browser.newPage();
      if (signedIn) await signInToConsole(page, server.url, owner);
      const problems = await problemsOf(
        page,
        screens.filter((s) => s.signedIn === signedIn),
        WIDTHS,
        ['light', 'dark'],
      );
      await page.close();
      assert.deepEqual(problems, []);
    });

  // German has the longest words of the console's languages, Arabic runs right to left: the
  // screens with the most labels, at a phone's width and a desktop's, in the browser's language.
  for (const locale of ['de', 'ar'])
    test(`in ${locale}, the screens with the most text fit a phone and a desktop`, async () => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const signedIn = await page.request.post(`${server.url}/v1/admin/session`, {
        headers: { origin: server.url },
        data: owner,
      });
      assert.equal(signedIn.status(), 200, await signedIn.text());
      const wordy = new Set(['product editor', 'variant stock', 'order', 'coupon', 'settings', 'keys']);
      const problems = await problemsOf(
        page,
        screens.filter((s) => wordy.has(s.name)),
        [390, 1280],
        ['light'],
        `${locale}-`,
      );
      await context.close();
      assert.deepEqual(problems, []);
    });
});
