/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopFacets } from './facets.js';
import type { ShopProductGrid } from '../product-grid/product-grid.js';
import { nextEvent, testClient, testShop, until } from '../testing/test-shop.test.js';

async function render(
  gridAttrs: { query?: string; syncUrl?: boolean } = {},
): Promise<{ facets: ShopFacets; grid: ShopProductGrid }> {
  const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
    <shop-facets for="facet-grid"></shop-facets>
    <shop-product-grid id="facet-grid" limit="6" paging="button" query=${gridAttrs.query ?? ''} ?sync-url=${gridAttrs.syncUrl ?? false}></shop-product-grid>
  </shop-store>`);
  const grid = store.querySelector('shop-product-grid')!;
  const facets = store.querySelector('shop-facets')!;
  await until(() => facets.shadowRoot!.querySelector('fieldset') !== null, 3000);
  await facets.updateComplete;
  return { facets, grid };
}

const groups = (facets: ShopFacets) =>
  Object.fromEntries(
    [...facets.shadowRoot!.querySelectorAll('fieldset')].map((f) => [f.querySelector('legend')!.textContent!, f]),
  );

describe('<shop-facets>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it("shows brand, category, price, rating and stock counts for the grid's products", async () => {
    const { facets } = await render();
    const byName = groups(facets);
    for (const name of ['Category', 'Brand', 'Price', 'Rating', 'Availability'])
      expect(byName[name], name).to.not.equal(undefined);
    const all = await testClient().search.query({ limit: 1 });
    const brandCounts = [...byName['Brand']!.querySelectorAll('[part~="count"]')].map((c) => Number(c.textContent));
    expect(brandCounts.reduce((a, b) => a + b, 0)).to.equal(all.total);
  });

  it('choosing a brand filters the grid, and the counts follow', async () => {
    const { facets, grid } = await render();
    const label = groups(facets)['Brand']!.querySelector('label')!;
    const brand = label.querySelector('span')!.textContent!;
    const expected = Number(label.querySelector('[part~="count"]')!.textContent);
    const loaded = nextEvent(grid, 'shop-products-loaded');
    label.querySelector('input')!.click();
    const { detail } = await loaded;
    expect(grid.brand).to.equal(brand);
    expect(detail.total).to.equal(expected);
    expect(detail.products.every((p) => p.brand === brand)).to.equal(true);
  });

  it('a grid with query shows search results, and facets count them', async () => {
    const [first] = (await testClient().products.list({ limit: 1 })).data;
    const word = first!.name.split(' ').at(-1)!;
    const { facets, grid } = await render({ query: word });
    expect(grid.currentQuery.q).to.equal(word);
    const result = await testClient().search.query({ q: word, limit: 1 });
    await until(() => grid.total !== undefined);
    expect(grid.total).to.equal(result.total);
    const stock = groups(facets)['Availability']!.querySelector('[part~="count"]')!.textContent;
    expect(Number(stock)).to.equal(result.facets.in_stock!.in_stock);
  });

  it('with sync-url each filter is a history entry, and Back restores the previous one', async () => {
    const { facets, grid } = await render({ syncUrl: true });
    const label = groups(facets)['Brand']!.querySelector('label')!;
    const brand = label.querySelector('span')!.textContent!;
    const depth = history.length;
    label.querySelector('input')!.click();
    await grid.updateComplete;
    expect(new URL(location.href).searchParams.get('brand')).to.equal(brand);
    expect(history.length).to.equal(depth + 1);
    const popped = new Promise((r) => addEventListener('popstate', r, { once: true }));
    history.back();
    await popped;
    await grid.updateComplete;
    expect(grid.brand).to.equal('');
  });
});
