/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopStore } from './store.js';
import { captureWarnings, testShop } from '../testing/test-shop.test.js';

describe('<shop-store>', () => {
  it('creates a client for its endpoint and key that talks to the server', async () => {
    const store = await fixture<ShopStore>(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}></shop-store>`,
    );
    expect(store.client!.endpoint).to.equal(testShop.endpoint);
    const health = await store.client!.health();
    expect(health.status).to.equal('ok');
  });

  it('gives elements inside it the same client, locale and currency', async () => {
    const store =
      await fixture<ShopStore>(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale="de-DE" currency="EUR">
      <div><shop-money amount="500"></shop-money></div>
    </shop-store>`);
    const money = store.querySelector('shop-money')!;
    await money.updateComplete;
    expect(money.shadowRoot!.textContent!.trim()).to.equal('5,00\u00a0€');
    expect(store.storeValue).to.include({ endpoint: testShop.endpoint, locale: 'de-DE', currency: 'EUR' });
  });

  it('the nearest store wins when stores are nested', async () => {
    const outer =
      await fixture<ShopStore>(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} currency="USD">
      <shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} currency="JPY"><shop-money amount="500"></shop-money></shop-store>
    </shop-store>`);
    const money = outer.querySelector('shop-money')!;
    await money.updateComplete;
    expect(money.shadowRoot!.textContent!.trim()).to.equal('¥500');
  });

  it('theme="dark" and theme="light" pin the colour scheme of the elements inside; auto follows the shopper', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <shop-store theme="dark" endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-cart-button></shop-cart-button></shop-store>
      <shop-store theme="light" endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-cart-button></shop-cart-button></shop-store>
      <shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-cart-button></shop-cart-button></shop-store>
    </div>`);
    const [dark, light, auto] = [...page.querySelectorAll('shop-cart-button')].map((el) => getComputedStyle(el));
    expect(dark!.colorScheme).to.equal('dark');
    expect(dark!.color).to.equal('rgb(243, 244, 246)');
    expect(light!.colorScheme).to.equal('light');
    expect(light!.color).to.equal('rgb(17, 24, 39)');
    expect(auto!.colorScheme).to.equal('light dark');
    const shopperPrefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(auto!.color).to.equal(shopperPrefersDark ? 'rgb(243, 244, 246)' : 'rgb(17, 24, 39)');
  });

  it('warns W001 when it has no publishable key', async () => {
    const warnings = await captureWarnings(async () => {
      const store = await fixture<ShopStore>(html`<shop-store endpoint=${testShop.endpoint}></shop-store>`);
      expect(store.client).to.equal(undefined);
    });
    expect(warnings.some((w) => w.startsWith('[shoptag W001] <shop-store> has no publishable-key'))).to.equal(true);
  });

  it('warns W002 for a secret key and provides no client', async () => {
    const warnings = await captureWarnings(async () => {
      const store = await fixture<ShopStore>(
        html`<shop-store endpoint=${testShop.endpoint} publishable-key="sk_test_abc"></shop-store>`,
      );
      expect(store.client).to.equal(undefined);
    });
    expect(warnings.some((w) => w.startsWith('[shoptag W002]') && w.includes('never put a secret key'))).to.equal(true);
  });

  it('without an endpoint it uses window.shoptag.endpoint, then the page origin', async () => {
    window.shoptag = { endpoint: testShop.endpoint };
    try {
      const store = await fixture<ShopStore>(
        html`<shop-store publishable-key=${testShop.publishableKey}></shop-store>`,
      );
      expect(store.client!.endpoint).to.equal(testShop.endpoint);
    } finally {
      delete window.shoptag;
    }
    const store = await fixture<ShopStore>(html`<shop-store publishable-key=${testShop.publishableKey}></shop-store>`);
    expect(store.client!.endpoint).to.equal(location.origin);
  });
});
