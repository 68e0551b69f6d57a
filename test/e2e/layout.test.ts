// Layout tests: every demo page and every element state we can reach, on a phone (390×844), a
// tablet (768×1024) and a desktop (1280×900), in light and dark. Each case is set up once and then
// looked at in all six combinations: the document never scrolls sideways, no two controls overlap,
// no text is cut off by its box, every control is at least 24×24 px (WCAG 2.5.8), and axe-core
// finds no violation of any impact. A full-page screenshot of each lands in test-results/layout/.
//
// Adding a state: one row in CASES, with the page to open and a setup that brings the element
// into the state (clicks, typing, or holding back the network for loading and outage states).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';
import { launchBrowser, startDemoServer } from './support/browser.js';
import { axeViolations, checkLayout } from './support/layout-checks.js';
import { fillToPayment } from './support/checkout-flow.js';

const SCREENSHOTS = 'test-results/layout';
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;

interface Setup {
  page: Page;
  shop: StartedDemoServer;
  /** A page on another origin holding only the given markup and the CDN script (an embed). */
  embed(body: string): Promise<string>;
}

interface LayoutCase {
  /** page-state, used in the test's name and the screenshot's file name. */
  name: string;
  /** Path on the shop server, or a function answering a full URL. */
  url: string | ((s: Setup) => string | Promise<string>);
  /** Brings the page into the state; runs after navigation. */
  setup?: (s: Setup) => Promise<void>;
  /** Runs before navigation (route interception for loading and outage states). */
  before?: (s: Setup) => Promise<void>;
  /** Widths to look at (all three by default). */
  widths?: readonly number[];
}

const productCards = (page: Page) => page.locator('shop-product-card').filter({ has: page.locator('[part~=price]') });
// By element, not by name: the drawer's title speaks the page's language.
const cartDrawer = (page: Page) => page.locator('shop-cart').getByRole('dialog');

async function gridLoaded(page: Page): Promise<void> {
  await productCards(page).nth(5).waitFor();
}

/** Adds the first `count` single-variant products in stock from the grid; the drawer opens. */
async function addFromGrid(page: Page, count: number): Promise<void> {
  await gridLoaded(page);
  const indexes = await page.evaluate((n) => {
    const grid = document.querySelector('shop-product-grid') as unknown as {
      products: { variants: { available_quantity: number }[] }[];
    };
    return grid.products
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.variants.length === 1 && p.variants[0]!.available_quantity >= 3)
      .slice(0, n)
      .map(({ i }) => i);
  }, count);
  for (const i of indexes) {
    // By part, not by name: the button speaks the page's language.
    await productCards(page).nth(i).locator('shop-buy-button [part~=button]').click();
    await cartDrawer(page).waitFor();
    await page.keyboard.press('Escape');
    await cartDrawer(page).waitFor({ state: 'hidden' });
  }
}

async function openCart(page: Page): Promise<void> {
  await page.locator('shop-cart-button').getByRole('button').click();
  await cartDrawer(page).waitFor();
}

/** A product with several variants, so the product page shows its picker. */
async function productWithVariants(s: Setup): Promise<string> {
  const res = await fetch(`${s.shop.url}/v1/products?limit=50`, {
    headers: { Authorization: `Bearer ${s.shop.publishableKey}` },
  });
  const body = (await res.json()) as { data: { handle: string; variants: unknown[] }[] };
  return body.data.find((p) => p.variants.length > 2)!.handle;
}

/** From the home page: a product in the cart, then the checkout page's first step. */
async function toCheckout(page: Page): Promise<void> {
  await addFromGrid(page, 1);
  await page.goto(new URL('checkout.html', page.url()).href);
  await page.getByLabel('Email').waitFor();
}

/** The page in Arabic, right to left (the elements follow `lang` as it changes). */
async function toArabic(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
  });
}

/** Holds every request to the API until the page closes: the elements stay in their loading state. */
async function holdApi(page: Page): Promise<void> {
  await page.route('**/v1/**', () => new Promise(() => {}));
}

