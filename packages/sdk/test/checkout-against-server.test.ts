// The checkout resource and the $checkout store against a real reference server (PGlite in
// memory, demo catalog, simulated payments).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import { CardError, createCheckoutStore, createShopClient, type ShopClient } from '@shoptag/sdk';
import { Order, ProductList } from '@shoptag/sdk/contract';

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
  server = await startServer({ port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true });
  shop = createShopClient({ endpoint: server.url, publishableKey: server.publishableKey, retries: 0 });
  const page = ProductList.parse(await shop.products.list({ in_stock: true, limit: 1 }));
  variantId = page.data[0]!.variants.find((v) => v.in_stock)!.id;
  await fetch(`${server.url}/v1/admin/inventory/${variantId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ on_hand: 50 }),
  });
});
after(() => server?.close());

async function readyStore() {
  const cart = await shop.carts.create({ items: [{ variant_id: variantId, quantity: 1 }] });
  const checkout = createCheckoutStore(shop);
  await checkout.start(cart.id);
  assert.equal(checkout.$checkout.get().step, 'contact');
  await checkout.update({ email: 'ada@example.com', shipping_address: address });
  const state = checkout.$checkout.get();
  assert.equal(state.step, 'shipping');
  assert.ok(state.shippingMethods.length > 0);
  await checkout.update({ shipping_method_id: state.shippingMethods[0]!.id });
  assert.equal(checkout.$checkout.get().step, 'payment');
  return checkout;
}

test('the store walks contact, shipping and payment, and a double-clicked Place order makes one order', async () => {
  const checkout = await readyStore();
  checkout.goTo('contact');
  assert.equal(checkout.$checkout.get().step, 'contact');
  checkout.goTo('review');
  assert.equal(checkout.$checkout.get().step, 'review');
  const payment = await checkout.startPayment();
  assert.equal(payment?.provider, 'simulated');
  const [a, b] = await Promise.all([checkout.placeOrder('pm_card_visa'), checkout.placeOrder('pm_card_visa')]);
  assert.ok(a && b);
  assert.equal(a.id, b.id);
  const state = checkout.$checkout.get();
  assert.equal(state.step, 'confirmation');
  assert.equal(state.order?.status, 'paid');
  Order.parse(await shop.orders.get(a.id, a.token));
});

test('field errors from the server land on their fields and the step stays', async () => {
  const cart = await shop.carts.create({ items: [{ variant_id: variantId, quantity: 1 }] });
  const checkout = createCheckoutStore(shop);
  await checkout.start(cart.id);
  assert.equal(
    await checkout.update({
      email: 'ada@example.com',
      shipping_address: { ...address, postal_code: '9410', region: 'XX' },
    }),
    null,
  );
  const state = checkout.$checkout.get();
  assert.equal(state.status, 'error');
  assert.match(state.fieldErrors['shipping_address.postal_code'] ?? '', /postal code/);
  assert.match(state.fieldErrors['shipping_address.region'] ?? '', /state/);
  assert.equal(state.step, 'contact');
});

test('a declined card shows a CardError and another card then places the order', async () => {
  const checkout = await readyStore();
  assert.equal(await checkout.placeOrder('pm_card_chargeDeclined'), null);
  const declined = checkout.$checkout.get();
  assert.ok(declined.error instanceof CardError);
  assert.equal(declined.error.code, 'card_declined');
  assert.equal(declined.step, 'payment');
  assert.equal((await checkout.placeOrder('pm_card_visa'))?.status, 'paid');
});

test('the authentication-required card waits for the challenge, then places the order', async () => {
  const checkout = await readyStore();
  assert.equal(await checkout.placeOrder('pm_card_authenticationRequired'), null);
  assert.equal(checkout.$checkout.get().status, 'requires_action');
  assert.equal(checkout.$checkout.get().action?.next_action.type, 'simulated_challenge');
  assert.equal((await checkout.authenticate('complete'))?.status, 'paid');
});

test('client.checkout sends every POST with an idempotency key that a retry can reuse', async () => {
  const cart = await shop.carts.create({ items: [{ variant_id: variantId, quantity: 1 }] });
  const session = await shop.checkout.create(cart.id);
  await shop.checkout.update(session.id, {
    email: 'b@example.com',
    shipping_address: address,
    shipping_method_id: 'standard',
  });
  const first = await shop.checkout.complete(
    session.id,
    { payment_method: 'pm_card_visa' },
    { idempotencyKey: 'sdk-retry-1' },
  );
  const again = await shop.checkout.complete(
    session.id,
    { payment_method: 'pm_card_visa' },
    { idempotencyKey: 'sdk-retry-1' },
  );
  assert.deepEqual(again, first);
});

test('a checkout whose coupon another order used up ends: the store shows it expired with coupon_used_up', async () => {
  const created = await fetch(`${server.url}/v1/admin/coupons`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'ONLYONCE', type: 'percentage', percent_off: 20, usage_limit: 1 }),
  });
  assert.equal(created.status, 200);
  const storeWithCoupon = async () => {
    const cart = await shop.carts.create({ items: [{ variant_id: variantId, quantity: 1 }] });
    await shop.carts.applyCoupon(cart.id, 'ONLYONCE');
    const checkout = createCheckoutStore(shop);
    await checkout.start(cart.id);
    await checkout.update({ email: 'ada@example.com', shipping_address: address });
    await checkout.update({ shipping_method_id: checkout.$checkout.get().shippingMethods[0]!.id });
    return checkout;
  };
  const winner = await storeWithCoupon();
  const loser = await storeWithCoupon();
  assert.ok(await winner.placeOrder('pm_card_visa'));
  assert.equal(await loser.placeOrder('pm_card_visa'), null);
  const state = loser.$checkout.get();
  assert.equal(state.status, 'expired');
  assert.equal(state.error?.code, 'coupon_used_up');
  assert.equal(state.session?.status, 'expired');
});
