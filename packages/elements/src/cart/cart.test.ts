/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { getCartStore } from '@shoptag/sdk';
import type { ShopStore } from '../store/store.js';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { ShopCart } from './cart.js';
import type { ShopBuyButton } from '../buy-button/buy-button.js';
import { findProduct, nextEvent, testShop } from '../testing/test-shop.test.js';
import { cartOf, inStore, until } from '../testing/cart-fixtures.test.js';

const q = <T extends Element = HTMLElement>(cart: ShopCart, selector: string) =>
  cart.shadowRoot!.querySelector<T>(selector);
const byLabel = (cart: ShopCart, label: string) => q<HTMLButtonElement>(cart, `[aria-label="${label}"]`)!;
const buyButton = (el: ShopBuyButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;

async function pageWithCart() {
  const product = await findProduct(
    (p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 4 && p.price.amount < 2000,
  );
  const store = await inStore(
    html`<button id="before">before</button><shop-buy-button product=${product.handle}></shop-buy-button><shop-cart></shop-cart>`,
  );
  const buy = store.querySelector('shop-buy-button')!;
  const cart = store.querySelector('shop-cart')!;
  await until(() => !buyButton(buy).disabled);
  return { product, store, buy, cart };
}

describe('<shop-cart>', () => {
  it('opens on add-to-cart as a modal dialog with focus inside, and Escape closes it and returns focus', async () => {
    const { product, buy, cart } = await pageWithCart();
    buyButton(buy).focus();
    buyButton(buy).click();
    await until(() => cart.open && q<HTMLDialogElement>(cart, 'dialog')!.open);
    await until(() => q(cart, '.line-name')?.textContent === product.name);
    const dialog = q<HTMLDialogElement>(cart, 'dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(cart.shadowRoot!.activeElement).to.equal(q(cart, '.close'));
    await sendKeys({ press: 'Escape' });
    await until(() => !cart.open);
    expect(dialog.open).to.equal(false);
    expect(buy.shadowRoot!.activeElement).to.equal(buyButton(buy));
  });

  it('shows lines, totals and free-shipping progress, and steppers change the quantity on the server', async () => {
    const { product, store, buy, cart } = await pageWithCart();
    const changed = nextEvent(buy, 'shop-cart-change');
    buyButton(buy).click();
    await changed;
    await until(() => q(cart, '.line') !== null);
    const price = product.variants[0]!.price.amount;
    expect(q(cart, '.line-total')!.textContent).to.equal(`$${(price / 100).toFixed(2)}`);
    expect(q(cart, '[part="progress"]')!.textContent!.trim()).to.equal(
      `Add $${((5000 - price) / 100).toFixed(2)} more for free shipping.`,
    );
    const summary = q(cart, '[part="summary"]')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('Shipping $5.00');
    expect(summary).to.contain(`Total $${((price + 500) / 100).toFixed(2)}`);
    expect(byLabel(cart, `Decrease quantity of ${product.name}`).disabled).to.equal(true);

    const added = nextEvent(cart, 'shop-add-to-cart');
    byLabel(cart, `Increase quantity of ${product.name}`).click();
    expect((await added).detail.items[0]!.quantity).to.equal(1);
    await until(() => q(cart, '.quantity')!.textContent === '2');
    expect(cartOf(store).$cart.get()!.lines[0]!.quantity).to.equal(2);
    const server = await store.client!.carts.get(cartOf(store).$cart.get()!.id);
    expect(server.lines[0]!.quantity).to.equal(2);
    await until(() => q(cart, '[role="status"]')!.textContent!.includes(`${product.name}: quantity 2`));
    expect(q(cart, '[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
  });

  it("applies a coupon, shows the server's message inline for a bad one, and removes it", async () => {
    const { buy, cart } = await pageWithCart();
    const changed = nextEvent(buy, 'shop-cart-change');
    buyButton(buy).click();
    await changed;
    await until(() => q(cart, 'form') !== null);
    const input = q<HTMLInputElement>(cart, 'input[name="code"]')!;
    input.value = 'NOPE';
    q<HTMLButtonElement>(cart, 'form button[type="submit"]')!.click();
    await until(() => q(cart, '#coupon-error')!.textContent!.includes('NOPE'));
    expect(q(cart, '#coupon-error')!.textContent).to.equal('The code NOPE is not valid.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    input.value = 'freeship';
    q<HTMLButtonElement>(cart, 'form button[type="submit"]')!.click();
    await until(() => q(cart, '.coupon-applied') !== null);
    expect(q(cart, '.coupon-applied')!.textContent).to.contain('FREESHIP');
    expect(q(cart, '[part="summary"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('Shipping Free');
    byLabel(cart, 'Remove code FREESHIP').click();
    await until(() => q(cart, '.coupon-applied') === null);
  });

  it('removing the last line shows the empty state and fires shop-remove-from-cart', async () => {
    const { product, buy, cart } = await pageWithCart();
    const changed = nextEvent(buy, 'shop-cart-change');
    buyButton(buy).click();
    await changed;
    await until(() => q(cart, '.line') !== null);
    const removed = nextEvent(cart, 'shop-remove-from-cart');
    byLabel(cart, `Remove ${product.name}`).click();
    const { detail } = await removed;
    expect(detail.items[0]!.item_name).to.equal(product.name);
    expect(detail.items[0]!.quantity).to.equal(1);
    await until(() => q(cart, '.empty') !== null);
    expect(q(cart, '.empty')!.textContent).to.contain('Your cart is empty.');
  });

  it('the open drawer with a line, and the buy button, pass axe', async () => {
    const { store, buy, cart } = await pageWithCart();
    buyButton(buy).click();
    await until(() => q(cart, '.line') !== null && cart.open);
    await expect(cart).to.be.accessible();
    await expect(store).to.be.accessible();
  });

  it("explains a refused code by its reason in the shopper's words, and clears it when the next request succeeds", async () => {
    const { product, buy, cart } = await pageWithCart();
    const changed = nextEvent(buy, 'shop-cart-change');
    buyButton(buy).click();
    await changed;
    await until(() => q(cart, 'form') !== null);
    // SAVE5 needs a $40 subtotal; this cart holds less.
    const input = q<HTMLInputElement>(cart, 'input[name="code"]')!;
    input.value = 'save5';
    q<HTMLButtonElement>(cart, 'form button[type="submit"]')!.click();
    await until(() => q(cart, '#coupon-error')!.textContent !== '');
    expect(q(cart, '#coupon-error')!.textContent).to.equal('The code SAVE5 needs a subtotal of at least $40.00.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    byLabel(cart, `Increase quantity of ${product.name}`).click();
    await until(() => q(cart, '.quantity')!.textContent === '2');
    await until(() => q(cart, '#coupon-error')!.textContent === '');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('asks for a code when Apply is pressed with none', async () => {
    const { buy, cart } = await pageWithCart();
    const changed = nextEvent(buy, 'shop-cart-change');
    buyButton(buy).click();
    await changed;
    await until(() => q(cart, 'form') !== null);
    q<HTMLButtonElement>(cart, 'form button[type="submit"]')!.click();
    await until(() => q(cart, '#coupon-error')!.textContent === 'Enter a code.');
    expect(cart.shadowRoot!.activeElement).to.equal(q(cart, 'input[name="code"]'));
  });

  it('with checkout-url ends with a primary Checkout button that goes there', async () => {
    const { buy, cart } = await pageWithCart();
    cart.checkoutUrl = '#checkout';
    const changed = nextEvent(buy, 'shop-cart-change');
    buyButton(buy).click();
    await changed;
    await until(() => q(cart, '[part~="checkout-button"]') !== null);
    const checkout = q<HTMLButtonElement>(cart, '[part~="checkout-button"]')!;
    expect(checkout.localName).to.equal('button');
    expect(checkout.textContent!.trim()).to.equal('Checkout');
    expect(checkout.classList.contains('primary')).to.equal(true);
    expect(getComputedStyle(checkout).backgroundColor).to.not.equal(
      getComputedStyle(q(cart, '.panel')!).backgroundColor,
    );
    const box = checkout.getBoundingClientRect();
    expect(box.height).to.be.at.least(24);
    checkout.click();
    await until(() => location.hash === '#checkout');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('keeps Tab and Shift+Tab inside the open drawer', async () => {
    const { buy, cart } = await pageWithCart();
    cart.checkoutUrl = '#checkout';
    buyButton(buy).click();
    await until(() => cart.open && q(cart, '[part~="checkout-button"]') !== null);
    const close = q(cart, '.close')!;
    close.focus();
    await sendKeys({ press: 'Shift+Tab' });
    expect(cart.shadowRoot!.activeElement, 'Shift+Tab from the first control').to.equal(
      q(cart, '[part~="checkout-button"]'),
    );
    await sendKeys({ press: 'Tab' });
    expect(cart.shadowRoot!.activeElement, 'Tab from the last control').to.equal(close);
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      expect(cart.shadowRoot!.activeElement, `Tab ${i + 1}`).to.not.equal(null);
    }
  });

  it("speaks the store's language: German words, plural item counts, German money", async () => {
    const product = await findProduct(
      (p) => p.variants.length === 1 && (p.variants[0]!.available_quantity ?? 0) >= 4 && p.price.amount < 2000,
    );
    const store =
      await fixture<ShopStore>(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale="de-DE">
      <shop-buy-button product=${product.handle}></shop-buy-button><shop-cart></shop-cart><shop-cart-button></shop-cart-button>
    </shop-store>`);
    getCartStore(store.client!).clear();
    const buy = store.querySelector('shop-buy-button')!;
    const cart = store.querySelector('shop-cart')!;
    const cartButton = store.querySelector('shop-cart-button')!;
    await until(() => !buyButton(buy).disabled);
    buyButton(buy).click();
    await until(() => q(cart, '.line') !== null);
    // German arrives as its own chunk the first time a store speaks it.
    await until(() => q(cart, '#title')!.textContent!.includes('Dein Warenkorb'), 3000);
    expect(q(cart, '#title')!.textContent).to.contain('1 Artikel');
    expect(q(cart, '.line-total')!.textContent).to.match(/^\d+,\d\d\s€|\d+,\d\d\s\$$/);
    const label = () => cartButton.shadowRoot!.querySelector('button')!.getAttribute('aria-label');
    await until(() => label() === 'Warenkorb, 1 Artikel');
    expect(q(cart, '[part~="summary"]')!.textContent).to.contain('Zwischensumme');
    cart.hide();
  });

  it('stays closed on add when open-on-add is false', async () => {
    const product = await findProduct((p) => p.variants.length === 1 && p.in_stock);
    const store = await inStore(
      html`<shop-buy-button product=${product.handle}></shop-buy-button><shop-cart open-on-add="false"></shop-cart>`,
    );
    const buy = store.querySelector('shop-buy-button')!;
    const cart = store.querySelector('shop-cart')!;
    expect(cart.openOnAdd).to.equal(false);
    await until(() => !buyButton(buy).disabled);
    const changed = nextEvent(buy, 'shop-cart-change');
    buyButton(buy).click();
    await changed;
    expect(cart.open).to.equal(false);
  });
});
