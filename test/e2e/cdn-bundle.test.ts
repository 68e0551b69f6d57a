import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { launchBrowser, startDemoServer, watchProblems } from './support/browser.js';

/** A plain page on another origin that embeds the shop with one script tag and a key. */
function embedPage(shopUrl: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A blog post with a shop in it</title>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src ${shopUrl}; connect-src ${shopUrl}; img-src ${shopUrl} data:; style-src 'self'" />
    <link rel="icon" href="data:," />
    <script type="module" src="${shopUrl}/shoptag.js"></script>
  </head>
  <body>
    <main><h1>Our favourite things</h1>${body}</main>
  </body>
</html>`;
}

// A module script from another origin loads only with CORS: the shop server sends
// Access-Control-Allow-Origin: * on /shoptag.js, /chunks/* and /media/*.

describe('the CDN bundle', () => {
  let shop: StartedDemoServer;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;
  const pages = new Map<string, string>();

  before(async () => {
    [shop, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    // 127.0.0.1 vs localhost: a different origin from the shop server.
    site = createServer((req, res) => {
      const html = pages.get(req.url ?? '');
      res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  test('the shop server lets any origin load /shoptag.js and its chunks as module scripts', async () => {
    const script = await fetch(`${shop.url}/shoptag.js`, { headers: { Origin: siteUrl } });
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('access-control-allow-origin'), '*');
    const chunk = /"\.\/chunks\/([\w.-]+\.js)"/.exec(await script.text())![1];
    const chunkResponse = await fetch(`${shop.url}/chunks/${chunk}`, { headers: { Origin: siteUrl } });
    assert.equal(chunkResponse.headers.get('access-control-allow-origin'), '*');
  });

  test('loads from another origin, finds its chunks next to the script and defaults the endpoint to the script origin', async () => {
    assert.notEqual(new URL(shop.url).origin, new URL(siteUrl).origin);
    pages.set(
      '/grid',
      embedPage(
        shop.url,
        `<shop-store publishable-key="${shop.publishableKey}"><shop-product-grid limit="4" paging="button"></shop-product-grid></shop-store>`,
      ),
    );
    const page = await browser.newPage();
    page.setDefaultTimeout(8_000);
    const problems = watchProblems(page);
    await page.goto(`${siteUrl}/grid`);
    const cards = page.locator('shop-product-card').filter({ has: page.locator('[part~=price]') });
    await cards.nth(3).waitFor();
    assert.equal(await cards.count(), 4);
    const img = cards.first().locator('img');
    assert.ok((await img.getAttribute('src'))!.startsWith(`${shop.url}/media/`));
    await page.waitForFunction(() => {
      const card = document
        .querySelector('shop-product-grid')!
        .shadowRoot!.querySelector('ul[part=grid] shop-product-card')!;
      return (card.shadowRoot!.querySelector('img') as HTMLImageElement).naturalWidth > 0;
    });
    const chunks = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.includes('/chunks/')),
    );
    assert.ok(chunks.length > 0 && chunks.every((c) => c.startsWith(`${shop.url}/chunks/`)), chunks.join(' '));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a page with only <shop-money> loads neither the grid nor the card chunk', async () => {
    pages.set(
      '/money',
      embedPage(
        shop.url,
        '<p>Only <shop-money amount="1999" currency="USD" locale="en-US"></shop-money> this week.</p>',
      ),
    );
    const page = await browser.newPage();
    page.setDefaultTimeout(8_000);
    const problems = watchProblems(page);
    await page.goto(`${siteUrl}/money`);
    await page.getByText('$19.99').waitFor();
    const chunks = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/chunks/')),
    );
    assert.ok(
      chunks.some((c) => /\/money-[\w-]+\.js$/.test(c)),
      chunks.join(' '),
    );
    assert.ok(!chunks.some((c) => /\/(product-grid|product-card|store)-[\w-]+\.js$/.test(c)), chunks.join(' '));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('tags added after the page loaded are defined when they appear', async () => {
    pages.set('/later', embedPage(shop.url, '<div id="slot"></div>'));
    const page = await browser.newPage();
    page.setDefaultTimeout(8_000);
    const problems = watchProblems(page);
    await page.goto(`${siteUrl}/later`);
    await page.waitForLoadState('load');
    await page.evaluate(() => {
      document.getElementById('slot')!.innerHTML =
        '<shop-money amount="1500" currency="JPY" locale="en-US"></shop-money>';
    });
    await page.getByText('¥1,500').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a page without a key warns W001 in the console and explains itself in the grid', async () => {
    pages.set('/nokey', embedPage(shop.url, '<shop-product-grid></shop-product-grid>'));
    const page = await browser.newPage();
    page.setDefaultTimeout(8_000);
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.goto(`${siteUrl}/nokey`);
    await page.getByText('This shop isn’t connected yet').waitFor();
    assert.ok(
      warnings.some((w) => w.startsWith('[shoptag W001]')),
      warnings.join('\n'),
    );
    await page.close();
  });
});
