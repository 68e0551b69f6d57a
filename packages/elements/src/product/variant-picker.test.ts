/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { isPurchasable, type Product, type ProductVariant } from '@shoptag/sdk';
import '../define.js';
import type { ShopProduct } from './product.js';
import type { ShopBuyButton } from '../buy-button/buy-button.js';
import { findProduct, testShop } from '../testing/test-shop.test.js';

/**
 * A seeded two-option product with a sold-out combination whose values can each be bought with
 * something else (the Moor Boxy Tee's XL + Plum shape).
 */
async function soldOutCombination(): Promise<{ product: Product; variant: ProductVariant }> {
  let found: ProductVariant | undefined;
  const product = await findProduct((p) => {
    if (p.options.length !== 2) return false;
    const [a, b] = p.options.map((o) => o.name) as [string, string];
    found = p.variants.find(
      (v) =>
        !isPurchasable(v) &&
        p.variants.some((w) => isPurchasable(w) && w.options[a] === v.options[a]) &&
        p.variants.some((w) => isPurchasable(w) && w.options[b] === v.options[b]),
    );
    return found !== undefined;
  });
  return { product, variant: found! };
}

async function render(product: Product): Promise<{ el: ShopProduct; button: ShopBuyButton }> {
  const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
    <shop-product .product=${product}><shop-buy-button slot="buy"></shop-buy-button></shop-product>
  </shop-store>`);
  const el = store.querySelector<ShopProduct>('shop-product')!;
  await el.updateComplete;
  const button = el.querySelector<ShopBuyButton>('shop-buy-button')!;
  await button.updateComplete;
  return { el, button };
}

const radio = (el: ShopProduct, option: number, value: string) =>
  [...el.shadowRoot!.querySelectorAll('fieldset')[option]!.querySelectorAll<HTMLInputElement>('input')].find(
    (r) => r.value === value,
  )!;
const checked = (el: ShopProduct) =>
  [...el.shadowRoot!.querySelectorAll('fieldset')].map(
    (f) => f.querySelector<HTMLInputElement>('input:checked')?.value,
  );
const offer = (el: ShopProduct) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="offer"]');
const addButton = (button: ShopBuyButton) => button.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;

async function settle(el: ShopProduct, button: ShopBuyButton): Promise<void> {
  await el.updateComplete;
  await button.updateComplete;
}

describe('<shop-product> variant picker', () => {
  it('choosing a value never changes another option: a sold-out combination stays chosen, said so, with add to cart disabled', async () => {
    const { product, variant } = await soldOutCombination();
    const [a, b] = product.options.map((o) => o.name) as [string, string];
    const { el, button } = await render(product);
    radio(el, 0, variant.options[a]!).click();
    await settle(el, button);
    radio(el, 1, variant.options[b]!).click();
    await settle(el, button);
    expect(checked(el)).to.deep.equal([variant.options[a], variant.options[b]]);
    expect(el.variant?.id).to.equal(variant.id);
    const stock = el.shadowRoot!.querySelector('[part~="stock"]')!;
    expect(stock.textContent).to.contain('sold out');
    expect(stock.getAttribute('role')).to.equal('status');
    expect(addButton(button).disabled).to.equal(true);
    const label = radio(el, 0, variant.options[a]!).closest('label')!;
    expect(label.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${variant.options[a]} — sold out`);
  });

  it('offers the nearest combination that keeps the value just chosen, and taking it moves focus to the value it changed', async () => {
    const { product, variant } = await soldOutCombination();
    const [a, b] = product.options.map((o) => o.name) as [string, string];
    const { el, button } = await render(product);
    radio(el, 0, variant.options[a]!).click();
    await settle(el, button);
    radio(el, 1, variant.options[b]!).click();
    await settle(el, button);
    const offered = offer(el)!;
    expect(offered.textContent!.trim()).to.match(new RegExp(`^${variant.options[b]} is available in .+ — choose it$`));
    offered.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, button);
    expect(el.variant && isPurchasable(el.variant)).to.equal(true);
    expect(el.variant!.options[b]).to.equal(variant.options[b]);
    expect(el.variant!.options[a]).to.not.equal(variant.options[a]);
    expect(offer(el)).to.equal(null);
    expect(addButton(button).disabled).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, 0, el.variant!.options[a]!));
  });

  it('a combination that does not exist keeps the choices, says it is not available, and disables add to cart', async () => {
    const { product, variant } = await soldOutCombination();
    const [a, b] = product.options.map((o) => o.name) as [string, string];
    // The same product with the sold-out combination removed from the catalogue altogether.
    const missing = { ...product, variants: product.variants.filter((v) => v.id !== variant.id) };
    const { el, button } = await render(missing);
    radio(el, 0, variant.options[a]!).click();
    await settle(el, button);
    radio(el, 1, variant.options[b]!).click();
    await settle(el, button);
    expect(checked(el)).to.deep.equal([variant.options[a], variant.options[b]]);
    expect(el.variant).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="stock"]')!.textContent).to.contain('is not available');
    expect(addButton(button).disabled).to.equal(true);
    expect(button.variant).to.equal('');
    expect(offer(el)).to.not.equal(null);
  });

  it('is worked by keyboard: arrow keys move through the values, sold-out ones included', async () => {
    const { product, variant } = await soldOutCombination();
    const [a, b] = product.options.map((o) => o.name) as [string, string];
    const { el, button } = await render(product);
    radio(el, 0, variant.options[a]!).click();
    await settle(el, button);
    const values = product.options[1]!.values;
    const start = values.indexOf(variant.options[b]!);
    // Start one before the sold-out value (wrapping), then arrow onto it.
    const before = values[(start - 1 + values.length) % values.length]!;
    radio(el, 1, before).focus();
    radio(el, 1, before).click();
    await settle(el, button);
    await sendKeys({ press: 'ArrowRight' });
    await settle(el, button);
    expect(checked(el)).to.deep.equal([variant.options[a], variant.options[b]]);
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, 1, variant.options[b]!));
  });

  it('passes the axe accessibility checks with a sold-out combination chosen', async () => {
    const { product, variant } = await soldOutCombination();
    const [a, b] = product.options.map((o) => o.name) as [string, string];
    const { el, button } = await render(product);
    radio(el, 0, variant.options[a]!).click();
    await settle(el, button);
    radio(el, 1, variant.options[b]!).click();
    await settle(el, button);
    await expect(el).to.be.accessible();
  });
});
