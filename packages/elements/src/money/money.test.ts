/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopMoney } from './money.js';
import { captureWarnings, testShop } from '../testing/test-shop.test.js';

const text = (el: ShopMoney) => el.shadowRoot!.textContent!.trim();

describe('<shop-money>', () => {
  it('formats US dollars from cents', async () => {
    const el = await fixture<ShopMoney>(html`<shop-money amount="1999" currency="USD" locale="en-US"></shop-money>`);
    expect(text(el)).to.equal('$19.99');
  });

  it('formats yen with no decimals (exponent 0)', async () => {
    const el = await fixture<ShopMoney>(html`<shop-money amount="1500" currency="JPY" locale="en-US"></shop-money>`);
    expect(text(el)).to.equal('¥1,500');
  });

  it('formats Kuwaiti dinars with three decimals (exponent 3)', async () => {
    const el = await fixture<ShopMoney>(html`<shop-money amount="1234" currency="KWD" locale="en-US"></shop-money>`);
    expect(text(el)).to.equal('KWD\u00a01.234');
  });

  it('follows the locale: 19,99 € in German', async () => {
    const el = await fixture<ShopMoney>(html`<shop-money amount="1999" currency="EUR" locale="de-DE"></shop-money>`);
    expect(text(el)).to.equal('19,99\u00a0€');
  });

  it('keeps the largest safe integer exact', async () => {
    const el = await fixture<ShopMoney>(
      html`<shop-money amount="9007199254740991" currency="USD" locale="en-US"></shop-money>`,
    );
    expect(text(el)).to.equal('$90,071,992,547,409.91');
  });

  it('takes currency and locale from its store when it has none', async () => {
    const store =
      await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} currency="eur" locale="fr-FR">
      <shop-money amount="123456"></shop-money>
    </shop-store>`);
    const el = store.querySelector('shop-money')!;
    await el.updateComplete;
    expect(text(el)).to.equal('1\u202f234,56\u00a0€');
  });

  it('reacts to a new amount', async () => {
    const el = await fixture<ShopMoney>(html`<shop-money amount="100" currency="USD" locale="en-US"></shop-money>`);
    el.amount = 250;
    await el.updateComplete;
    expect(text(el)).to.equal('$2.50');
  });

  it('renders nothing and warns W010 for an amount that is not an integer', async () => {
    let el!: ShopMoney;
    const warnings = await captureWarnings(async () => {
      el = await fixture<ShopMoney>(html`<shop-money amount="19.99" currency="USD"></shop-money>`);
    });
    expect(text(el)).to.equal('');
    expect(warnings.some((w) => w.startsWith('[shoptag W010]'))).to.equal(true);
  });

  it('passes the axe accessibility checks', async () => {
    const el = await fixture<ShopMoney>(html`<p>Total: <shop-money amount="4200" currency="USD"></shop-money></p>`);
    await expect(el).to.be.accessible();
  });
});
