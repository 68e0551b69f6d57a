/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { createShopClient } from '@shoptag/sdk';
import '../define.js';
import type { ShopCheckout } from './checkout.js';
import type { ShopBuyButton } from '../buy-button/buy-button.js';
import type { ShopProduct } from '../product/product.js';
import { nextEvent, findProduct, testShop } from '../testing/test-shop.test.js';
import { until } from '../testing/cart-fixtures.test.js';
import { click, root, type } from '../testing/checkout-fixtures.test.js';

const client = () => createShopClient({ endpoint: testShop.endpoint, publishableKey: testShop.publishableKey });

describe('a product with nothing to ship, and one sold on backorder', () => {
  it('a cart of only a digital gift card checks out with a billing address and no shipping step', async () => {
    const card = await findProduct((p) => p.variants.every((v) => !v.requires_shipping && !v.track_inventory));
    const cart = await client().carts.create({ items: [{ variant_id: card.variants[0]!.id, quantity: 1 }] });
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-checkout cart-id=${cart.id}></shop-checkout></shop-store>`,
    );
    const el = store.querySelector('shop-checkout') as ShopCheckout;
    await until(() => (el.state?.session ?? null) !== null && el.state?.step === 'contact');
    await el.updateComplete;
    const steps = [...root(el).querySelectorAll('[part~="progress"] li')].map((li) => li.textContent!.trim());
    expect(steps).to.not.include('Shipping');
    expect(root(el).querySelector('#step-heading')!.textContent).to.equal('Contact and billing address');
    expect(root(el).querySelector('[part~="no-shipping"]')).to.not.equal(null);
    expect(root(el).querySelector('input[name="postal_code"]')!.getAttribute('autocomplete')).to.equal(
      'billing postal-code',
    );
    for (const [name, value] of [
      ['email', 'grace@example.com'],
      ['name', 'Grace Hopper'],
      ['line1', '1 Market St'],
      ['city', 'San Francisco'],
      ['region', 'CA'],
      ['postal_code', '94105'],
    ])
      type(el, name!, value!);
    await el.updateComplete;
    click(el, 'button[type="submit"]');
    await until(() => el.state?.step === 'payment');
    const session = el.state!.session!;
    expect(session.requires_shipping).to.equal(false);
    expect(session.shipping_address).to.equal(null);
    expect(session.billing_address?.postal_code).to.equal('94105');
    expect(session.totals.shipping.amount).to.equal(0);
    await el.updateComplete;
    type(el, 'cardnumber', '4242 4242 4242 4242');
    click(el, 'button[type="submit"]');
    await until(() => el.state?.step === 'review');
    await el.updateComplete;
    const review = root(el).querySelector('[part~="review"]')!.textContent!;
    expect(review).to.contain('Billing address');
    expect(review).to.not.contain('Shipping');
    const done = nextEvent(el, 'shop-checkout-complete');
    click(el, '[part~="place-order"]');
    const { order } = (await done).detail;
    expect(order.requires_shipping).to.equal(false);
    expect(order.shipping_method).to.equal(null);
    await until(() => el.state?.step === 'confirmation');
    await el.updateComplete;
    expect(root(el).querySelector('[part~="confirmation"]')!.textContent).to.not.contain('Shipping');
  });

  it('a product sold on backorder says it ships later instead of sold out', async () => {
    const product = await findProduct((p) => p.variants.some((v) => v.backorder));
    const variant = product.variants.find((v) => v.backorder)!;
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-buy-button product=${product.handle} variant=${variant.id}></shop-buy-button><shop-product handle=${product.handle}></shop-product></shop-store>`,
    );
    const button = store.querySelector('shop-buy-button') as ShopBuyButton;
    await until(() => button.shadowRoot?.querySelector('[part~="ships-later"]') != null);
    const press = button.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;
    expect(press.disabled).to.equal(false);
    expect(press.textContent).to.not.contain('Sold out');
    expect(button.shadowRoot!.querySelector('[part~="ships-later"]')!.textContent).to.contain('Ships later');
    const page = store.querySelector('shop-product') as ShopProduct;
    await until(() => page.shadowRoot?.querySelector('[part~="stock"]') != null);
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('[part~="stock"]')!.textContent).to.not.contain('sold out');
  });
});
