/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopRelatedProducts } from './related-products.js';
import { findProduct, nextEvent, testClient, testShop, until } from '../testing/test-shop.test.js';

async function related(product: string, attrs: { locale?: string } = {}): Promise<ShopRelatedProducts> {
  const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale=${attrs.locale ?? ''}>
    <shop-related-products product=${product} limit="4" href-template="/p/{handle}"></shop-related-products>
  </shop-store>`);
  return store.querySelector('shop-related-products')!;
}

const cards = (el: ShopRelatedProducts) => [...el.shadowRoot!.querySelectorAll('shop-product-card')];

describe('<shop-related-products>', () => {
  it('shows up to `limit` related products as linked cards under a heading, never the product itself', async () => {
    const product = await findProduct((p) => p.in_stock);
    const expected = await testClient().products.related(product.handle, { limit: 4 });
    expect(expected.data.length, 'the seed relates products').to.be.greaterThan(0);
    const el = await related(product.handle);
    await until(() => cards(el).length === expected.data.length);
    expect(cards(el).map((c) => c.product!.id)).to.deep.equal(expected.data.map((p) => p.id));
    expect(cards(el).map((c) => c.product!.id)).to.not.include(product.id);
    expect(cards(el)[0]!.hrefTemplate).to.equal('/p/{handle}');
    const heading = el.shadowRoot!.querySelector('[part~="heading"]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(heading.textContent!.trim()).to.equal('You may also like');
    await expect(el).to.be.accessible();
  });

  it('follows a change of product', async () => {
    const [a, b] = (await testClient().products.list({ limit: 2 })).data;
    const el = await related(a!.handle);
    await until(() => cards(el).length > 0);
    el.product = b!.handle;
    await until(() => cards(el).length > 0 && cards(el).every((c) => c.product!.id !== b!.id));
    const expected = await testClient().products.related(b!.handle, { limit: 4 });
    await until(() => cards(el).map((c) => c.product!.id).join() === expected.data.map((p) => p.id).join());
  });

  it('shows nothing and reports shop-error for a product that does not exist', async () => {
    const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`);
    const el = document.createElement('shop-related-products');
    const failed = nextEvent(el, 'shop-error');
    el.product = 'no-such-product-anywhere';
    store.append(el);
    await failed;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('section')).to.equal(null);
  });

  it('speaks German in a German store', async () => {
    const product = await findProduct((p) => p.in_stock);
    const el = await related(product.handle, { locale: 'de' });
    await until(() => el.shadowRoot!.querySelector('[part~="heading"]')?.textContent!.trim() === 'Das könnte dir auch gefallen', 3000);
  });
});
