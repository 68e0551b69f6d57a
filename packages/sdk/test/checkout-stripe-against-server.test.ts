// The $checkout store with a reference server that takes payments through Stripe: the server's
// `stripe` library talks to a local Stripe API stand-in (no network), and each test confirms the
// PaymentIntent the way Stripe.js does in a page (publishable key + client secret).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import {
  createCheckoutStore,
  createShopClient,
  createShopError,
  type PaymentStart,
  type ShopClient,
} from '@shoptag/sdk';
import { startStripeStandIn, type StripeStandIn } from '../../reference-server/test/support/stripe-stand-in.js';

let stripe: StripeStandIn;
let server: StartedDemoServer;
let shop: ShopClient;
let variantId: string;
const address = {
  name: 'Ada Lovelace',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postal_code: '94105',
  country: 'US',
};

before(async () => {
  stripe = await startStripeStandIn();
  const env = { ...process.env, STRIPE_SECRET_KEY: 'sk_test_stand_in', STRIPE_PUBLISHABLE_KEY: 'pk_test_stand_in' };
  server = await startServer({
    port: 0,
    memory: true,
    demo: true,
    allowedOrigins: ['*'],
    quiet: true,
    env,
    stripeApi: stripe.api,
  });
  shop = createShopClient({ endpoint: server.url, publishableKey: server.publishableKey, retries: 0 });
  const page = await shop.products.list({ in_stock: true, limit: 1 });
  variantId = page.data[0]!.variants.find((v) => v.in_stock)!.id;
});
after(async () => {
  await server?.close();
  await stripe?.close();
});

/** What Stripe.js does on confirmPayment: the browser confirms with the publishable key and the client secret. */
async function confirmInBrowser(payment: PaymentStart, paymentMethod: string): Promise<void> {
  const { api } = stripe;
  const body = new URLSearchParams({ client_secret: payment.client_secret, payment_method: paymentMethod });
  const res = await fetch(`${api.protocol}://${api.host}:${api.port}/v1/payment_intents/${payment.intent_id}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${payment.publishable_key}` },
    body,
  });
  const answer = (await res.json()) as { error?: { type: string; code: string; message: string } };
  if (answer.error)
    throw createShopError({ type: 'card_error', code: answer.error.code, message: answer.error.message });
}

async function readyStore() {
  const cart = await shop.carts.create({ items: [{ variant_id: variantId, quantity: 1 }] });
  const checkout = createCheckoutStore(shop);
  const session = await checkout.start(cart.id);
  assert.equal(session.payment_provider, 'stripe');
  await checkout.update({ email: 'ada@example.com', shipping_address: address });
  await checkout.update({ shipping_method_id: checkout.$checkout.get().shippingMethods[0]!.id });
  const payment = await checkout.startPayment();
  assert.ok(payment);
  return { checkout, payment, cartId: cart.id };
}

test('a Stripe payment starts with the client secret and publishable key Stripe.js needs', async () => {
  const { payment } = await readyStore();
  assert.equal(payment.provider, 'stripe');
  assert.equal(payment.publishable_key, 'pk_test_stand_in');
  assert.match(payment.client_secret, /^pi_\w+_secret_\w+$/);
  assert.equal(stripe.intents.get(payment.intent_id)?.automatic_payment_methods?.enabled, true);
});

test('confirmAndPlaceOrder confirms once and places one order however often it is called', async () => {
  const { checkout, payment } = await readyStore();
  let confirmations = 0;
  const confirm = async () => {
    confirmations++;
    await confirmInBrowser(payment, 'pm_card_visa');
  };
  const [a, b, c] = await Promise.all([
    checkout.confirmAndPlaceOrder(confirm),
    checkout.confirmAndPlaceOrder(confirm),
    checkout.confirmAndPlaceOrder(confirm),
  ]);
  assert.equal(confirmations, 1);
  assert.ok(a && b && c);
  assert.equal(a.id, b.id);
  assert.equal(a.id, c.id);
  assert.equal(a.status, 'paid');
  assert.equal(a.payment.provider, 'stripe');
  assert.equal(stripe.intents.get(payment.intent_id)?.status, 'succeeded');
});

test('a confirmation Stripe refuses becomes the store error, places nothing and keeps the cart', async () => {
  const { checkout, payment, cartId } = await readyStore();
  assert.equal(await checkout.confirmAndPlaceOrder(() => confirmInBrowser(payment, 'pm_card_chargeDeclined')), null);
  const state = checkout.$checkout.get();
  assert.equal(state.status, 'error');
  assert.equal(state.error?.type, 'card_error');
  assert.equal(state.order, null);
  assert.equal((await shop.carts.get(cartId)).lines.length, 1);
  assert.equal((await checkout.confirmAndPlaceOrder(() => confirmInBrowser(payment, 'pm_card_visa')))?.status, 'paid');
});

test('completing a Stripe session the browser has not confirmed asks for the payment, and places nothing', async () => {
  const { checkout } = await readyStore();
  assert.equal(await checkout.placeOrder(), null);
  assert.equal(checkout.$checkout.get().error?.code, 'payment_method_required');
  assert.equal(checkout.$checkout.get().order, null);
});
