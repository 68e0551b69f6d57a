// The cart resources and the reactive cart store against a real reference server (PGlite in
// memory, demo catalog): optimistic changes, rollback with the error surfaced, serialized
// changes ending on the server's cart, and the cart id kept in the given storage.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import {
  createCartStore,
  createMemoryStorage,
  createShopClient,
  getCartStore,
  InvalidRequestError,
  type Cart,
  type ProductVariant,
  type ShopClient,
} from '@shoptag/sdk';
import { AvailabilityList, Cart as CartSchema } from '@shoptag/sdk/contract';

let server: StartedDemoServer;
let fetchCount = 0;
const countingFetch: typeof fetch = (input, init) => {
  fetchCount++;
  return fetch(input, init);
};
let variants: ProductVariant[];

const newClient = (storage = createMemoryStorage()): ShopClient =>
  createShopClient({
    endpoint: server.url,
    publishableKey: server.publishableKey,
    retries: 2,
    fetch: countingFetch,
    storage,
  });

before(async () => {
  server = await startServer({ port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true });
  const page = await newClient().products.list({ in_stock: true, limit: 50 });
  variants = page.data
    .flatMap((p) => p.variants)
    .filter((v) => v.available_quantity >= 3 && v.available_quantity <= 15);
  assert.ok(variants.length >= 4, 'the demo catalog has variants with a few units in stock');
});
after(() => server?.close());

test('client.carts creates, changes and reads a cart the server prices', async () => {
  const shop = newClient();
  const [a, b] = variants;
  let cart = await shop.carts.create({ items: [{ variant_id: a!.id, quantity: 2 }] });
  CartSchema.parse(cart);
  cart = await shop.carts.addItem(cart.id, { variant_id: b!.id, quantity: 1 });
  assert.equal(cart.item_count, 3);
  const lineA = cart.lines.find((l) => l.variant_id === a!.id)!;
  assert.equal(lineA.line_total.amount, a!.price.amount * 2);
  cart = await shop.carts.updateItem(cart.id, lineA.id, 1);
  cart = await shop.carts.removeItem(cart.id, cart.lines.find((l) => l.variant_id === b!.id)!.id);
  assert.equal(cart.item_count, 1);
  cart = await shop.carts.applyCoupon(cart.id, 'freeship');
  assert.equal(cart.coupon?.code, 'FREESHIP');
  assert.equal(cart.totals.shipping.amount, 0);
  cart = await shop.carts.removeCoupon(cart.id);
  assert.equal(cart.coupon, null);
  assert.deepEqual({ ...(await shop.carts.get(cart.id)), expires_at: '' }, { ...cart, expires_at: '' });
});

test('client.inventory answers availability for variant ids', async () => {
  const list = await newClient().inventory.get([variants[0]!.id, 'var_doesnotexist']);
  AvailabilityList.parse(list);
  assert.deepEqual(
    list.data.map((d) => d.variant_id),
    [variants[0]!.id],
  );
});

test('out of stock arrives as InvalidRequestError with the available quantity, without retries', async () => {
  const shop = newClient();
  const v = variants[1]!;
  const cart = await shop.carts.create();
  const before = fetchCount;
  await assert.rejects(
    shop.carts.addItem(cart.id, { variant_id: v.id, quantity: v.available_quantity + 1 }),
    (err: unknown) => {
      assert.ok(err instanceof InvalidRequestError);
      assert.equal(err.statusCode, 409);
      assert.equal(err.code, 'out_of_stock');
      assert.equal(err.details?.available, v.available_quantity);
      return true;
    },
  );
  assert.equal(fetchCount - before, 1);
});

test('the cart store creates the cart on the first add and keeps its id in the given storage', async () => {
  const storage = createMemoryStorage();
  const store = createCartStore(newClient(storage));
  assert.equal(store.$cart.get(), null);
  assert.equal(store.$cartCount.get(), 0);
  const cart = await store.add(variants[0]!.id, 2);
  assert.equal(store.$cart.get()?.id, cart.id);
  assert.equal(store.$cartCount.get(), 2);
  assert.deepEqual(store.$cartStatus.get(), { state: 'idle', error: null });
  assert.equal(storage.getItem(`shoptag:cart:${server.url}`), cart.id);

  // Another store on the same storage (a new visit) picks the cart up.
  const later = createCartStore(newClient(storage));
  assert.equal((await later.refresh())?.id, cart.id);
  assert.equal(later.$cartCount.get(), 2);
});

