// The demo shop's checkout when the server has Stripe keys. There is no network here, so this is our
// wiring, not Stripe: the server's `stripe` library talks to a local Stripe API stand-in, and the
// page's requests to Stripe's hosts are answered by Playwright routes — js.stripe.com with a
// Stripe.js stand-in (packages/elements/src/testing/stripe-js-stand-in.js), api.stripe.com by
// forwarding to the local stand-in. The demo page's Content Security Policy is enforced as is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import {
  startStripeStandIn,
  type StripeStandIn,
} from '../../packages/reference-server/test/support/stripe-stand-in.js';
import { adminGet, launchBrowser, startDemoServer, watchProblems } from './support/browser.js';
import { fillToPayment, toCheckout } from './support/checkout-flow.js';

const standInScript = readFileSync(
  new URL('../../packages/elements/src/testing/stripe-js-stand-in.js', import.meta.url),
  'utf8',
);

describe('buying on the demo shop with Stripe', () => {
  let stripe: StripeStandIn;
  let server: StartedDemoServer;
  let browser: Browser;

  before(async () => {
    stripe = await startStripeStandIn();
    const env = { ...process.env, STRIPE_SECRET_KEY: 'sk_test_stand_in', STRIPE_PUBLISHABLE_KEY: 'pk_test_stand_in' };
    [server, browser] = await Promise.all([startDemoServer({ env, stripeApi: stripe.api }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await stripe?.close();
  });

  const admin = <T = Record<string, unknown>>(path: string) => adminGet<T>(server, path);

  /** Answers js.stripe.com with the Stripe.js stand-in (or fails it, when `reachable` says no) and forwards api.stripe.com to the local stand-in. */
  async function routeStripe(page: Page, reachable: () => boolean): Promise<void> {
    await page.route('https://js.stripe.com/**', (route) =>
      reachable()
        ? route.fulfill({
            contentType: 'text/javascript',
            body: `window.__STRIPE_STAND_IN__ = { api: 'https://api.stripe.com' };\n${standInScript}`,
          })
        : route.abort('internetdisconnected'),
    );
    await page.route('https://api.stripe.com/**', async (route) => {
      const { pathname, search } = new URL(route.request().url());
      const response = await route.fetch({ url: `http://${stripe.api.host}:${stripe.api.port}${pathname}${search}` });
      await route.fulfill({ response });
    });
  }

  test('the Payment Element replaces the test-card form; a double-clicked Place order confirms once and makes one paid order', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    await routeStripe(page, () => true);
    await toCheckout(page, server.url, 0);
    await fillToPayment(page);
    await page.locator('iframe[title="Secure payment input frame"]').waitFor();
    assert.equal(await page.getByLabel('Card number').count(), 0);
    await page.getByRole('button', { name: 'Review order' }).click();
    await page.getByRole('button', { name: 'Place order' }).dblclick();
    const confirmation = page.getByText(/Your order ST-\d+ is confirmed/);
    await confirmation.waitFor();
    const number = /ST-\d+/.exec(await confirmation.innerText())![0];
    const orders = (await admin('/v1/admin/orders?email=ada@example.com')) as {
      data: { number: string; status: string; payment: { provider: string; reference: string } }[];
    };
    assert.equal(orders.data.length, 1, 'a double click makes one order');
    assert.equal(orders.data[0]!.number, number);
    assert.equal(orders.data[0]!.status, 'paid');
    assert.equal(orders.data[0]!.payment.provider, 'stripe');
    assert.equal(stripe.intents.get(orders.data[0]!.payment.reference)?.status, 'succeeded');
    const browserConfirms = stripe.requests.filter((r) => r.path.endsWith('/confirm') && r.form.client_secret);
    assert.equal(browserConfirms.length, 1, 'the browser confirmed the PaymentIntent once');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('when Stripe.js cannot be reached the payment step says so, and Try again recovers', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    let reachable = false;
    await routeStripe(page, () => reachable);
    await toCheckout(page, server.url, 1);
    await fillToPayment(page);
    await page
      .getByRole('alert')
      .getByText(/could not be loaded/)
      .waitFor();
    // The button is there while Stripe is still unreachable; only then does the network come back.
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    reachable = true;
    await retry.click();
    await page.locator('iframe[title="Secure payment input frame"]').waitFor();
    await page.getByRole('button', { name: 'Review order' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText(/Your order ST-\d+ is confirmed/).waitFor();
    await page.close();
  });
});
