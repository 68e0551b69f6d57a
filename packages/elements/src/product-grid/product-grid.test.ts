/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Category } from '@shoptag/sdk';
import '../define.js';
import type { ShopProductGrid } from './product-grid.js';
import type { ShopProductCard } from '../product-card/product-card.js';
import type { ShopProductsLoadedEvent } from '../events/products-loaded.js';
import type { ShopErrorEvent } from '../events/error.js';
import {
  captureWarnings,
  cutShopLink,
  nextEvent,
  restoreShopLink,
  testClient,
  testShop,
  until,
} from '../testing/test-shop.test.js';

const cards = (grid: ShopProductGrid) => [
  ...grid.shadowRoot!.querySelectorAll<ShopProductCard>('ul[part=grid] shop-product-card'),
];
const part = (grid: ShopProductGrid, name: string) => grid.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Renders a grid in a store; `loaded` resolves with its first `shop-products-loaded`. */
async function renderGrid(
  attrs: { category?: string; brand?: string; limit?: number; paging?: string; key?: string } = {},
) {
  let onLoaded!: (e: ShopProductsLoadedEvent) => void;
  const loaded = new Promise<ShopProductsLoadedEvent>((resolve) => (onLoaded = resolve));
  const store =
    await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${attrs.key ?? testShop.publishableKey}>
    <shop-product-grid
      category=${attrs.category ?? nothing}
      brand=${attrs.brand ?? nothing}
      limit=${attrs.limit ?? 24}
      paging=${attrs.paging ?? 'button'}
      @shop-products-loaded=${(e: ShopProductsLoadedEvent) => onLoaded(e)}
    ></shop-product-grid>
  </shop-store>`);
  const grid = store.querySelector('shop-product-grid')!;
  return { store, grid, loaded };
}

/**
 * Watches the page's fetch calls (passing each to the real fetch): the URL, the signal fetch was
 * given, and how it ended (`answered` or the error's name). `restore()` puts fetch back.
 */
function watchFetches() {
  const real = window.fetch;
  const sent: { url: URL; signal: AbortSignal | null | undefined; outcome: Promise<string> }[] = [];
  window.fetch = (input, init) => {
    const answer = real(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    sent.push({
      url,
      signal: init?.signal,
      outcome: answer.then(
        () => 'answered',
        (e: unknown) => (e as Error).name,
      ),
    });
    return answer;
  };
  return Object.assign(sent, { restore: () => void (window.fetch = real) });
}

describe('<shop-product-grid>', () => {
  it('shows skeleton cards while loading, then 24 cards from the server', async () => {
    const { grid, loaded } = await renderGrid();
    expect(part(grid, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(grid.shadowRoot!.querySelectorAll('[part=skeleton]').length).to.equal(24);
    expect(part(grid, 'count')!.textContent).to.contain('Loading products');

    const event = await loaded;
    expect(event.detail.products).to.have.length(24);
    expect(event.detail.append).to.equal(false);
    expect(part(grid, 'base')!.getAttribute('aria-busy')).to.equal('false');
    expect(grid.shadowRoot!.querySelectorAll('[part=skeleton]').length).to.equal(0);
    const shown = cards(grid);
    expect(shown).to.have.length(24);
    expect(shown.map((c) => c.product!.id)).to.deep.equal(event.detail.products.map((p) => p.id));
    expect(part(grid, 'count')!.textContent).to.equal(`Showing 24 of ${event.detail.total} products`);
  });

  it('choosing a sort reorders the products by price', async () => {
    const { grid, loaded } = await renderGrid();
    await loaded;
    const select = part(grid, 'sort-select') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).to.equal('Sort by');

    let next = nextEvent(grid, 'shop-products-loaded');
    select.value = 'price_asc';
    select.dispatchEvent(new Event('change'));
    let event = await next;
    expect(event.detail.query.sort).to.equal('price_asc');
    expect(grid.getAttribute('sort')).to.equal('price_asc');
    const ascending = cards(grid).map((c) => c.product!.price.amount);
    expect(ascending).to.deep.equal([...ascending].sort((a, b) => a - b));

    next = nextEvent(grid, 'shop-products-loaded');
    select.value = 'price_desc';
    select.dispatchEvent(new Event('change'));
    event = await next;
    expect(event.detail.query.sort).to.equal('price_desc');
    const descending = cards(grid).map((c) => c.product!.price.amount);
    expect(descending).to.deep.equal([...descending].sort((a, b) => b - a));
    expect(descending[0]).to.be.greaterThan(ascending[0]!);
  });

  it('the category attribute shows only products of that category and its subcategories', async () => {
    const tree = await testClient().categories.list();
    const parent = tree.data.find((c) => c.children.length > 0)!;
    const ids = new Set<string>();
    const collect = (c: Category) => {
      ids.add(c.id);
      c.children.forEach(collect);
    };
    collect(parent);

    const { grid, loaded } = await renderGrid({ category: parent.slug });
    const event = await loaded;
    expect(event.detail.query.category).to.equal(parent.slug);
    expect(event.detail.products.length).to.be.greaterThan(0);
    for (const card of cards(grid))
      expect(ids.has(card.product!.category.id), card.product!.category.slug).to.equal(true);
    expect(event.detail.total).to.equal(parent.product_count);
  });

  it('min-price, max-price and in-stock narrow the products to that price range, in stock', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
    );
    const grid = document.createElement('shop-product-grid');
    grid.setAttribute('min-price', '2000');
    grid.setAttribute('max-price', '5000');
    grid.setAttribute('in-stock', '');
    const loaded = nextEvent(grid, 'shop-products-loaded');
    store.append(grid);
    const event = await loaded;
    expect(event.detail.query).to.include({ min_price: 2000, max_price: 5000, in_stock: true });
    expect(event.detail.products.length).to.be.greaterThan(0);
    for (const product of event.detail.products) {
      expect(product.price.amount).to.be.within(2000, 5000);
      expect(product.in_stock).to.equal(true);
    }
  });

  it('"Load more" appends the next page without duplicates and moves focus to the first new product', async () => {
    const { grid, loaded } = await renderGrid({ limit: 12 });
    const first = await loaded;
    expect(first.detail.hasMore).to.equal(true);
    const firstIds = cards(grid).map((c) => c.product!.id);

    const next = nextEvent(grid, 'shop-products-loaded');
    part(grid, 'load-more')!.click();
    const more = await next;
    expect(more.detail.append).to.equal(true);
    const ids = cards(grid).map((c) => c.product!.id);
    expect(ids).to.have.length(24);
    expect(new Set(ids).size).to.equal(24);
    expect(ids.slice(0, 12)).to.deep.equal(firstIds);
    // Compare identities, not elements: a failing deep-equal on a DOM node cannot be serialized.
    expect(grid.shadowRoot!.activeElement === cards(grid)[12], 'focus is on the 13th card').to.equal(true);
    expect(part(grid, 'count')!.textContent).to.equal(`Showing 24 of ${more.detail.total} products`);
  });

  it('the "Load more" button works from the keyboard', async () => {
    const { grid, loaded } = await renderGrid({ limit: 6 });
    await loaded;
    const button = part(grid, 'load-more')!;
    expect(button.tagName).to.equal('BUTTON');
    button.focus();
    const next = nextEvent(grid, 'shop-products-loaded');
    await sendKeys({ press: 'Enter' });
    expect((await next).detail.append).to.equal(true);
    expect(cards(grid)).to.have.length(12);
  });

  it('loads the next page by itself when the end of the grid scrolls into view', async () => {
    const { grid, loaded } = await renderGrid({ limit: 3, paging: 'infinite' });
    await loaded;
    const appended = await nextEvent(grid, 'shop-products-loaded');
    expect(appended.detail.append).to.equal(true);
    expect(cards(grid).length).to.be.at.least(6);
  });

  it('a filter that nothing matches shows the empty state', async () => {
    const { grid, loaded } = await renderGrid({ brand: 'no-such-brand-anywhere' });
    const event = await loaded;
    expect(event.detail.products).to.have.length(0);
    expect(part(grid, 'empty')!.textContent).to.contain('No products match');
    expect(cards(grid)).to.have.length(0);
    expect(part(grid, 'count')!.textContent).to.equal('0 products');
  });

  it('the empty slot replaces the default empty message', async () => {
    const store =
      await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
      <shop-product-grid brand="no-such-brand-anywhere"><p slot="empty">Nothing here yet — try our bestsellers.</p></shop-product-grid>
    </shop-store>`);
    const grid = store.querySelector('shop-product-grid')!;
    await oneEvent(grid, 'shop-products-loaded');
    const slot = part(grid, 'empty')!.querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.contain('Nothing here yet');
  });

  it('a wrong key shows the error state, and Retry asks the server again (real 401)', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key="pk_test_WrongKey0000000000"></shop-store>`,
    );
    const grid = document.createElement('shop-product-grid');
    let failed = nextEvent(grid, 'shop-error');
    store.append(grid);
    let error = (await failed) as ShopErrorEvent;
    expect((error.detail.error as { statusCode: number }).statusCode).to.equal(401);
    await grid.updateComplete;
    const alert = part(grid, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('key was not accepted');
    const retry = part(grid, 'retry')!;
    expect(retry.textContent).to.equal('Try again');

    failed = nextEvent(grid, 'shop-error');
    retry.click();
    error = (await failed) as ShopErrorEvent;
    expect((error.detail.error as { type: string }).type).to.equal('authentication_error');
  });

  it('a new key on the store reloads the grid inside it', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key="pk_test_WrongKey0000000000"></shop-store>`,
    );
    const grid = document.createElement('shop-product-grid');
    const failed = nextEvent(grid, 'shop-error');
    store.append(grid);
    await failed;
    const loaded = nextEvent(grid, 'shop-products-loaded');
    store.setAttribute('publishable-key', testShop.publishableKey);
    expect((await loaded).detail.products).to.have.length(24);
  });

  it('changing filters while a page loads aborts the request in flight', async () => {
    const { grid, loaded } = await renderGrid();
    await loaded;
    const sent = watchFetches();
    try {
      const events: ShopProductsLoadedEvent[] = [];
      grid.addEventListener('shop-products-loaded', (e) => events.push(e));
      grid.sort = 'price_asc';
      await grid.updateComplete;
      const superseded = sent.find((r) => r.url.searchParams.get('sort') === 'price_asc')!;
      expect(superseded, 'the price_asc page was asked for').to.not.equal(undefined);
      expect(superseded.signal?.aborted).to.equal(false);
      grid.sort = 'rating';
      const last = await nextEvent(grid, 'shop-products-loaded');
      expect(superseded.signal?.aborted).to.equal(true);
      expect(await superseded.outcome).to.equal('AbortError');
      expect(last.detail.query.sort).to.equal('rating');
      expect(events.map((e) => e.detail.query.sort)).to.deep.equal(['rating']);
    } finally {
      sent.restore();
    }
  });

  it('outside any store it uses window.shoptag', async () => {
    window.shoptag = { endpoint: testShop.endpoint, publishableKey: testShop.publishableKey };
    try {
      const grid = document.createElement('shop-product-grid');
      const loaded = nextEvent(grid, 'shop-products-loaded');
      await fixture(html`<div></div>`).then((div) => div.append(grid));
      expect((await loaded).detail.products).to.have.length(24);
    } finally {
      delete window.shoptag;
    }
  });

  it('outside any store it uses the first <shop-store> of the page', async () => {
    const wrapper = await fixture(html`<div>
      <shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>
      <section></section>
    </div>`);
    const grid = document.createElement('shop-product-grid');
    const loaded = nextEvent(grid, 'shop-products-loaded');
    wrapper.querySelector('section')!.append(grid);
    expect((await loaded).detail.products).to.have.length(24);
  });

  it('with no store and no config it warns W001 and says the shop is not connected', async () => {
    let grid!: ShopProductGrid;
    const warnings = await captureWarnings(async () => {
      grid = await fixture<ShopProductGrid>(html`<shop-product-grid></shop-product-grid>`);
      await grid.updateComplete;
    });
    expect(warnings.some((w) => w.startsWith('[shoptag W001]'))).to.equal(true);
    expect(part(grid, 'error')!.textContent).to.contain('isn’t connected');
  });

  it('with sync-url it takes category and sort from the page URL and writes the chosen sort back', async () => {
    const original = location.href;
    const category = (await testClient().categories.list()).data[0]!;
    history.replaceState(null, '', `?category=${category.slug}&sort=price_asc`);
    try {
      const store = await fixture(
        html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
      );
      const grid = document.createElement('shop-product-grid');
      grid.setAttribute('sync-url', '');
      let loaded = nextEvent(grid, 'shop-products-loaded');
      store.append(grid);
      let event = await loaded;
      expect(event.detail.query).to.include({ category: category.slug, sort: 'price_asc' });
      expect(event.detail.total).to.equal(category.product_count);

      const select = part(grid, 'sort-select') as HTMLSelectElement;
      expect(select.value).to.equal('price_asc');
      loaded = nextEvent(grid, 'shop-products-loaded');
      select.value = 'rating';
      select.dispatchEvent(new Event('change'));
      event = await loaded;
      expect(event.detail.query.sort).to.equal('rating');
      expect(new URL(location.href).searchParams.get('sort')).to.equal('rating');
      expect(new URL(location.href).searchParams.get('category')).to.equal(category.slug);
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('in German the count, the sort control and "Load more" speak German, numbers formatted for it', async () => {
    const store = await fixture(html`<shop-store
      endpoint=${testShop.endpoint}
      publishable-key=${testShop.publishableKey}
      locale="de-DE"
    ></shop-store>`);
    const grid = document.createElement('shop-product-grid');
    grid.limit = 9;
    grid.paging = 'button';
    const loaded = nextEvent(grid, 'shop-products-loaded');
    store.append(grid);
    const { total } = (await loaded).detail;
    await until(() => part(grid, 'count')!.textContent!.includes('von'), 3000);
    expect(part(grid, 'count')!.textContent).to.equal(
      `9 von ${new Intl.NumberFormat('de-DE').format(total!)} Produkten`,
    );
    const select = part(grid, 'sort-select') as HTMLSelectElement;
    expect(select.labels?.[0]?.textContent).to.equal('Sortieren nach');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal([
      'Empfohlen',
      'Preis: aufsteigend',
      'Preis: absteigend',
      'Beste Bewertung',
      'Neueste',
    ]);
    expect(part(grid, 'load-more')!.textContent!.trim()).to.equal('Mehr laden');
  });

  it('a search shows "Results for …", sets the searching attribute, and finds lanterns for "lantren"', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
    );
    const grid = document.createElement('shop-product-grid');
    grid.query = 'lantren';
    const loaded = nextEvent(grid, 'shop-products-loaded');
    store.append(grid);
    const event = await loaded;
    expect(grid.hasAttribute('searching')).to.equal(true);
    const heading = part(grid, 'heading')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.textContent).to.equal('Results for “lantren”');
    expect(event.detail.products.length).to.be.greaterThan(0);
    expect(event.detail.products.some((p) => /lantern/i.test(p.name))).to.equal(true);

    grid.applyFilters({ query: '' });
    await nextEvent(grid, 'shop-products-loaded');
    expect(grid.hasAttribute('searching')).to.equal(false);
    expect(part(grid, 'heading')).to.equal(null);
  });

  it('a search that finds nothing says so, offers popular products, and "Show all products" clears it', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
    );
    const grid = document.createElement('shop-product-grid');
    grid.query = 'qqxxzzv';
    const loaded = nextEvent(grid, 'shop-products-loaded');
    store.append(grid);
    expect((await loaded).detail.products).to.have.length(0);
    await until(() => part(grid, 'popular') !== null, 3000);
    expect(part(grid, 'no-results')!.textContent).to.contain('No results for “qqxxzzv”');
    expect(part(grid, 'empty')).to.equal(null);
    const popular = [...part(grid, 'popular')!.querySelectorAll('shop-product-card')];
    expect(popular.length).to.be.within(1, 4);
    expect(part(grid, 'popular')!.textContent).to.contain('Popular right now');
    await Promise.all(popular.map((c) => c.updateComplete));
    await expect(grid).to.be.accessible();

    const all = nextEvent(grid, 'shop-products-loaded');
    part(grid, 'clear-search')!.click();
    expect((await all).detail.products.length).to.be.greaterThan(0);
    expect(grid.query).to.equal('');
  });

  it('a search that finds nothing offers "Did you mean" from the typo-tolerant suggestions, and picking one searches it', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
    );
    // A search needs every word: the made-up second word hides the lanterns "lantren" would find.
    const grid = document.createElement('shop-product-grid');
    grid.query = 'lantren qqxxzzv';
    const loaded = nextEvent(grid, 'shop-products-loaded');
    store.append(grid);
    expect((await loaded).detail.products).to.have.length(0);
    await until(() => part(grid, 'did-you-mean') !== null, 3000);
    expect(part(grid, 'did-you-mean')!.textContent).to.contain('Did you mean');
    const offered = [...part(grid, 'did-you-mean')!.querySelectorAll<HTMLButtonElement>('[part~=suggestion]')];
    expect(offered.length).to.be.within(1, 4);
    const lantern = offered.find((b) => b.dataset.type === 'product' && /lantern/i.test(b.textContent!));
    expect(lantern, 'a lantern is offered for "lantren"').to.not.equal(undefined);

    const found = nextEvent(grid, 'shop-products-loaded');
    lantern!.click();
    const event = await found;
    expect(grid.query).to.equal(lantern!.textContent);
    expect(event.detail.products.map((p) => p.name)).to.include(lantern!.textContent);
  });

  it('a category offered by "Did you mean" shows that category instead of the search', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
    );
    const grid = document.createElement('shop-product-grid');
    grid.query = 'lantren qqxxzzv';
    store.append(grid);
    await nextEvent(grid, 'shop-products-loaded');
    await until(() => part(grid, 'did-you-mean') !== null, 3000);
    const category = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~=suggestion][data-type=category]');
    expect(category, 'the Lanterns category is offered').to.not.equal(null);
    const found = nextEvent(grid, 'shop-products-loaded');
    category!.click();
    const event = await found;
    expect(grid.query).to.equal('');
    expect(grid.category).to.not.equal('');
    expect(event.detail.products.length).to.be.greaterThan(0);
  });

  it('after an outage the error clears by itself when the shop answers another request, without Retry', async () => {
    await cutShopLink();
    try {
      const store = await fixture(
        html`<shop-store endpoint=${testShop.linkEndpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
      );
      const grid = document.createElement('shop-product-grid');
      const failed = nextEvent(grid, 'shop-error');
      store.append(grid);
      expect((await failed).detail.error).to.have.property('type', 'connection_error');
      await grid.updateComplete;
      expect(part(grid, 'error')!.textContent).to.contain('could not be reached');

      await restoreShopLink();
      const loaded = nextEvent(grid, 'shop-products-loaded');
      // Another element's request through the same store (say, an add to cart) reaches the shop.
      await (store as HTMLElement & { client: ReturnType<typeof testClient> }).client.categories.list();
      expect((await loaded).detail.products).to.have.length(24);
      expect(part(grid, 'error')).to.equal(null);
    } finally {
      await restoreShopLink();
    }
  });

  it('after an outage the browser coming back online retries the grid', async () => {
    await cutShopLink();
    try {
      const store = await fixture(
        html`<shop-store endpoint=${testShop.linkEndpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
      );
      // A page the browser has not cached from the test before (catalog answers are cacheable).
      const grid = document.createElement('shop-product-grid');
      grid.limit = 12;
      const failed = nextEvent(grid, 'shop-error');
      store.append(grid);
      await failed;
      await restoreShopLink();
      const loaded = nextEvent(grid, 'shop-products-loaded');
      window.dispatchEvent(new Event('online'));
      expect((await loaded).detail.products).to.have.length(12);
      expect(part(grid, 'error')).to.equal(null);
    } finally {
      await restoreShopLink();
    }
  });

  it('tabbing through the cards never loads the next page; scrolling with the keyboard does', async () => {
    await setViewport({ width: 1280, height: 700 });
    const { grid, loaded } = await renderGrid({ limit: 12, paging: 'infinite' });
    await loaded;
    await Promise.all(cards(grid).map((c) => c.updateComplete));
    const appended: ShopProductsLoadedEvent[] = [];
    grid.addEventListener('shop-products-loaded', (e) => appended.push(e));
    part(grid, 'sort-select')!.focus();
    // Through every card to the "Load more" button: the browser scrolls each into view.
    for (let i = 0; i < 13; i++) await sendKeys({ press: 'Tab' });
    await new Promise((r) => setTimeout(r, 600));
    expect(grid.shadowRoot!.activeElement === part(grid, 'load-more'), 'focus reached Load more').to.equal(true);
    expect(appended, 'no page loaded while tabbing').to.have.length(0);
    expect(cards(grid)).to.have.length(12);

    const more = nextEvent(grid, 'shop-products-loaded');
    await sendKeys({ press: 'PageDown' });
    expect((await more).detail.append).to.equal(true);
    await setViewport({ width: 800, height: 600 });
  });

  it('passes the axe accessibility checks when loaded', async () => {
    const { grid, loaded } = await renderGrid({ limit: 8 });
    await loaded;
    await Promise.all(cards(grid).map((c) => c.updateComplete));
    await expect(grid).to.be.accessible();
  });

  it('passes the axe accessibility checks in its error state', async () => {
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key="pk_test_WrongKey0000000000"></shop-store>`,
    );
    const grid = document.createElement('shop-product-grid');
    const failed = nextEvent(grid, 'shop-error');
    store.append(grid);
    await failed;
    await grid.updateComplete;
    await expect(grid).to.be.accessible();
  });
});