const CASES: LayoutCase[] = [
  // Home page: the grid in each state, search, the cart drawer.
  { name: 'home-grid', url: '/', setup: ({ page }) => gridLoaded(page) },
  {
    name: 'home-grid-loading',
    url: '/',
    before: ({ page }) => holdApi(page),
    setup: async ({ page }) => {
      await page.locator('shop-product-grid').locator('[part~=skeleton], .skeleton-block').first().waitFor();
    },
  },
  {
    name: 'home-grid-empty',
    url: '/?q=qqxqzzvv',
    setup: async ({ page }) => {
      await page.getByText('Nothing here right now').waitFor();
    },
  },
  {
    name: 'home-grid-error',
    url: '/',
    before: async ({ page }) => {
      await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
    },
    setup: async ({ page }) => {
      await page
        .locator('shop-product-grid')
        .getByRole('alert')
        .or(page.locator('shop-product-grid [role=alert]'))
        .first()
        .waitFor();
    },
  },
  {
    name: 'home-search-suggestions',
    url: '/',
    setup: async ({ page }) => {
      await gridLoaded(page);
      await page.getByRole('combobox').first().fill('lant');
      await page.getByRole('option').first().waitFor();
    },
  },
  {
    name: 'home-cart-empty',
    url: '/',
    setup: async ({ page }) => {
      await gridLoaded(page);
      await openCart(page);
    },
  },
  {
    name: 'home-cart-full',
    url: '/',
    setup: async ({ page }) => {
      await addFromGrid(page, 3);
      await openCart(page);
    },
  },
  {
    name: 'home-cart-coupon-error',
    url: '/',
    setup: async ({ page }) => {
      await addFromGrid(page, 1);
      await openCart(page);
      await cartDrawer(page).getByRole('textbox', { name: /code/i }).fill('NOT-A-CODE');
      await cartDrawer(page).getByRole('button', { name: /apply/i }).click();
      await cartDrawer(page).getByRole('alert').or(cartDrawer(page).locator('[role=alert]')).first().waitFor();
    },
  },
  {
    name: 'home-filters-open',
    url: '/',
    setup: async ({ page }) => {
      await gridLoaded(page);
      const toggle = page.getByRole('button', { name: 'Filters' });
      if (await toggle.isVisible()) await toggle.click();
    },
  },
  // Right to left: the home page and the cart drawer in Arabic.
  {
    name: 'home-rtl',
    url: '/',
    widths: [390, 1280],
    setup: async ({ page }) => {
      await toArabic(page);
      await gridLoaded(page);
    },
  },
  {
    name: 'home-rtl-cart-full',
    url: '/',
    widths: [390, 1280],
    setup: async ({ page }) => {
      await toArabic(page);
      await addFromGrid(page, 2);
      await openCart(page);
    },
  },

  // Product page.
  {
    name: 'product',
    url: async (s) => `/product.html?handle=${await productWithVariants(s)}`,
    setup: async ({ page }) => {
      await page.locator('shop-product').getByRole('heading', { level: 1 }).waitFor();
    },
  },

  // A buy button alone on a publisher's page (no cart, no store around it).
  {
    name: 'embed-buy-button',
    url: async (s) =>
      s.embed(
        `<p>Our pick this week.</p><shop-buy-button publishable-key="${s.shop.publishableKey}" endpoint="${s.shop.url}" product="${await productWithVariants(s)}"></shop-buy-button>`,
      ),
    setup: async ({ page }) => {
      await page
        .locator('shop-buy-button')
        .getByRole('button', { name: /add to cart|buy/i })
        .waitFor();
    },
  },

  // Checkout: each step, with and without field errors, a declined card, the confirmation.
  {
    name: 'checkout-empty-cart',
    url: '/checkout.html',
    setup: async ({ page }) => {
      await page
        .locator('shop-checkout')
        .getByRole('link')
        .or(page.locator('shop-checkout').getByRole('heading'))
        .first()
        .waitFor();
    },
  },
  { name: 'checkout-contact', url: '/', setup: ({ page }) => toCheckout(page) },
  {
    name: 'checkout-contact-errors',
    url: '/',
    setup: async ({ page }) => {
      await toCheckout(page);
      await page.getByLabel('Email').fill('jane@example');
      await page
        .getByRole('button', { name: /continue/i })
        .first()
        .click();
      await page.locator('shop-checkout [aria-invalid=true]').first().waitFor();
    },
  },
  {
    name: 'checkout-shipping',
    url: '/',
    setup: async ({ page }) => {
      await toCheckout(page);
      await page.getByLabel('Email').fill('ada@example.com');
      await page.getByLabel('Full name').fill('Ada Lovelace');
      await page.getByLabel('Address', { exact: true }).fill('1 Market St');
      await page.getByLabel('City').fill('San Francisco');
      await page.getByLabel('State', { exact: true }).selectOption('CA');
      await page.getByLabel('ZIP code').fill('94105');
      await page.getByRole('button', { name: 'Continue to shipping' }).click();
      await page.getByRole('radio').first().waitFor();
    },
  },
  {
    name: 'checkout-review',
    url: '/',
    setup: async ({ page }) => {
      await toCheckout(page);
      await fillToPayment(page);
      await page.getByLabel(/card number/i).fill('4242424242424242');
      await page
        .getByRole('button', { name: /review/i })
        .first()
        .click();
      await page.getByRole('button', { name: /place order/i }).waitFor();
    },
  },
  {
    name: 'checkout-payment',
    url: '/',
    setup: async ({ page }) => {
      await toCheckout(page);
      await fillToPayment(page);
      await page.getByLabel(/card number/i).waitFor();
    },
  },
  {
    name: 'checkout-declined',
    url: '/',
    setup: async ({ page }) => {
      await toCheckout(page);
      await fillToPayment(page);
      await page.getByLabel(/card number/i).fill('4000000000000002');
      await page
        .getByRole('button', { name: /review|place order|pay/i })
        .first()
        .click();
      const place = page.getByRole('button', { name: /place order/i });
      if (await place.isVisible()) await place.click();
      await page.locator('shop-checkout').getByRole('alert').first().waitFor();
    },
  },
  {
    name: 'checkout-confirmation',
    url: '/',
    setup: async ({ page }) => {
      await toCheckout(page);
      await fillToPayment(page);
      await page.getByLabel(/card number/i).fill('4242424242424242');
      await page
        .getByRole('button', { name: /review|place order|pay/i })
        .first()
        .click();
      const place = page.getByRole('button', { name: /place order/i });
      if (await place.isVisible()) await place.click();
      await page
        .getByRole('heading', { name: /thank you|confirmed|order/i })
        .first()
        .waitFor();
    },
  },
  {
    // The demo's order status page, reached as the shopper does: the confirmation's link.
    name: 'order-status-page',
    url: '/',
    setup: async ({ page }) => {
      await toCheckout(page);
      await fillToPayment(page);
      await page.getByLabel(/card number/i).fill('4242424242424242');
      await page
        .getByRole('button', { name: /review|place order|pay/i })
        .first()
        .click();
      const place = page.getByRole('button', { name: /place order/i });
      if (await place.isVisible()) await place.click();
      await page.getByRole('link', { name: /order status/i }).click();
      await page.locator('shop-order [part~="status"]').waitFor();
    },
  },
];

