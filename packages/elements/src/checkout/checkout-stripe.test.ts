/// <reference types="mocha" />
// <shop-checkout> against the reference server the runner started with Stripe keys. There is no
// network here: the server's `stripe` library talks to a local Stripe API stand-in, and the page's
// Stripe.js is a stand-in (src/testing/stripe-js-stand-in.js) that confirms through that API.
// These tests check our wiring, not Stripe.js itself.
import { expect, fixture, html } from '@open-wc/testing';
import { createShopClient } from '@shoptag/sdk';
import '../define.js';
import '../testing/stripe-js-stand-in.js';
import type { ShopCheckout } from './checkout.js';
import { nextEvent, testShop } from '../testing/test-shop.test.js';
import { until } from '../testing/cart-fixtures.test.js';
import { checkoutFor, click, root, toPayment } from '../testing/checkout-fixtures.test.js';

interface StandInCall {
  name: string;
  [detail: string]: unknown;
}
interface StandInConfig {
  api: string;
  paymentMethod?: string;
  failLoad?: boolean;
  calls: StandInCall[];
}
declare global {
  interface Window {
    __STRIPE_STAND_IN__: StandInConfig;
  }
}

const stripeShop = testShop.stripe;
const calls = (name: string) => window.__STRIPE_STAND_IN__.calls.filter((c) => c.name === name);
const lightContainer = (el: ShopCheckout) => el.querySelector<HTMLElement>('[slot="stripe-payment"]');

async function withStripeReady(style = ''): Promise<ShopCheckout> {
  const el = await checkoutFor(stripeShop, style);
  await toPayment(el);
  await until(
    () =>
      lightContainer(el)?.querySelector('iframe') !== null &&
      root(el).querySelector('[part~="primary"][type="submit"]:enabled') !== null,
  );
  return el;
}

async function toReview(el: ShopCheckout): Promise<void> {
  click(el, 'button[type="submit"]');
  await until(() => el.state?.step === 'review');
  await el.updateComplete;
}

