/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { createShopClient, type Order } from '@shoptag/sdk';
import '../define.js';
import type { ShopCheckout } from './checkout.js';
import { findProduct, nextEvent, testShop } from '../testing/test-shop.test.js';
import { until } from '../testing/cart-fixtures.test.js';
import { click, root, toPayment, type } from '../testing/checkout-fixtures.test.js';
import { cardSummary } from './checkout-review.js';

const ORDER_URL = '/order.html#order={id}&token={token}';

/** A checkout with an order page link for a new two-unit cart, in `locale` when given, at its contact step. */
async function checkout(locale = ''): Promise<ShopCheckout> {
  const client = createShopClient({ endpoint: testShop.endpoint, publishableKey: testShop.publishableKey });
  const product = await findProduct(
    (p) => p.in_stock && p.variants.some((v) => v.in_stock && (v.available_quantity ?? 0) >= 4),
    client,
  );
  const variant = product.variants.find((v) => v.in_stock && (v.available_quantity ?? 0) >= 4)!;
  const cart = await client.carts.create({ items: [{ variant_id: variant.id, quantity: 2 }] });
  const store = await fixture(
    html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale=${locale || 'en-US'}
      ><shop-checkout cart-id=${cart.id} order-url=${ORDER_URL}></shop-checkout
    ></shop-store>`,
  );
  const el = store.querySelector('shop-checkout')!;
  await until(() => (el.state?.session ?? null) !== null && el.state?.step === 'contact');
  return el;
}

async function toReview(el: ShopCheckout, card = '4242 4242 4242 4242'): Promise<void> {
  await toPayment(el);
  type(el, 'cardnumber', card);
  await el.updateComplete;
  click(el, 'button[type="submit"]');
  await until(() => el.state?.step === 'review');
  await el.updateComplete;
}

/** The text of each fact box (contact, address …) by its heading. */
function facts(el: ShopCheckout): Record<string, string> {
  return Object.fromEntries(
    [...root(el).querySelectorAll('.fact')].map((f) => [
      f.querySelector('h3')!.textContent!.trim(),
      f.querySelector('.fact-body')!.textContent!.replace(/\s+/g, ' ').trim(),
    ]),
  );
}

async function place(el: ShopCheckout): Promise<Order> {
  const done = nextEvent(el, 'shop-checkout-complete');
  click(el, '[part~="place-order"]');
  const { order } = (await done).detail;
  await until(() => el.state?.step === 'confirmation');
  await el.updateComplete;
  return order;
}

describe('checkout Review', () => {
  it('shows the contact email, the address in US order, the shipping method with its price and the card', async () => {
    const el = await checkout();
    await toReview(el);
    const shown = facts(el);
    expect(shown['Contact']).to.equal('ada@example.com');
    expect(shown['Shipping address']).to.contain('Ada Lovelace');
    expect(shown['Shipping address']).to.contain('San Francisco, CA 94105');
    expect(shown['Shipping address']).to.contain('United States');
    const method = el.state!.session!.shipping_method!;
    expect(shown['Shipping method']).to.contain(method.name);
    expect(shown['Shipping method']).to.match(/Free|\$\d/);
    expect(shown['Payment']).to.equal('Visa ending in 4242');
    const lines = root(el).querySelector('[part~="items"]')!.textContent!;
    expect(lines).to.contain(`2 × ${el.state!.session!.lines[0]!.name}`);
    expect(root(el).querySelector('[part~="totals"] tr.total')!.textContent).to.contain('Total');
    await expect(el).to.be.accessible();
  });

  it('takes the shopper back to the step of what they want to change', async () => {
    const el = await checkout();
    await toReview(el);
    const change = root(el).querySelector<HTMLButtonElement>('button[aria-label="Change Shipping address"]')!;
    expect(change.textContent!.trim()).to.equal('Change');
    change.click();
    await until(() => el.state?.step === 'contact');
    await el.updateComplete;
    expect(root(el).querySelector<HTMLInputElement>('input[name="line1"]')!.value).to.equal('1 Market St');
  });

  it('speaks the store language: German labels, the country and the card in German', async () => {
    const el = await checkout('de-DE');
    await toReview(el, '5555 5555 5555 4444');
    await until(() => facts(el)['Zahlung'] !== undefined);
    const shown = facts(el);
    expect(shown['Zahlung']).to.equal('Mastercard mit Endziffern 4444');
    expect(shown['Lieferadresse']).to.contain('Vereinigte Staaten');
    expect(root(el).querySelector('[part~="totals"]')!.textContent).to.contain('Zwischensumme');
  });

  it('reads brand and last four from a typed card number, ignoring spaces', () => {
    expect(cardSummary('4242 4242 4242 4242')).to.deep.equal({ brand: 'visa', last4: '4242' });
    expect(cardSummary('3782-822463-10005')).to.deep.equal({ brand: 'amex', last4: '0005' });
    expect(cardSummary('42')).to.equal(null);
  });
});

describe('checkout Confirmation', () => {
  it('shows the whole order, the card it was paid with and a link to its status page', async () => {
    const el = await checkout();
    await toReview(el);
    const order = await place(el);
    const confirmation = root(el).querySelector('[part~="confirmation"]')!;
    expect(confirmation.textContent).to.contain(order.number);
    expect(confirmation.textContent).to.contain('ada@example.com');
    expect(order.payment.card).to.deep.equal({ brand: 'visa', last4: '4242' });
    const shown = facts(el);
    expect(shown['Payment']).to.equal('Visa ending in 4242');
    expect(shown['Shipping address']).to.contain('San Francisco, CA 94105');
    expect(shown['Shipping method']).to.contain(order.shipping_method!.name);
    const items = confirmation.querySelector('[part~="items"]')!.textContent!;
    for (const item of order.items) expect(items).to.contain(`${item.quantity} × ${item.name}`);
    const totals = confirmation.querySelector('[part~="totals"]')!.textContent!;
    expect(totals).to.contain(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: order.currency }).format(
        order.totals.total.amount / 100,
      ),
    );
    const link = confirmation.querySelector<HTMLAnchorElement>('a[part~="order-link"]')!;
    expect(link.getAttribute('href')).to.equal(
      `/order.html#order=${encodeURIComponent(order.id)}&token=${encodeURIComponent(order.token)}`,
    );
    expect(link.textContent).to.equal('View your order status');
    await expect(el).to.be.accessible();
  });
});
