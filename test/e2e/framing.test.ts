import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { launchBrowser, startDemoServer } from './support/browser.js';

// Clickjacking: the demo checkout's CSP travels as a header, with frame-ancestors (a <meta> policy
// cannot say it), so a page on another origin cannot frame the checkout, unless the shop lists
// that origin in SHOPTAG_FRAME_ANCESTORS to embed its own checkout.

describe('framing the demo checkout', () => {
  let shop: StartedDemoServer;
  let browser: Browser;
  let site: Server;
  let siteOrigin: string;
  let framedUrl = '';

  before(async () => {
    [shop, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    // 127.0.0.1 vs localhost: another origin than the shop server's.
    site = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><title>Win a prize</title><link rel="icon" href="data:," /></head>
<body><h1>Click the button!</h1><iframe title="checkout" src="${framedUrl}" width="800" height="600"></iframe></body></html>`);
    }).listen(0, '127.0.0.1');
    await once(site, 'listening');
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
    site?.close();
  });

  /** Opens the other origin's page framing `url`; answers the frame and what the console said. */
  async function frameFromOtherOrigin(url: string): Promise<{ frame: Frame; console: string[] }> {
    framedUrl = url;
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    // The page's load event waits for its frame, refused or not.
    await page.goto(siteOrigin, { waitUntil: 'load' });
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(frame, 'the page has its frame');
    return { frame, console: messages };
  }

  test('the checkout page sends a CSP header with frame-ancestors, and another origin cannot frame it', async () => {
    const checkoutUrl = `${shop.url}/checkout.html`;
    const page = await browser.newPage();
    const response = await page.goto(checkoutUrl);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /(^|; )frame-ancestors 'self'$/);
    assert.match(csp, /(^|; )script-src 'self' /);
    assert.equal(response?.headers()['x-frame-options'], 'SAMEORIGIN');
    await page.locator('shop-checkout').waitFor({ state: 'attached' });
    await page.close();

    const { frame, console } = await frameFromOtherOrigin(checkoutUrl);
    assert.notEqual(frame.url(), checkoutUrl, 'the browser did not load the checkout into the frame');
    assert.equal(await frame.locator('shop-checkout').count(), 0);
    assert.ok(
      console.some((m) => m.includes('frame-ancestors')),
      `the browser names the directive that refused the frame: ${JSON.stringify(console)}`,
    );
  });

  test('a shop that lists its own site in SHOPTAG_FRAME_ANCESTORS can frame its checkout', async () => {
    const embeddable = await startDemoServer({ env: { SHOPTAG_FRAME_ANCESTORS: `'self', ${siteOrigin}` } });
    try {
      const checkoutUrl = `${embeddable.url}/checkout.html`;
      const { frame } = await frameFromOtherOrigin(checkoutUrl);
      assert.equal(frame.url(), checkoutUrl);
      await frame.locator('shop-checkout').waitFor({ state: 'attached' });
    } finally {
      await embeddable.close();
    }
  });
});