describe('<shop-checkout> with Stripe', () => {
  const address = location.href;
  beforeEach(() => {
    window.__STRIPE_STAND_IN__ = { api: stripeShop.api, calls: [] };
  });
  afterEach(() => history.replaceState(history.state, '', address));

  it('mounts the Payment Element instead of the test-card form, in a light-DOM slot, styled from the --shop-* tokens', async () => {
    const el = await withStripeReady('--shop-color-accent: #123456; --shop-radius: 3px');
    expect(el.state?.session?.payment_provider).to.equal('stripe');
    expect(root(el).querySelector('input[name="cardnumber"]')).to.equal(null);
    const slot = root(el).querySelector<HTMLSlotElement>('[part~="stripe-payment"] slot')!;
    expect(slot.assignedElements()).to.deep.equal([lightContainer(el)]);
    expect(calls('mount')[0]).to.include({ type: 'payment', inShadowRoot: false });
    const [elements] = calls('elements') as unknown as {
      clientSecret: string;
      appearance: { variables: Record<string, string> };
    }[];
    expect(elements!.clientSecret).to.equal(el.state?.payment?.client_secret);
    expect(elements!.appearance.variables).to.include({ colorPrimary: '#123456', borderRadius: '3px' });
    expect(calls('Stripe')[0]).to.deep.include({ key: 'pk_test_stand_in' });
  });

  it('Place order confirms the PaymentIntent once, then completes the session into one order however often it is clicked', async () => {
    const el = await withStripeReady();
    await toReview(el);
    const done = nextEvent(el, 'shop-checkout-complete');
    const button = root(el).querySelector<HTMLButtonElement>('[part~="place-order"]')!;
    button.click();
    button.click();
    button.click();
    const { order } = (await done).detail;
    await until(() => el.state?.step === 'confirmation');
    await el.updateComplete;
    expect(root(el).querySelector('[part~="confirmation"]')!.textContent).to.contain(order.number);
    expect(order.payment.provider).to.equal('stripe');
    expect(order.payment.reference).to.equal(el.state?.payment?.intent_id);
    expect(order.status).to.equal('paid');
    const [confirm, ...more] = calls('confirmPayment');
    expect(more).to.have.length(0);
    // Still mounted while the review step shows (confirming needs it), and the return address names the session.
    expect(confirm).to.include({ redirect: 'if_required', connected: true });
    expect(new URL(confirm!.returnUrl as string).searchParams.get('shop_checkout_session')).to.equal(
      order.checkout_session_id,
    );
  });

  it('returns a card Stripe declines to the payment step with the reason and focus there, keeps the cart, and places the order with another card', async () => {
    const el = await withStripeReady();
    window.__STRIPE_STAND_IN__.paymentMethod = 'pm_card_chargeDeclined';
    await toReview(el);
    click(el, '[part~="place-order"]');
    await until(() => el.state?.step === 'payment' && root(el).activeElement?.id === 'card-error');
    expect(root(el).querySelector('#card-error')!.textContent).to.equal('Your card was declined. Try another card.');
    expect(el.state?.order).to.equal(null);
    const client = createShopClient({ endpoint: stripeShop.endpoint, publishableKey: stripeShop.publishableKey });
    expect((await client.carts.get(el.state!.session!.cart_id)).lines).to.have.length(1);
    window.__STRIPE_STAND_IN__.paymentMethod = 'pm_card_visa';
    await until(() => root(el).querySelector('[part~="primary"][type="submit"]:enabled') !== null);
    await toReview(el);
    expect(root(el).querySelector('#card-error')).to.equal(null);
    click(el, '[part~="place-order"]');
    await until(() => el.state?.step === 'confirmation');
  });

  it('gives the Payment Element the shopper’s language', async () => {
    const el = await checkoutFor(stripeShop, '', 'de-DE');
    await toPayment(el);
    await until(() => calls('elements').length > 0);
    expect((calls('elements')[0] as { locale?: string }).locale).to.equal('de');
  });

  it('says when Stripe.js cannot be loaded and loads it on Try again', async () => {
    window.__STRIPE_STAND_IN__.failLoad = true;
    const el = await checkoutFor(stripeShop);
    await toPayment(el);
    await until(() => root(el).querySelector('[part~="error"]') !== null);
    expect(root(el).querySelector('[part~="error"]')!.textContent).to.contain('could not be loaded');
    expect(lightContainer(el)?.querySelector('iframe') ?? null).to.equal(null);
    window.__STRIPE_STAND_IN__.failLoad = false;
    const retry = [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    retry.click();
    await until(
      () => lightContainer(el)?.querySelector('iframe') !== null && root(el).querySelector('[part~="error"]') === null,
    );
  });

  it('completes the session named in the address when Stripe redirects back to the page', async () => {
    const client = createShopClient({ endpoint: stripeShop.endpoint, publishableKey: stripeShop.publishableKey });
    const product = (await client.products.list({ in_stock: true, limit: 1 })).data[0]!;
    const cart = await client.carts.create({
      items: [{ variant_id: product.variants.find((v) => v.in_stock)!.id, quantity: 1 }],
    });
    const session = await client.checkout.create(cart.id);
    await client.checkout.update(session.id, {
      email: 'ada@example.com',
      shipping_address: {
        name: 'Ada Lovelace',
        line1: '1 Market St',
        city: 'San Francisco',
        region: 'CA',
        postal_code: '94105',
        country: 'US',
      },
      shipping_method_id: 'standard',
    });
    const payment = await client.checkout.startPayment(session.id);
    // What Stripe.js and the bank's page did before sending the shopper back.
    const form = new URLSearchParams({ client_secret: payment.client_secret, payment_method: 'pm_card_visa' });
    await fetch(`${stripeShop.api}/v1/payment_intents/${payment.intent_id}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${payment.publishable_key}` },
      body: form,
    });
    const back = new URL(address);
    for (const [k, v] of Object.entries({
      shop_checkout_session: session.id,
      payment_intent: payment.intent_id,
      payment_intent_client_secret: payment.client_secret,
      redirect_status: 'succeeded',
    }))
      back.searchParams.set(k, v);
    history.replaceState(history.state, '', back.href);
    const store = await fixture(
      html`<shop-store endpoint=${stripeShop.endpoint} publishable-key=${stripeShop.publishableKey}><shop-checkout></shop-checkout></shop-store>`,
    );
    const el = store.querySelector('shop-checkout')!;
    const { order } = (await nextEvent(el, 'shop-checkout-complete')).detail;
    expect(order.checkout_session_id).to.equal(session.id);
    expect(new URL(location.href).searchParams.has('payment_intent_client_secret')).to.equal(false);
    expect(new URL(location.href).searchParams.has('shop_checkout_session')).to.equal(false);
  });
});