test('a change shows at once, before the server answers', async () => {
  const store = createCartStore(newClient());
  await store.add(variants[0]!.id, 1);
  const line = store.$cart.get()!.lines[0]!;
  const counts: number[] = [];
  const unsubscribe = store.$cartCount.subscribe((n) => counts.push(n));
  const pending = store.update(line.id, 3);
  assert.equal(store.$cartCount.get(), 3, 'optimistic');
  assert.equal(store.$cart.get()!.lines[0]!.line_total.amount, line.unit_price.amount * 3);
  assert.equal(store.$cartStatus.get().state, 'pending');
  await pending;
  unsubscribe();
  assert.equal(store.$cartCount.get(), 3);
  assert.equal(store.$cartStatus.get().state, 'idle');
  assert.deepEqual(counts, [1, 3]);
});

test('a failed change is rolled back and its error surfaced in $cartStatus', async () => {
  const store = createCartStore(newClient());
  const v = variants[2]!;
  await store.add(v.id, 1);
  const before = store.$cart.get();
  const failing = store.add(v.id, v.available_quantity + 5);
  assert.equal(store.$cartCount.get(), 1 + v.available_quantity + 5, 'shown optimistically');
  await assert.rejects(failing, InvalidRequestError);
  assert.deepEqual(store.$cart.get(), before, 'rolled back to the server cart');
  assert.equal(store.$cartCount.get(), 1);
  const status = store.$cartStatus.get();
  assert.equal(status.state, 'error');
  assert.equal(status.error?.code, 'out_of_stock');
  // The next change that works clears the error.
  await store.update(before!.lines[0]!.id, 2);
  assert.equal(store.$cartStatus.get().state, 'idle');
});

test('changes fired together run one at a time and end exactly on the server cart', async () => {
  const shop = newClient();
  const store = createCartStore(shop);
  const [a, b, c] = variants;
  await store.add(a!.id, 1);
  const lineA = store.$cart.get()!.lines[0]!.id;
  const results = await Promise.allSettled([
    store.add(b!.id, 1),
    store.update(lineA, 2),
    store.add(c!.id, 2),
    store.add(b!.id, 1),
    store.update(lineA, 3),
    store.applyCoupon('NOT-A-CODE'),
    store.applyCoupon('WELCOME10'),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
  );
  const shown = store.$cart.get() as Cart;
  const server = await shop.carts.get(shown.id);
  assert.deepEqual({ ...shown, expires_at: '' }, { ...server, expires_at: '' });
  assert.equal(shown.item_count, 3 + 2 + 2);
  assert.equal(shown.coupon?.code, 'WELCOME10');
  assert.ok(shown.totals.discount.amount > 0);
  assert.equal(store.$cartStatus.get().state, 'idle');
});

test('a stored cart id that expired is forgotten and the next add starts a new cart', async () => {
  const storage = createMemoryStorage();
  storage.setItem(`shoptag:cart:${server.url}`, 'cart_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  const store = createCartStore(newClient(storage));
  assert.equal(await store.refresh(), null);
  storage.setItem(`shoptag:cart:${server.url}`, 'cart_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  const cart = await store.add(variants[0]!.id);
  assert.notEqual(cart.id, 'cart_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  assert.equal(storage.getItem(`shoptag:cart:${server.url}`), cart.id);
  store.clear();
  assert.equal(store.$cart.get(), null);
  assert.equal(storage.getItem(`shoptag:cart:${server.url}`), null);
});

test('createShopClient accepts a storage option and still rejects unknown options', () => {
  assert.doesNotThrow(() =>
    createShopClient({ endpoint: server.url, publishableKey: server.publishableKey, storage: createMemoryStorage() }),
  );
  assert.throws(
    () => createShopClient({ endpoint: server.url, publishableKey: server.publishableKey, storage: {} as never }),
    /storage/,
  );
  assert.throws(
    () => createShopClient({ endpoint: server.url, publishableKey: server.publishableKey, store: 1 } as never),
    /unknown option "store"/,
  );
});

test('clear() forgets the cart even when a change sent before it answers after it', async () => {
  const storage = createMemoryStorage();
  const store = createCartStore(newClient(storage));
  await store.add(variants[0]!.id, 1);
  const late = store.add(variants[1]!.id, 1);
  store.clear();
  await late;
  assert.equal(store.$cart.get(), null);
  assert.equal(store.$cartCount.get(), 0);
  assert.equal(storage.getItem(`shoptag:cart:${server.url}`), null);
  const fresh = await store.add(variants[0]!.id, 1);
  assert.equal(fresh.item_count, 1);
});

test('getCartStore gives each client one cart store, so every view of a client moves together', async () => {
  const shop = newClient();
  const other = newClient();
  const cart = getCartStore(shop);
  assert.equal(getCartStore(shop), cart);
  assert.notEqual(getCartStore(other), cart);
  await getCartStore(shop).add(variants[0]!.id, 1);
  assert.equal(cart.$cartCount.get(), 1);
  assert.equal(getCartStore(other).$cartCount.get(), 0);
});
