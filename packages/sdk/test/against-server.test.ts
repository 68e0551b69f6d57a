// The SDK against a real reference server (PGlite in memory, seeded demo catalog): types and
// runtime agree, errors arrive typed, paging walks the whole catalog.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import { AuthenticationError, createShopClient, InvalidRequestError, type ShopClient } from '@shoptag/sdk';
import { Category, CategoryTree, Product, ProductList } from '@shoptag/sdk/contract';

let server: StartedDemoServer;
let shop: ShopClient;

before(async () => {
  server = await startServer({ port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true });
  shop = createShopClient({ endpoint: server.url, publishableKey: server.publishableKey, retries: 0 });
});
after(() => server?.close());

test('a product page from the server matches the contract schema', async () => {
  const page = await shop.products.list({ limit: 24 });
  ProductList.parse(page);
  assert.equal(page.data.length, 24);
  assert.ok((page.total ?? 0) >= 200);
  assert.equal(page.has_more, true);
});

test('filters and sort reach the server: in-stock products under $50, cheapest first', async () => {
  const page = await shop.products.list({ max_price: 5000, in_stock: true, sort: 'price_asc', limit: 50 });
  assert.ok(page.data.length > 0);
  for (const p of page.data) {
    assert.ok(p.price.amount <= 5000);
    assert.equal(p.in_stock, true);
  }
  const prices = page.data.map((p) => p.price.amount);
  assert.deepEqual(
    prices,
    [...prices].sort((a, b) => a - b),
  );
});

test('iterate walks every product of a category exactly once', async () => {
  const tree = await shop.categories.list();
  CategoryTree.parse(tree);
  const category = tree.data[0]!;
  const seen: string[] = [];
  for await (const p of shop.products.iterate({ category: category.slug, limit: 7 })) seen.push(p.id);
  assert.equal(new Set(seen).size, seen.length);
  assert.equal(seen.length, category.product_count);
});

test('a product is found by handle and by id', async () => {
  const [first] = (await shop.products.list({ limit: 1 })).data;
  const byHandle = await shop.products.get(first!.handle);
  Product.parse(byHandle);
  assert.equal((await shop.products.get(byHandle.id)).handle, first!.handle);
  Category.parse(await shop.categories.get(byHandle.category.slug));
});

test('a bad parameter arrives as InvalidRequestError naming the param', async () => {
  await assert.rejects(shop.products.list({ limit: 101 }), (err: unknown) => {
    assert.ok(err instanceof InvalidRequestError);
    assert.equal(err.statusCode, 400);
    assert.equal(err.param, 'limit');
    assert.match(err.requestId ?? '', /^req_/);
    return true;
  });
});

test('an unknown product arrives as a 404 resource_missing', async () => {
  await assert.rejects(shop.products.get('no-such-product'), (err: unknown) => {
    assert.ok(err instanceof InvalidRequestError);
    assert.equal(err.statusCode, 404);
    assert.equal(err.code, 'resource_missing');
    return true;
  });
});

test('a wrong key arrives as AuthenticationError', async () => {
  const stranger = createShopClient({
    endpoint: server.url,
    publishableKey: 'pk_test_notarealkeynotarealkey00',
    retries: 0,
  });
  await assert.rejects(stranger.products.list(), AuthenticationError);
});

test('health names the embedded components', async () => {
  const health = await shop.health();
  assert.deepEqual(health.components, { database: 'pglite', cache: 'memory', payments: 'simulated' });
});
