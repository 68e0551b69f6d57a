// The SDK calls only what the contract lists: every client method sends one request whose method
// and path are a ROUTES entry (the one it means), with path parameters, headers, query and body
// that the entry's schemas accept; and every storefront route of the contract has a client method.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShopClient, type ShopClient } from '@shoptag/sdk';
import { ROUTES, type RouteId, type RouteSpec } from '@shoptag/sdk/contract';

const ENDPOINT = 'https://shop.test';
const CART = `cart_${'C'.repeat(26)}`;
const SESSION = `cs_${'S'.repeat(26)}`;

interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** One call per client method, and the route it is meant to reach. */
const CALLS: Record<string, { route: RouteId; call: (shop: ShopClient) => Promise<unknown> }> = {
  health: { route: 'getHealth', call: (shop) => shop.health() },
  'products.list': {
    route: 'listProducts',
    call: (shop) => shop.products.list({ limit: 5, in_stock: true, category: 'mugs', sort: 'price_asc' }),
  },
  'products.get': { route: 'getProduct', call: (shop) => shop.products.get('linen-shirt') },
  'products.related': { route: 'listRelatedProducts', call: (shop) => shop.products.related('prod_01', { limit: 4 }) },
  'products.iterate': {
    route: 'listProducts',
    call: async (shop) => {
      for await (const product of shop.products.iterate({ brand: 'Acme' })) void product;
    },
  },
  'categories.list': { route: 'listCategories', call: (shop) => shop.categories.list() },
  'categories.get': { route: 'getCategory', call: (shop) => shop.categories.get('mugs') },
  'search.query': {
    route: 'searchProducts',
    call: (shop) => shop.search.query({ q: 'linen shirt', options: ['Size:M'], sort: 'price_asc' }),
  },
  'search.suggest': { route: 'suggest', call: (shop) => shop.search.suggest('lin', { limit: 5 }) },
  'carts.create': {
    route: 'createCart',
    call: (shop) => shop.carts.create({ items: [{ variant_id: 'var_01', quantity: 2 }] }),
  },
  'carts.get': { route: 'getCart', call: (shop) => shop.carts.get(CART) },
  'carts.addItem': {
    route: 'addCartItem',
    call: (shop) => shop.carts.addItem(CART, { variant_id: 'var_01', quantity: 1 }),
  },
  'carts.updateItem': { route: 'updateCartItem', call: (shop) => shop.carts.updateItem(CART, 'line_01', 3) },
  'carts.removeItem': { route: 'removeCartItem', call: (shop) => shop.carts.removeItem(CART, 'line_01') },
  'carts.applyCoupon': { route: 'applyCartCoupon', call: (shop) => shop.carts.applyCoupon(CART, 'WELCOME10') },
  'carts.removeCoupon': { route: 'removeCartCoupon', call: (shop) => shop.carts.removeCoupon(CART) },
  'inventory.get': { route: 'getInventory', call: (shop) => shop.inventory.get(['var_01', 'var_02']) },
  'checkout.create': { route: 'createCheckoutSession', call: (shop) => shop.checkout.create(CART) },
  'checkout.get': { route: 'getCheckoutSession', call: (shop) => shop.checkout.get(SESSION) },
  'checkout.update': {
    route: 'updateCheckoutSession',
    call: (shop) => shop.checkout.update(SESSION, { email: 'ada@example.com', shipping_method_id: 'standard' }),
  },
  'checkout.shippingMethods': { route: 'listShippingMethods', call: (shop) => shop.checkout.shippingMethods(SESSION) },
  'checkout.startPayment': { route: 'startCheckoutPayment', call: (shop) => shop.checkout.startPayment(SESSION) },
  'checkout.authenticate': {
    route: 'authenticateCheckoutPayment',
    call: (shop) => shop.checkout.authenticate(SESSION, 'complete'),
  },
  'checkout.complete': {
    route: 'completeCheckoutSession',
    call: (shop) => shop.checkout.complete(SESSION, { payment_method: 'pm_card_visa' }),
  },
  'orders.get': { route: 'getOrder', call: (shop) => shop.orders.get('ord_01', 'otok_abc123') },
};

/** A client whose fetch records each request and answers an empty last page. */
function recordingClient(): { shop: ShopClient; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({
      method: init?.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : String(input)),
      headers: new Headers(init?.headers),
      body,
    });
    const page = { object: 'list', data: [], has_more: false, next_cursor: null };
    return Promise.resolve(
      new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  };
  return {
    shop: createShopClient({ endpoint: ENDPOINT, publishableKey: 'pk_test_routes', fetch, retries: 0 }),
    requests,
  };
}