describe('layout at phone, tablet and desktop widths, light and dark', () => {
  let shop: StartedDemoServer;
  let browser: Browser;
  let site: Server;
  let siteUrl: string;
  const embeds = new Map<string, string>();

  before(async () => {
    [shop, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    site = createServer((req, res) => {
      const html = embeds.get(req.url ?? '');
      res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  async function embed(body: string): Promise<string> {
    const path = `/embed-${embeds.size}`;
    embeds.set(
      path,
      `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>A blog post with a buy button</title>
    <link rel="icon" href="data:," />
    <script type="module" src="${shop.url}/shoptag.js"></script>
  </head>
  <body>
    <main><h1>Our favourite things</h1>${body}</main>
  </body>
</html>`,
    );
    return `${siteUrl}${path}`;
  }

  // LAYOUT_CASES=home-grid,product runs only those cases (while working on one screen).
  const only = process.env.LAYOUT_CASES?.split(',');
  for (const c of CASES.filter((x) => !only || only.includes(x.name))) {
    test(`${c.name}: no overflow, overlap, clipped text, small targets or axe violations`, async () => {
      // A fresh context per case: its own cart, nothing left over from the case before.
      const ctx = await browser.newContext({ viewport: VIEWPORTS[2] });
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      const s: Setup = { page, shop, embed };
      const problems: string[] = [];
      try {
        await c.before?.(s);
        const target = typeof c.url === 'string' ? c.url : await c.url(s);
        await page.goto(new URL(target, shop.url).href);
        await c.setup?.(s);
        for (const viewport of VIEWPORTS.filter((v) => !c.widths || c.widths.includes(v.width))) {
          await page.setViewportSize(viewport);
          for (const colorScheme of THEMES) {
            await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
            await page.evaluate(() => window.scrollTo(0, 0));
            // Two frames: styles recomputed, then laid out and painted.
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            const where = `${viewport.width}px ${colorScheme}`;
            const t0 = Date.now();
            await page.screenshot({
              path: `${SCREENSHOTS}/${c.name}-${viewport.width}-${colorScheme}.png`,
              fullPage: true,
            });
            const t1 = Date.now();
            for (const p of await checkLayout(page)) problems.push(`${where}: ${p}`);
            const t2 = Date.now();
            for (const p of await axeViolations(page)) problems.push(`${where}: ${p}`);
            if (process.env.LAYOUT_TIMING)
              console.log(
                `${c.name} ${where}: screenshot ${t1 - t0} ms, checks ${t2 - t1} ms, axe ${Date.now() - t2} ms`,
              );
          }
        }
      } finally {
        await ctx.close();
      }
      assert.deepEqual([...new Set(problems)], []);
    });
  }
});
