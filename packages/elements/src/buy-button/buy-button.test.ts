/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopBuyButton } from './buy-button.js';
import { findProduct, nextEvent, testClient, testShop } from '../testing/test-shop.test.js';
import { clientFor } from '../internal/page-config.js';
import { getCartStore } from '@shoptag/sdk';
import { cartOf, inStore, until } from '../testing/cart-fixtures.test.js';

const button = (el: ShopBuyButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;
const message = (el: ShopBuyButton) => el.shadowRoot!.querySelector<HTMLElement>('[part~="message"]')!;

describe('<shop-buy-button>', () => {
  afterEach(() => document.querySelectorAll('body > shop-cart').forEach((c) => c.remove()));

  it('adds the variant to the cart and fires shop-add-to-cart shaped like GA4, in major units', async () => {
    const product = await findProduct(
      (p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 3 && p.price.amount % 100 !== 0,
    );
    const store = await inStore(html`<shop-buy-button product=${product.handle} quantity="2"></shop-buy-button>`);
    const el = store.querySelector('shop-buy-button')!;
    await until(() => !button(el).disabled);
    expect(button(el).type).to.equal('button');
    expect(button(el).textContent!.trim()).to.equal('Add to cart');
    const added = nextEvent(el, 'shop-add-to-cart');
    const changed = nextEvent(el, 'shop-cart-change');
    button(el).click();
    const { detail } = await added;
    const variant = product.variants[0]!;
    expect(detail.currency).to.equal('USD');
    expect(detail.items).to.have.length(1);
    const [item] = detail.items;
    expect(item!.item_id).to.equal(variant.sku);
    expect(item!.item_name).to.equal(product.name);
    expect(item!.item_brand).to.equal(product.brand);
    expect(item!.item_category).to.equal(product.category.name);
    expect(item!.quantity).to.equal(2);
    expect(item!.price).to.equal(variant.price.amount / 100);
    expect(detail.value).to.equal((variant.price.amount * 2) / 100);
    expect((await changed).detail.cart.item_count).to.equal(2);
    expect(cartOf(store).$cartCount.get()).to.equal(2);
    await el.updateComplete;
    expect(message(el).textContent).to.contain('Added to cart');
  });

  it('works alone on a page, with its own publishable key and no store', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock);
    getCartStore(clientFor(testShop.endpoint, testShop.publishableKey)).clear();
    const el = await fixture<ShopBuyButton>(
      html`<shop-buy-button endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} product=${product.handle}></shop-buy-button>`,
    );
    await until(() => !button(el).disabled);
    const added = nextEvent(el, 'shop-add-to-cart');
    button(el).click();
    expect((await added).detail.items[0]!.item_name).to.equal(product.name);
  });

  it('never submits a surrounding form', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock);
    let submitted = false;
    const store = await inStore(
      html`<form @submit=${(e: Event) => ((submitted = true), e.preventDefault())}><shop-buy-button product=${product.handle}></shop-buy-button></form>`,
    );
    const el = store.querySelector('shop-buy-button')!;
    await until(() => !button(el).disabled);
    const changed = nextEvent(el, 'shop-cart-change');
    button(el).click();
    await changed;
    expect(submitted).to.equal(false);
  });

  it('shows Sold out and disables itself when the product is unavailable', async () => {
    const product = await findProduct((p) => !p.in_stock);
    const store = await inStore(html`<shop-buy-button product=${product.handle}></shop-buy-button>`);
    const el = store.querySelector('shop-buy-button')!;
    await until(() => button(el).textContent!.trim() === 'Sold out');
    expect(button(el).disabled).to.equal(true);
  });

  it('works from a variant id alone, and once everything available is in the cart it says so and disables itself', async () => {
    const product = await findProduct((p) =>
      p.variants.some((v) => (v.available_quantity ?? 0) > 0 && (v.available_quantity ?? Infinity) <= 3),
    );
    const variant = product.variants.find(
      (v) => (v.available_quantity ?? 0) > 0 && (v.available_quantity ?? Infinity) <= 3,
    )!;
    // What can be bought now: the list is a cached answer, and other test files buy from this shop.
    const available = (await testClient().inventory.get([variant.id])).data[0]!.available!;
    const store = await inStore(html`<shop-buy-button variant=${variant.id} quantity=${available}></shop-buy-button>`);
    const el = store.querySelector('shop-buy-button')!;
    await until(() => !button(el).disabled);
    const changed = nextEvent(el, 'shop-cart-change');
    button(el).click();
    await changed;
    await until(() => button(el).disabled);
    expect(message(el).textContent).to.contain('All available units are in your cart');
  });

  it('offers a compact option select for a product with several variants and no variant set', async () => {
    const product = await findProduct((p) => p.variants.filter((v) => v.in_stock).length >= 2);
    const store = await inStore(html`<shop-buy-button product=${product.handle}></shop-buy-button>`);
    const el = store.querySelector('shop-buy-button')!;
    await until(() => el.shadowRoot!.querySelector('select') !== null);
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.getAttribute('aria-label')).to.equal(`Options for ${product.name}`);
    expect(select.options.length).to.equal(product.variants.length + 1);
    button(el).click();
    await el.updateComplete;
    expect(message(el).textContent).to.contain('Choose an option first');
    const variant = product.variants.find((v) => v.in_stock)!;
    select.value = variant.id;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.variant).to.equal(variant.id);
    const added = nextEvent(el, 'shop-add-to-cart');
    button(el).click();
    expect((await added).detail.items[0]!.item_variant).to.equal(variant.title);
  });

  it('in checkout mode adds and opens the cart drawer, creating one when the page has none', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 1);
    const store = await inStore(html`<shop-buy-button mode="checkout" product=${product.handle}></shop-buy-button>`);
    const el = store.querySelector('shop-buy-button')!;
    await until(() => !button(el).disabled);
    expect(button(el).textContent!.trim()).to.equal('Buy now');
    button(el).click();
    await until(() => document.querySelector('shop-cart')?.open === true);
  });

  it('in checkout mode with a checkout-url adds and goes to the checkout page', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 1);
    // A same-document URL, so going there does not unload the test page.
    const store = await inStore(
      html`<shop-buy-button mode="checkout" checkout-url="#checkout" product=${product.handle}></shop-buy-button>`,
    );
    const el = store.querySelector('shop-buy-button')!;
    await until(() => !button(el).disabled);
    const changed = nextEvent(el, 'shop-cart-change');
    button(el).click();
    const { cart } = (await changed).detail;
    await until(() => location.hash === '#checkout');
    expect(cart.lines.some((l) => l.variant_id === product.variants[0]!.id)).to.equal(true);
    expect(document.querySelector('shop-cart'), 'no drawer on the way to checkout').to.equal(null);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the product image, name and price that `show` names, and only those', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock && p.images.length > 0);
    const store = await inStore(
      html`<shop-buy-button show="name price image" product=${product.handle}></shop-buy-button>`,
    );
    const el = store.querySelector('shop-buy-button')!;
    await until(() => el.shadowRoot!.querySelector('[part~="name"]') !== null);
    const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
    expect(part('name')!.textContent).to.equal(product.name);
    expect(part('price')!.textContent).to.equal(`$${(product.variants[0]!.price.amount / 100).toFixed(2)}`);
    const img = part('image') as HTMLImageElement;
    expect(img.alt).to.equal(product.images[0]!.alt || product.name);
    await until(() => img.complete && img.naturalWidth > 0);
    el.show = 'price';
    await el.updateComplete;
    expect(part('name')).to.equal(null);
    expect(part('image')).to.equal(null);
    expect(part('price')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('alone on a page, opens a cart drawer of its own after adding, created once and carrying its checkout-url', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 3);
    const store = await inStore(
      html`<shop-buy-button checkout-url="/checkout.html" product=${product.handle}></shop-buy-button>`,
    );
    const el = store.querySelector('shop-buy-button')!;
    await until(() => !button(el).disabled);
    button(el).click();
    await until(() => document.querySelector('shop-cart')?.open === true);
    const drawer = document.querySelector('shop-cart')!;
    expect(drawer.checkoutUrl).to.equal('/checkout.html');
    await until(() => drawer.shadowRoot!.querySelector('[part~="checkout-button"]') !== null);
    drawer.hide();
    await until(() => !drawer.open);
    await until(() => !button(el).disabled);
    button(el).click();
    await until(() => drawer.open);
    expect(document.querySelectorAll('shop-cart').length).to.equal(1);
  });

  it('with no-cart-drawer, adds without adding a drawer to the page', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock);
    const store = await inStore(html`<shop-buy-button no-cart-drawer product=${product.handle}></shop-buy-button>`);
    const el = store.querySelector('shop-buy-button')!;
    await until(() => !button(el).disabled);
    const changed = nextEvent(el, 'shop-cart-change');
    button(el).click();
    await changed;
    await new Promise((r) => setTimeout(r, 100));
    expect(document.querySelector('shop-cart')).to.equal(null);
  });

  it("speaks the page's language", async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock);
    const wrapper = await fixture(html`<div lang="fr">
      <shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
        <shop-buy-button product=${product.handle}></shop-buy-button>
      </shop-store>
    </div>`);
    const el = wrapper.querySelector('shop-buy-button')!;
    await until(() => button(el).textContent!.trim() === 'Ajouter au panier', 3000);
  });
});

describe('<shop-product-card buy-button>', () => {
  it("puts an add-to-cart button on the card that adds the card's product without loading it again", async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock);
    const store = await inStore(html`<shop-product-card buy-button .product=${product}></shop-product-card>`);
    const card = store.querySelector('shop-product-card')!;
    await card.updateComplete;
    const buy = card.shadowRoot!.querySelector('shop-buy-button')!;
    expect(buy.getAttribute('part')).to.equal('buy-button');
    await until(() => !button(buy).disabled);
    const added = nextEvent(card, 'shop-add-to-cart');
    button(buy).click();
    expect((await added).detail.items[0]!.item_name).to.equal(product.name);
  });
});
