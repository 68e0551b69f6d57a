import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { cardPrices, launchBrowser, startDemoServer, watchProblems } from './support/browser.js';

const SCREENSHOT_DIR = 'test-results';

describe('the demo shop', () => {
  let server: StartedDemoServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Cards showing a product (skeleton cards are shop-product-card elements too, without a price). */
  const productCards = (page: Page) => page.locator('shop-product-card').filter({ has: page.locator('[part~=price]') });

  async function open(path = '/'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(new URL(path, server.url).href);
    return { page, problems };
  }

  test('shows at least 24 product cards with prices and loaded images, with no errors', async () => {
    const { page, problems } = await open();
    const cards = productCards(page);
    await page.getByText(/Showing 24 of 240 products/).waitFor();
    await cards.nth(23).waitFor();
    assert.ok((await cards.count()) >= 24);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.waitForFunction(() =>
      [...document.querySelector('shop-product-grid')!.shadowRoot!.querySelectorAll('shop-product-card')]
        .slice(0, 4)
        .every((c) => ((c.shadowRoot?.querySelector('img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0),
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/demo-shop.png` });

    for (let i = 0; i < 24; i++) {
      const card = cards.nth(i);
      await card.scrollIntoViewIfNeeded();
      assert.match(await card.locator('[part~=price]').innerText(), /\$\d+\.\d\d/);
      assert.ok((await card.locator('[part~=link]').innerText()).length > 0);
      const img = card.locator('img[part~=image]');
      await assert.doesNotReject(
        img.evaluate((el: HTMLImageElement) =>
          el.complete ? Promise.resolve() : new Promise((r) => el.addEventListener('load', r, { once: true })),
        ),
      );
      const { naturalWidth, alt } = await img.evaluate((el: HTMLImageElement) => ({
        naturalWidth: el.naturalWidth,
        alt: el.alt,
      }));
      assert.ok(naturalWidth > 0, `image of card ${i + 1} loaded`);
      assert.ok(alt.length > 0, `image of card ${i + 1} has alt text`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('choosing "Price: low to high" sorts the grid and keeps the choice in the URL', async () => {
    const { page, problems } = await open();
    await productCards(page).nth(23).waitFor();
    const sorted = page.waitForResponse((r) => r.url().includes('/v1/products') && r.url().includes('sort=price_asc'));
    await page.getByLabel('Sort by').selectOption({ label: 'Price: low to high' });
    await sorted;
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'price_asc');
    await page.waitForFunction(
      () => (document.querySelector('shop-product-grid') as unknown as { products: unknown[] }).products.length >= 24,
    );
    const prices = await cardPrices(page);
    assert.ok(prices.length >= 24);
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => a - b),
    );

    const resorted = page.waitForResponse((r) => r.url().includes('sort=price_desc'));
    await page.getByLabel('Sort by').selectOption('price_desc');
    await resorted;
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'price_desc');
    const descending = await cardPrices(page);
    assert.deepEqual(
      descending,
      [...descending].sort((a, b) => b - a),
    );
    assert.ok(descending[0]! > prices[0]!);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a category link shows only that category', async () => {
    const { page, problems } = await open();
    await productCards(page).first().waitFor();
    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Footwear' }).click();
    await page.waitForURL(/\?category=footwear$/);
    const response = await fetch(`${server.url}/v1/categories/footwear`, {
      headers: { Authorization: `Bearer ${server.publishableKey}` },
    });
    const footwear = (await response.json()) as { product_count: number };
    await page.getByText(new RegExp(`^(Showing \\d+ of )?${footwear.product_count} products$`)).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('scrolling to the end of the grid loads the next page, and "Load more" works from the keyboard', async () => {
    const { page, problems } = await open();
    await productCards(page).nth(23).waitFor();
    await productCards(page).nth(23).scrollIntoViewIfNeeded();
    await productCards(page).nth(47).waitFor();

    const shown = (await cardPrices(page)).length;
    const loadMore = page.getByRole('button', { name: 'Load more' });
    await loadMore.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => (document.querySelector('shop-product-grid') as unknown as { products: unknown[] }).products.length > n,
      shown,
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
  test('tabbing through the filter column keeps focus on screen, below the header, and loads no products', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 1280, height: 640 },
    ]) {
      const { page, problems } = await open();
      await page.setViewportSize(viewport);
      await productCards(page).nth(23).waitFor();
      await page.locator('shop-facets').locator('input').first().waitFor();
      const shown = (await cardPrices(page)).length;
      await page.locator('shop-facets').locator('input').first().focus();
      let stops = 0;
      for (; stops < 120; stops++) {
        const focus = await page.evaluate(() => {
          let el: Element | null = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          const inFacets = !!el && (el.getRootNode() as ShadowRoot).host?.localName === 'shop-facets';
          const rect = el!.getBoundingClientRect();
          const header = document.querySelector('.site-header')!.getBoundingClientRect();
          return { inFacets, top: rect.top, bottom: rect.bottom, headerBottom: header.bottom, height: innerHeight };
        });
        if (!focus.inFacets) break;
        assert.ok(
          focus.top >= focus.headerBottom - 1 && focus.bottom <= focus.height + 1,
          `stop ${stops} at ${viewport.height}px: the focused filter (${focus.top}–${focus.bottom}) is on screen below the header (${focus.headerBottom})`,
        );
        await page.keyboard.press('Tab');
        await page.waitForTimeout(50);
      }
      assert.ok(stops > 5, `tabbed through ${stops} filters`);
      await page.waitForTimeout(800);
      assert.equal((await cardPrices(page)).length, shown, 'tabbing loaded no more products');
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  test('a search replaces the season heading with "Results for …"', async () => {
    const { page, problems } = await open('/?q=lantren');
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: 'Results for “lantren”' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'New season, well made' }).isVisible(), false);
    assert.equal(await heading.count(), 1);
    await productCards(page).first().waitFor();
    assert.match(await productCards(page).first().locator('[part~=link]').innerText(), /lantern/i);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('on a phone the filters fold behind a "Filters" button that opens and closes from the keyboard, and the header stays compact', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watchProblems(page);
    await page.goto(server.url);
    await productCards(page).first().waitFor();
    const toggle = page.getByRole('button', { name: 'Filters' });
    const facets = page.locator('shop-facets');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await facets.isVisible(), false, 'the filters start folded');
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header!.height <= 844 / 5, `the sticky header is ${header!.height}px tall`);
    const firstCard = await productCards(page).first().boundingBox();
    assert.ok(firstCard!.y < 844, 'the first product starts on the first screen');

    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await facets.waitFor();
    await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => document.activeElement?.closest('.filters') !== null),
      'Tab goes into the filters',
    );
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.ok(await toggle.evaluate((el) => el === document.activeElement), 'Escape returns focus to the button');
    await page.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');

    // On a desktop there is no button: the filters stand beside the grid.
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await toggle.isVisible(), false);
    await facets.waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
