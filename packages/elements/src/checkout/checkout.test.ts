/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ShopCheckout } from './checkout.js';
import type { ShopOrder } from '../order/order.js';
import { nextEvent, testClient, testShop } from '../testing/test-shop.test.js';
import { until } from '../testing/cart-fixtures.test.js';
import { checkoutFor, click, fillContact, root, toPayment, type } from '../testing/checkout-fixtures.test.js';

async function toReview(el: ShopCheckout, card: string): Promise<void> {
  await toPayment(el);
  type(el, 'cardnumber', card);
  await el.updateComplete;
  click(el, 'button[type="submit"]');
  await until(() => el.state?.step === 'review');
  await el.updateComplete;
}

describe('<shop-checkout>', () => {
  it('uses autofill tokens, shows server field errors inline and keeps the input', async () => {
    const el = await checkoutFor();
    expect(root(el).querySelector('input[name="email"]')!.getAttribute('autocomplete')).to.equal('email');
    expect(root(el).querySelector('input[name="postal_code"]')!.getAttribute('autocomplete')).to.equal(
      'shipping postal-code',
    );
    expect(root(el).querySelector('[aria-current="step"]')!.textContent).to.contain('Address');
    await fillContact(el, '123');
    await until(() => root(el).querySelector('[part~="field-error"]') !== null);
    const postal = root(el).querySelector<HTMLInputElement>('input[name="postal_code"]')!;
    expect(postal.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector('[part~="field-error"]')!.textContent).to.contain('Enter a ZIP code like 94107.');
    expect(root(el).querySelector<HTMLInputElement>('input[name="line1"]')!.value).to.equal('1 Market St');
  });

  it('places exactly one order however often Place order is clicked, and fires shop-checkout-complete', async () => {
    const el = await checkoutFor();
    await toReview(el, '4242 4242 4242 4242');
    const done = nextEvent(el, 'shop-checkout-complete');
    const button = root(el).querySelector<HTMLButtonElement>('[part~="place-order"]')!;
    button.click();
    button.click();
    button.click();
    const { detail } = await done;
    await until(() => el.state?.step === 'confirmation');
    await el.updateComplete;
    expect(root(el).querySelector('[part~="confirmation"]')!.textContent).to.contain(detail.order.number);
    expect(detail.ecommerce.transaction_id).to.equal(detail.order.number);
    const session = await testClient().checkout.get(detail.order.checkout_session_id);
    expect(session.order_id).to.equal(detail.order.id);
  });

  it('returns a declined card to the payment step with the reason and focus there; another card then places the order and the message goes', async () => {
    const el = await checkoutFor();
    await toReview(el, '4000 0000 0000 0002');
    click(el, '[part~="place-order"]');
    await until(() => el.state?.step === 'payment');
    await el.updateComplete;
    const message = root(el).querySelector('#card-error')!;
    expect(message.textContent).to.equal('Your card was declined. Try another card.');
    const number = root(el).querySelector<HTMLInputElement>('#f-cardnumber')!;
    await until(() => root(el).activeElement === number);
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    expect(number.getAttribute('aria-describedby')).to.equal('card-error');
    expect(root(el).querySelector('[part~="error"]:not(#card-error)')).to.equal(null);
    type(el, 'cardnumber', '4242 4242 4242 4242');
    click(el, 'button[type="submit"]');
    await until(() => el.state?.step === 'review');
    await el.updateComplete;
    const place = root(el).querySelector<HTMLButtonElement>('[part~="place-order"]')!;
    expect(place.disabled).to.equal(false);
    expect(root(el).querySelector('#card-error')).to.equal(null);
    place.click();
    await until(() => el.state?.step === 'confirmation');
  });

  it('names the reason a card was refused in the shopper’s words: insufficient funds, expired card', async () => {
    for (const [card, text] of [
      ['4000 0000 0000 9995', 'Your card has insufficient funds. Try another card.'],
      ['4000 0000 0000 0069', 'Your card has expired. Try another card.'],
    ] as const) {
      const el = await checkoutFor();
      await toReview(el, card);
      click(el, '[part~="place-order"]');
      await until(() => el.state?.step === 'payment');
      await el.updateComplete;
      expect(root(el).querySelector('#card-error')!.textContent).to.equal(text);
    }
  });

  it('walks the authentication-required card through its challenge', async () => {
    const el = await checkoutFor();
    await toReview(el, '4000 0027 6000 3184');
    click(el, '[part~="place-order"]');
    await until(() => el.state?.status === 'requires_action');
    await el.updateComplete;
    const dialog = root(el).querySelector('[part~="challenge"]')!;
    expect(dialog.getAttribute('role')).to.equal('dialog');
    dialog.querySelector<HTMLButtonElement>('[part~="primary"]')!.click();
    await until(() => el.state?.step === 'confirmation');
  });
});

describe('<shop-order>', () => {
  it('shows an order from its id and token, and nothing without the right token', async () => {
    const el = await checkoutFor();
    await toReview(el, '4242424242424242');
    const done = nextEvent(el, 'shop-checkout-complete');
    click(el, '[part~="place-order"]');
    const { order } = (await done).detail;
    const shown = await fixture<HTMLElement>(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-order order-id=${order.id} token=${order.token}></shop-order></shop-store>`,
    );
    const view = shown.querySelector('shop-order') as ShopOrder;
    await until(() => view.value !== null);
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('h2')!.textContent).to.contain(order.number);
    expect(view.shadowRoot!.querySelector('[part~="status"]')!.textContent).to.contain('Paid');
    const wrong = await fixture<HTMLElement>(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-order order-id=${order.id} token="otok_wrong"></shop-order></shop-store>`,
    );
    const denied = wrong.querySelector('shop-order') as ShopOrder;
    await until(() => denied.shadowRoot!.querySelector('[part~="error"]') !== null);
  });
});
