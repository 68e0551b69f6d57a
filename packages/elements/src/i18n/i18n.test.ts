/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopFacets } from '../facets/facets.js';
import { en } from './locales/en/index.js';
import { formatMessage, type Message } from './message.js';
import { registerMessages, type Catalogue } from './catalogues.js';
import { testShop, until } from '../testing/test-shop.test.js';

const others: Record<string, () => Promise<Catalogue>> = {
  de: () => import('./locales/de/index.js').then((m) => m.de),
  fr: () => import('./locales/fr/index.js').then((m) => m.fr),
  es: () => import('./locales/es/index.js').then((m) => m.es),
  ja: () => import('./locales/ja/index.js').then((m) => m.ja),
  ar: () => import('./locales/ar/index.js').then((m) => m.ar),
};

const placeholders = (message: Message) =>
  [...new Set((typeof message === 'string' ? [message] : Object.values(message)).join(' ').match(/\{\w+\}/g) ?? [])]
    .filter((p) => p !== '{count}')
    .sort();

async function facetsIn(attrs: { locale?: string; lang?: string }): Promise<ShopFacets> {
  const wrapper = await fixture(html`<div lang=${attrs.lang ?? 'en'}>
    <shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale=${attrs.locale ?? ''}>
      <shop-facets></shop-facets><shop-product-grid limit="2"></shop-product-grid>
    </shop-store>
  </div>`);
  const facets = wrapper.querySelector('shop-facets')!;
  await until(() => facets.shadowRoot!.querySelector('legend') !== null, 3000);
  return facets;
}

const legends = (facets: ShopFacets) =>
  [...facets.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent!.trim());

describe('the message catalogue', () => {
  for (const [language, load] of Object.entries(others)) {
    it(`has every English key in ${language}, with the same placeholders`, async () => {
      const catalogue = await load();
      expect(Object.keys(catalogue).sort()).to.deep.equal(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[])
        expect(placeholders(catalogue[key]), `${language} ${key}`).to.deep.equal(placeholders(en[key]));
    });
  }

  it('chooses plural forms by the locale’s rules and formats numbers for it', () => {
    const stars = { one: '{count} star', other: '{count} stars' };
    expect(formatMessage(stars, { count: 1 }, 'en')).to.equal('1 star');
    expect(formatMessage(stars, { count: 4 }, 'en')).to.equal('4 stars');
    expect(formatMessage({ two: 'two', other: 'many' }, { count: 2 }, 'ar')).to.equal('two');
    expect(formatMessage('{count} items', { count: 1234.5 }, 'de')).to.equal('1.234,5 items');
  });

  it("speaks the store's locale, loading that language on first use", async () => {
    const facets = await facetsIn({ locale: 'de-DE' });
    await until(() => legends(facets).includes('Kategorie'), 3000);
    expect(legends(facets)).to.include.members(['Kategorie', 'Marke', 'Preis']);
  });

  it('follows the nearest lang when the store sets no locale, and re-renders when it changes', async () => {
    const facets = await facetsIn({ lang: 'fr' });
    await until(() => legends(facets).includes('Catégorie'), 3000);
    facets.closest('div')!.setAttribute('lang', 'es');
    await until(() => legends(facets).includes('Categoría'), 3000);
  });

  it("uses the site owner's words over the shipped ones, and English for keys a language lacks", async () => {
    const facets = await facetsIn({ locale: 'en-x-owner' });
    registerMessages('en-x-owner', { 'facets.brand': 'Maker' });
    await until(() => legends(facets).includes('Maker'), 3000);
    expect(legends(facets)).to.include('Category');
  });
});
