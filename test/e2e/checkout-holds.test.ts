// Checkout's guarantees seen from the browser: Place order clicked again and again makes one
// order; a checkout left alone past its hold gives its stock back, shows the expired state once
// the units are gone, and the shopper can start over.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import type { StartedDemoServer, StartServerOptions } from '@shoptag/reference-server';
import { launchBrowser, startDemoServer, watchProblems } from './support/browser.js';
import { fillToPayment, toCheckout } from './support/checkout-flow.js';

interface Level {
  on_hand: number;
  reserved: number;
}

/** A demo server (its own data directory) and a browser for one group of tests. */
function shop(options: StartServerOptions = {}) {
  const ctx = {
    server: undefined as unknown as StartedDemoServer,
    browser: undefined as unknown as Browser,
    dataDir: '',
  };
  before(async () => {
    ctx.dataDir = mkdtempSync(join(tmpdir(), 'shoptag-e2e-'));
    [ctx.server, ctx.browser] = await Promise.all([
      startDemoServer({ dataDir: ctx.dataDir, ...options }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    rmSync(ctx.dataDir, { recursive: true, force: true });
  });
  const admin = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${ctx.server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${ctx.server.secretKey}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    assert.ok(res.ok, `${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  return { ctx, admin };
}

/** Polls `read` every 100 ms until `done` holds, at most `tries` times; answers the last value. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, tries = 100): Promise<T> {
  let value = await read();
  for (let i = 0; i < tries && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe('Place order clicked many times', () => {
  const { ctx, admin } = shop();

  test('a double-clicked, then repeatedly clicked Place order makes one order and shows its confirmation', async () => {
    const page = await ctx.browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    await toCheckout(page, ctx.server.url, 0);
    await fillToPayment(page);
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Review order' }).click();
    const place = page.getByRole('button', { name: 'Place order' });
    const box = (await place.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // A real double click, then more clicks at once on the same spot: the mouse API does not wait
    // for the button to be enabled, so clicks land while the first order is being placed.
    await page.mouse.dblclick(x, y);
    for (let i = 0; i < 3; i++) await page.mouse.click(x, y);
    const confirmation = page.getByText(/Your order ST-\d+ is confirmed/);
    await confirmation.waitFor();
    const number = /ST-\d+/.exec(await confirmation.innerText())![0];
    const sessionId = await page.evaluate(
      () =>
        (document.querySelector('shop-checkout') as unknown as { state: { session: { id: string } } }).state.session.id,
    );
    await page.waitForLoadState('networkidle');
    const orders = await admin<{ data: { number: string; checkout_session_id: string }[] }>(
      '/v1/admin/orders?email=ada@example.com',
    );
    assert.deepEqual(
      orders.data.map((o) => [o.number, o.checkout_session_id]),
      [[number, sessionId]],
      'one order, for this session',
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('a checkout left past its hold', () => {
  // Holds of three seconds, swept every quarter second.
  const { ctx, admin } = shop({ env: { ...process.env, SHOPTAG_HOLD_TTL_SECONDS: '3' }, holdSweepIntervalMs: 250 });

  test('gives its stock back; with the units gone meanwhile the page shows the expired state, and the shopper can start over', async () => {
    const page = await ctx.browser.newPage();
    page.setDefaultTimeout(15_000);
    const variantId = await toCheckout(page, ctx.server.url, 0);
    const level = () => admin<Level>(`/v1/admin/inventory/${variantId}`);
    const held = await level();
    assert.ok(held.reserved >= 1, 'checkout holds the unit');
    const unheld = held.reserved - 1;
    await fillToPayment(page);

    // The shopper walks away: the hold lapses and the sweeper gives the unit back.
    const released = await pollUntil(level, (l) => l.reserved === unheld);
    assert.equal(released.reserved, unheld, 'the lapsed hold is released');
    assert.equal(released.on_hand, held.on_hand);

    // Meanwhile the last units are sold elsewhere.
    await admin(`/v1/admin/inventory/${variantId}`, { method: 'PUT', body: { on_hand: released.reserved } });
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Review order' }).click();
    await page.getByRole('heading', { name: 'Your checkout has expired' }).waitFor();
    assert.equal((await level()).reserved, unheld, 'no new hold was taken');

    // Restocked, the shopper goes back and checks out again: a new hold.
    await admin(`/v1/admin/inventory/${variantId}`, { method: 'PUT', body: { on_hand: held.on_hand } });
    await page.getByRole('button', { name: 'Back to the shop' }).click();
    await page
      .locator('shop-cart-button')
      .getByRole('button', { name: /Cart, 1 item/ })
      .click();
    await page.getByRole('dialog', { name: /Your cart/ }).waitFor();
    await page.getByRole('button', { name: 'Checkout' }).click();
    await page.getByLabel('Email').waitFor();
    assert.equal((await level()).reserved, unheld + 1, 'the new checkout holds the unit again');
    await page.close();
  });
});
