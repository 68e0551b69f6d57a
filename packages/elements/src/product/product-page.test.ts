/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { isPurchasable, type Product } from '@shoptag/sdk';
import '../define.js';
import type { ShopProduct } from './product.js';
import type { ShopBuyButton } from '../buy-button/buy-button.js';
import { findProduct, nextEvent, testShop, until } from '../testing/test-shop.test.js';
import { cartOf } from '../testing/cart-fixtures.test.js';
import type { ShopStore } from '../store/store.js';
import { getCartStore } from '@shoptag/sdk';

const part = <T extends HTMLElement = HTMLElement>(el: ShopProduct, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const steppers = (el: ShopProduct) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="quantity-button"]'),
];
const addButton = (b: ShopBuyButton) => b.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;

async function page(product: Product, attrs: { documentTitle?: string; locale?: string } = {}) {
  const store =
    await fixture<ShopStore>(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale=${attrs.locale ?? ''}>
    <shop-product handle=${product.handle} document-title=${attrs.documentTitle ?? nothing}>
      <shop-buy-button slot="buy"></shop-buy-button>
    </shop-product>
  </shop-store>`);
  getCartStore(store.client!).clear();
  const el = store.querySelector('shop-product')!;
  const button = store.querySelector('shop-buy-button')!;
  await until(() => el.shown !== undefined && part(el, 'stock') !== null);
  return { store, el, button };
}

describe('<shop-product> on a product page', () => {
  const originalTitle = document.title;
  afterEach(() => {
    document.title = originalTitle;
    document.head.querySelector('meta[name="description"]')?.remove();
  });

  it('offers a labelled quantity stepper from 1 to the stock, and the buy button adds that many', async () => {
    const product = await findProduct(
      (p) =>
        p.variants.length === 1 &&
        (p.variants[0]!.available_quantity ?? 0) >= 5 &&
        (p.variants[0]!.available_quantity ?? Infinity) <= 60,
    );
    const { store, el, button } = await page(product);
    // The stock of the product as the page got it: the list above is another cached answer, and
    // the other test files buy from the same shop, so the two may be a sale apart.
    const stock = el.shown!.variants[0]!.available_quantity!;
    const group = part(el, 'quantity')!;
    expect(group.getAttribute('role')).to.equal('group');
    const input = part<HTMLInputElement>(el, 'quantity-input')!;
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Quantity');
    expect(input.min).to.equal('1');
    expect(input.max).to.equal(String(stock));
    const [minus, plus] = steppers(el) as [HTMLButtonElement, HTMLButtonElement];
    expect(minus.getAttribute('aria-label')).to.equal('Decrease quantity');
    expect(plus.getAttribute('aria-label')).to.equal('Increase quantity');
    for (const b of [minus, plus]) {
      const box = b.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
    expect(minus.disabled, 'minus at 1').to.equal(true);

    plus.click();
    await el.updateComplete;
    expect(input.value).to.equal('2');
    expect(button.quantity).to.equal(2);

    // The keyboard: arrow up in the field, and a typed number above the stock is brought back to it.
    input.focus();
    await sendKeys({ press: 'ArrowUp' });
    await until(() => el.quantity === 3);
    input.value = String(stock + 10);
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.quantity).to.equal(stock);
    expect(input.value).to.equal(String(stock));
    expect(plus.disabled, 'plus at the stock').to.equal(true);
    input.value = '0';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(input.value).to.equal('1');

    plus.click();
    plus.click();
    await until(() => el.quantity === 3 && button.quantity === 3);
    await until(() => !addButton(button).disabled);
    const added = nextEvent(button, 'shop-add-to-cart');
    addButton(button).click();
    expect((await added).detail.items[0]!.quantity).to.equal(3);
    expect(cartOf(store).$cartCount.get()).to.equal(3);
  });

  it('hides the stepper for a sold-out choice', async () => {
    const product = await findProduct(
      (p) => p.variants.some((v) => !isPurchasable(v)) && p.variants.some(isPurchasable),
    );
    const { el } = await page(product);
    const soldOut = product.variants.find((v) => !isPurchasable(v))!;
    for (const [name, value] of Object.entries(soldOut.options)) {
      const fieldset = [...el.shadowRoot!.querySelectorAll('fieldset')].find((f) =>
        f.querySelector('legend')!.textContent!.startsWith(name),
      )!;
      [...fieldset.querySelectorAll<HTMLInputElement>('input')].find((i) => i.value === value)!.click();
      await el.updateComplete;
    }
    expect(el.variant?.id).to.equal(soldOut.id);
    expect(part(el, 'quantity')).to.equal(null);
  });

  it('with document-title, the page title and meta description follow the product', async () => {
    const product = await findProduct((p) => p.seo.description !== '');
    await page(product, { documentTitle: '{name} — Test Shop' });
    await until(() => document.title === `${product.name} — Test Shop`);
    const meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]')!;
    expect(meta.content.length).to.be.within(1, 160);
    expect(product.seo.description.startsWith(meta.content.replace(/…$/, ''))).to.equal(true);
  });

  it('without document-title, leaves the page title alone', async () => {
    const product = await findProduct((p) => p.in_stock);
    await page(product);
    expect(document.title).to.equal(originalTitle);
    expect(document.head.querySelector('meta[name="description"]')).to.equal(null);
  });

  it("speaks the store's locale: German words, German prices", async () => {
    const product = await findProduct(
      (p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) > 5 && p.price.amount % 100 !== 0,
    );
    const { el, button } = await page(product, { locale: 'de-DE' });
    await until(() => part(el, 'stock')!.textContent!.trim() === 'Auf Lager', 3000);
    expect(el.shadowRoot!.querySelector('.quantity label')!.textContent).to.equal('Menge');
    expect(part(el, 'price')!.textContent).to.contain(',');
    await until(() => addButton(button).textContent!.trim() === 'In den Warenkorb', 3000);
  });

  it('passes axe with the stepper', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock);
    const { el } = await page(product);
    await expect(el).to.be.accessible();
  });
});
