/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopFacets } from './facets.js';
import type { ShopProductGrid } from '../product-grid/product-grid.js';
import { compareOptionValues } from '@shoptag/sdk';
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

  it("lists option values in a shopper's order: sizes by size, numbers numerically, units grouped", async () => {
    const { facets } = await render();
    const all = await testClient().search.query({ limit: 1 });
    const optionNames = (all.facets.options ?? []).map((o) => o.name);
    expect(optionNames.length).to.be.greaterThan(0);
    const byName = groups(facets);
    for (const name of optionNames) {
      const values = [...byName[name]!.querySelectorAll('label')].map((l) => l.querySelector('span')!.textContent!);
      expect(values, name).to.deep.equal([...values].sort(compareOptionValues('en')));
      const at = (v: string) => values.indexOf(v);
      for (const [small, large] of [
        ['S', 'M'],
        ['M', 'L'],
        ['L', 'XL'],
        ['XS', 'S'],
        ['XL', 'XXL'],
      ] as const)
        if (at(small) >= 0 && at(large) >= 0) expect(at(small), `${small} before ${large}`).to.be.lessThan(at(large));
    }
  });

  it('says "1 star & up" and "4 stars & up"', async () => {
    const { facets } = await render();
    const labels = [...groups(facets)['Rating']!.querySelectorAll('label > span:not([part~="count"])')].map(
      (s) => s.textContent,
    );
    expect(labels.length).to.be.greaterThan(0);
    for (const label of labels) expect(label).to.match(/^(1 star|[2-5] stars) & up$/);
  });

  it('shows each active filter as a chip that removes just that filter, then focuses the next chip or the first filter', async () => {
    const { facets, grid } = await render();
    const option = groups(facets)[(await testClient().search.query({ limit: 1 })).facets.options![0]!.name]!;
    const optionName = option.querySelector('legend')!.textContent!;
    const optionLabel = [...option.querySelectorAll('label')].find((l) => !l.querySelector('input')!.disabled)!;
    const optionValue = optionLabel.querySelector('span')!.textContent!;
    optionLabel.querySelector('input')!.click();
    await until(() => grid.options !== '');
    await until(() => groups(facets)['Brand']?.querySelector('label input:not(:disabled)') != null, 3000);
    const brandLabel = [...groups(facets)['Brand']!.querySelectorAll('label')].find(
      (l) => !l.querySelector('input')!.disabled,
    )!;
    const brand = brandLabel.querySelector('span')!.textContent!;
    brandLabel.querySelector('input')!.click();
    await facets.updateComplete;
    const chips = () => [...facets.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="chip"]')];
    expect(chips().map((c) => c.getAttribute('aria-label'))).to.deep.equal([
      `Remove filter Brand: ${brand}`,
      `Remove filter ${optionName}: ${optionValue}`,
    ]);
    expect(chips().every((c) => c.tagName === 'BUTTON' && c.type === 'button')).to.equal(true);
    expect(chips()[0]!.textContent).to.contain(`Brand: ${brand}`);
    expect(facets.shadowRoot!.querySelector('[part~="clear"]')!.textContent).to.equal('Clear filters');

    chips()[0]!.focus();
    chips()[0]!.click();
    await until(() => chips().length === 1);
    expect(grid.brand).to.equal('');
    expect(grid.options).to.equal(`${optionName}:${optionValue}`);
    expect(facets.shadowRoot!.activeElement).to.equal(chips()[0]);

    chips()[0]!.click();
    await until(() => chips().length === 0);
    expect(grid.options).to.equal('');
    expect(facets.shadowRoot!.querySelector('[part~="clear"]')).to.equal(null);
    const focused = facets.shadowRoot!.activeElement as HTMLInputElement | null;
    expect(focused?.tagName).to.equal('INPUT');
    expect(focused).to.equal(facets.shadowRoot!.querySelector('fieldset input'));
  });

  it('passes the axe accessibility checks with filters active', async () => {
    const { facets, grid } = await render();
    groups(facets)['Brand']!.querySelector('input')!.click();
    await grid.updateComplete;
    await facets.updateComplete;
    expect(facets.shadowRoot!.querySelectorAll('[part~="chip"]').length).to.equal(1);
    await expect(facets).to.be.accessible();
  });
});
