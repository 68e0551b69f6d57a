/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { Product } from '@shoptag/sdk';
import '../define.js';
import type { ShopProduct } from './product.js';
import type { ShopBuyButton } from '../buy-button/buy-button.js';
import { findProduct, nextEvent, testShop } from '../testing/test-shop.test.js';

/** The label's text as a screen reader reads it (visually hidden text included, CSS has no say). */
const accessibleName = (label: HTMLLabelElement) => label.textContent!.replace(/\s+/g, ' ').trim();

const part = (el: ShopProduct, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function render(handleOrProduct: string | Product): Promise<ShopProduct> {
  const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
    ${
      typeof handleOrProduct === 'string'
        ? html`<shop-product handle=${handleOrProduct}><button slot="buy">Buy</button></shop-product>`
        : html`<shop-product .product=${handleOrProduct}><button slot="buy">Buy</button></shop-product>`
    }
  </shop-store>`);
  const el = store.querySelector('shop-product')!;
  for (let i = 0; i < 100 && !el.shown; i++) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
  return el;
}

describe('<shop-product>', () => {
  it('loads a product by handle and shows its name, brand, price, rating and a slot for the buy button', async () => {
    const product = await findProduct((p) => p.rating.count > 0 && p.brand !== '');
    const el = await render(product.handle);
    expect(part(el, 'name')!.textContent).to.equal(product.name);
    expect(part(el, 'name')!.getAttribute('aria-level')).to.equal('1');
    expect(part(el, 'brand')!.textContent).to.equal(product.brand);
    expect(part(el, 'rating')!.getAttribute('aria-label')).to.contain(
      `Rated ${product.rating.average.toFixed(1)} out of 5`,
    );
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="buy"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Buy');
  });

  it('offers each option as a labelled radio group and fires shop-variant-change with the matching variant', async () => {
    const product = await findProduct(
      (p) => p.options.length > 0 && p.options[0]!.values.length > 1 && p.variants.filter((v) => v.in_stock).length > 1,
    );
    const el = await render(product.handle);
    const groups = [...el.shadowRoot!.querySelectorAll('fieldset')];
    expect(groups.length).to.equal(product.options.length);
    expect(groups[0]!.querySelector('legend')!.textContent).to.contain(product.options[0]!.name);
    const radios = [...groups[0]!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).to.deep.equal(product.options[0]!.values);
    const target = radios.find((r) => !r.checked && !r.disabled)!;
    const changed = nextEvent(el, 'shop-variant-change');
    target.click();
    const { detail } = await changed;
    expect(detail.variant?.options[product.options[0]!.name]).to.equal(target.value);
    expect(el.variant?.id).to.equal(detail.variant?.id);
  });

  it('keeps a slotted buy button on the variant the shopper picks', async () => {
    const product = await findProduct(
      (p) => p.options.length > 0 && p.options[0]!.values.length > 1 && p.variants.filter((v) => v.in_stock).length > 1,
    );
    const store =
      await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
      <shop-product .product=${product}><shop-buy-button slot="buy"></shop-buy-button></shop-product>
    </shop-store>`);
    const el = store.querySelector<ShopProduct>('shop-product')!;
    const button = el.querySelector<ShopBuyButton>('shop-buy-button')!;
    await el.updateComplete;
    expect(button.data?.id).to.equal(product.id);
    expect(button.variant).to.equal(el.variant!.id);
    await button.updateComplete;
    expect(
      button.shadowRoot!.querySelector('select'),
      'the picker chooses, so the button shows no select of its own',
    ).to.equal(null);
    const radio = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]')].find(
      (r) => !r.checked && !r.disabled,
    )!;
    radio.click();
    await el.updateComplete;
    expect(button.variant).to.equal(el.variant!.id);
    expect(button.getAttribute('variant')).to.equal(el.variant!.id);
  });

  it('marks option values that no purchasable variant has as sold out, crossed out and in their accessible name, yet choosable', async () => {
    const product = await findProduct(
      (p) => p.options.length === 1 && p.variants.some((v) => !v.in_stock) && p.variants.some((v) => v.in_stock),
    );
    const el = await render(product.handle);
    const soldOut = product.variants.filter((v) => !v.in_stock).map((v) => v.options[product.options[0]!.name]);
    const labels = [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('label.value')];
    for (const label of labels) {
      const radio = label.querySelector('input')!;
      const box = label.querySelector<HTMLElement>('[part~="value"]')!;
      const isSoldOut = soldOut.includes(radio.value);
      expect(radio.disabled, radio.value).to.equal(false);
      expect(accessibleName(label), radio.value).to.equal(isSoldOut ? `${radio.value} — sold out` : radio.value);
      expect(getComputedStyle(box).textDecorationLine, radio.value).to.equal(isSoldOut ? 'line-through' : 'none');
    }
  });

  it('shows the compare-at price and the discount for a variant on sale', async () => {
    const product = await findProduct(
      (p) =>
        p.compare_at_price !== null &&
        p.in_stock &&
        p.variants[0]!.in_stock &&
        p.variants[0]!.compare_at_price !== null &&
        p.options.length <= 1,
    );
    const el = await render(product.handle);
    const v = el.variant!;
    const percent = Math.round((1 - v.price.amount / v.compare_at_price!.amount) * 100);
    expect(part(el, 'discount')!.textContent).to.equal(`−${percent}%`);
    expect(part(el, 'compare-at-price')!.tagName).to.equal('S');
  });

  it('says "Only N left" when stock is low', async () => {
    const product = await findProduct(
      (p) => p.variants.length === 1 && p.variants[0]!.in_stock && (p.variants[0]!.available_quantity ?? Infinity) <= 5,
    );
    const el = await render(product.handle);
    // The count of the product as the element got it (the list is another cached answer, and
    // the other test files buy from the same shop).
    expect(part(el, 'stock')!.textContent).to.equal(`Only ${el.shown!.variants[0]!.available_quantity} left`);
  });

  it('thumbnails switch the main image', async () => {
    const product = await findProduct((p) => p.images.length > 1);
    const el = await render(product.handle);
    const thumbs = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="thumbnail"]')];
    expect(thumbs.length).to.equal(product.images.length);
    thumbs[1]!.click();
    await el.updateComplete;
    expect(thumbs[1]!.getAttribute('aria-current')).to.equal('true');
    const main = part(el, 'main-image') as HTMLElement & { image: { id: string } };
    expect(main.image.id).to.equal(product.images[1]!.id);
  });

  it('sanitizes the description HTML before it renders', async () => {
    const product = await findProduct(() => true);
    const evil = {
      ...product,
      description_html:
        '<p>Safe <b>text</b></p><img src="x" onerror="window.__pwned = true"><script>window.__pwned = true</script>',
    };
    const el = await render(evil);
    const description = part(el, 'description')!;
    expect(description.querySelector('script')).to.equal(null);
    expect(description.querySelector('img')?.hasAttribute('onerror')).to.equal(false);
    expect(description.querySelector('b')!.textContent).to.equal('text');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('emits schema.org Product JSON-LD into the light DOM', async () => {
    const product = await findProduct((p) => p.rating.count > 0);
    const el = await render(product.handle);
    const script = el.querySelector('script[type="application/ld+json"]')!;
    const json = JSON.parse(script.textContent!) as Record<string, unknown> & {
      offers: { price: string; priceCurrency: string }[];
    };
    expect(json['@type']).to.equal('Product');
    expect(json.name).to.equal(product.name);
    expect(json.offers.length).to.equal(product.variants.length);
    expect(json.offers[0]!.priceCurrency).to.equal('USD');
    expect(json.offers[0]!.price).to.match(/^\d+\.\d\d$/);
    expect((json.aggregateRating as { reviewCount: number }).reviewCount).to.equal(product.rating.count);
  });

  it('escapes <, > and & in its JSON-LD, so a product named </script><script>… stays data in a re-parsed snapshot', async () => {
    const product = await findProduct(() => true);
    const name = '</script><script>alert(1)</script>';
    const el = await render({ ...product, name, brand: 'Salt & Pepper <Co>' });
    const script = el.querySelector('script[type="application/ld+json"]')!;
    const text = script.textContent!;
    expect(text).not.to.match(/[<>&]/);
    expect(text).to.contain('\\u003c/script\\u003e');
    const json = JSON.parse(text) as { name: string; brand: { name: string } };
    expect(json.name).to.equal(name);
    expect(json.brand.name).to.equal('Salt & Pepper <Co>');
    // What a prerenderer would save and a browser or crawler parse again, with no CSP to help.
    const snapshot = new DOMParser().parseFromString(`<!doctype html><body>${el.outerHTML}</body>`, 'text/html');
    const scripts = [...snapshot.querySelectorAll('script')];
    expect(scripts.map((s) => s.type)).to.deep.equal(['application/ld+json']);
    expect((JSON.parse(scripts[0]!.textContent!) as { name: string }).name).to.equal(name);
  });
});
