/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../define.js';
import { findProduct } from '../testing/test-shop.test.js';
import { cartOf, inStore, until } from '../testing/cart-fixtures.test.js';

describe('<shop-cart-button>', () => {
  it('labels itself with the item count, shows a badge, and opens the cart drawer', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 3);
    const store = await inStore(html`<shop-cart-button></shop-cart-button><shop-cart open-on-add="false"></shop-cart>`);
    const el = store.querySelector('shop-cart-button')!;
    const button = el.shadowRoot!.querySelector('button')!;
    await until(() => button.getAttribute('aria-label') === 'Cart, 0 items');
    expect(el.shadowRoot!.querySelector('[part="badge"]')).to.equal(null);
    await cartOf(store).add(product.variants[0]!.id, 3);
    await until(() => button.getAttribute('aria-label') === 'Cart, 3 items');
    expect(el.shadowRoot!.querySelector('[part="badge"]')!.textContent).to.equal('3');
    button.click();
    await until(() => store.querySelector('shop-cart')!.open);
  });

  it('says "1 item" for one and "2 items" for two', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 2);
    const store = await inStore(html`<shop-cart-button></shop-cart-button>`);
    const button = store.querySelector('shop-cart-button')!.shadowRoot!.querySelector('button')!;
    await cartOf(store).add(product.variants[0]!.id, 1);
    await until(() => button.getAttribute('aria-label') === 'Cart, 1 item');
    await cartOf(store).add(product.variants[0]!.id, 1);
    await until(() => button.getAttribute('aria-label') === 'Cart, 2 items');
    expect(store.querySelector('shop-cart-button')!.count).to.equal(2);
  });
});