/** `client.x.y` names of every function the client exposes (its resources' methods and its own). */
/** Client methods that send no request of their own (listeners), so have no route. */
const LOCAL_METHODS = new Set(['onReconnect']);

function clientMethods(shop: ShopClient): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(shop)) {
    if (typeof value === 'function') {
      if (!LOCAL_METHODS.has(name)) names.push(name);
    } else if (name !== 'storage' && value !== null && typeof value === 'object') {
      for (const [method, fn] of Object.entries(value)) if (typeof fn === 'function') names.push(`${name}.${method}`);
    }
  }
  return names.sort();
}

function pathPattern(spec: RouteSpec): RegExp {
  const source = spec.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

/** The contract routes a request's method and path match (more than one would make the table ambiguous). */
function routesMatching(request: Recorded): RouteId[] {
  return (Object.entries(ROUTES) as [RouteId, RouteSpec][])
    .filter(([, spec]) => spec.method.toUpperCase() === request.method && pathPattern(spec).test(request.url.pathname))
    .map(([id]) => id);
}

test('the call table covers every method of the client', () => {
  assert.deepEqual(clientMethods(recordingClient().shop), Object.keys(CALLS).sort());
});

test('onReconnect only listens: subscribing and unsubscribing send no request', () => {
  const { shop, requests } = recordingClient();
  const stop = shop.onReconnect(() => {});
  stop();
  assert.equal(requests.length, 0);
});

for (const [name, { route, call }] of Object.entries(CALLS)) {
  test(`client.${name} calls ${route}, with parameters, headers, query and body its schemas accept`, async () => {
    const { shop, requests } = recordingClient();
    await call(shop);
    assert.equal(
      requests.length,
      1,
      `expected one request, saw ${requests.map((r) => `${r.method} ${r.url.pathname}`).join(', ')}`,
    );
    const request = requests[0]!;
    assert.equal(request.url.origin, ENDPOINT);
    assert.deepEqual(routesMatching(request), [route], `${request.method} ${request.url.pathname}`);

    const spec: RouteSpec = ROUTES[route];
    const params = pathPattern(spec).exec(request.url.pathname)?.groups ?? {};
    const decoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)]));
    if (spec.params) assert.ok(spec.params.safeParse(decoded).success, `path parameters ${JSON.stringify(decoded)}`);
    else assert.deepEqual(decoded, {});

    if (spec.headers) {
      // The route's own headers, by the names the schema gives them (HTTP matches them in any case).
      const sent = Object.fromEntries(
        Object.keys(spec.headers.shape).flatMap((name) =>
          request.headers.has(name) ? [[name, request.headers.get(name)]] : [],
        ),
      );
      const parsed = spec.headers.safeParse(sent);
      assert.ok(parsed.success, `headers ${JSON.stringify(sent)}: ${parsed.error?.message ?? ''}`);
    }

    const query = Object.fromEntries(request.url.searchParams);
    if (spec.query) {
      const parsed = spec.query.safeParse(query);
      assert.ok(parsed.success, `query ${JSON.stringify(query)}: ${parsed.error?.message ?? ''}`);
    } else assert.deepEqual(query, {}, 'a query the route does not take');

    if (spec.body) {
      const parsed = spec.body.safeParse(request.body);
      assert.ok(parsed.success, `body ${JSON.stringify(request.body)}: ${parsed.error?.message ?? ''}`);
    } else
      assert.ok(
        request.body === undefined || JSON.stringify(request.body) === '{}',
        `a body the route does not take: ${JSON.stringify(request.body)}`,
      );
  });
}

test('every storefront route of the contract has a client method, and none needs a secret key', () => {
  const called = new Set(Object.values(CALLS).map((c) => c.route));
  const storefront = (Object.entries(ROUTES) as [RouteId, RouteSpec][])
    .filter(([, spec]) => spec.auth === 'publishable')
    .map(([id]) => id);
  assert.deepEqual(
    storefront.filter((id) => !called.has(id)),
    [],
    'storefront routes the SDK cannot reach',
  );
  assert.deepEqual(
    [...called].filter((id) => ROUTES[id].auth === 'secret'),
    [],
    'the SDK holds a publishable key only',
  );
});
