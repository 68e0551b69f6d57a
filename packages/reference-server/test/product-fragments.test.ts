// Catalog pages the response cache has not seen reuse products serialized for earlier pages;
// these tests show a reused product never reads older than the page around it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ProductList, type Product } from '@shoptag/sdk/contract';
import { systemClock } from '../src/clock.js';
import { createProductFragments } from '../src/services/catalog/index.js';
import type { ProductDocumentRow } from '../src/store/product-document-sql.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

forEachDatabase('products reused across catalog pages', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app.close());

  const admin = (path: string, method: string, body: unknown) =>
    app.request(path, { method, key: app.secretKey, ...json(body) });
  // Each call asks with another limit, so the response cache never answers: every page is new.
  let limit = 40;
  const freshPage = async (): Promise<Product[]> => {
    const res = await app.request(`/v1/products?limit=${limit--}`);
    assert.equal(res.status, 200);
    return ProductList.parse(res.body).data;
  };
  const find = (products: Product[], id: string) => {
    const product = products.find((p) => p.id === id);
    assert.ok(product, `${id} is listed`);
    return product;
  };

  test('a new page shows stock as it is now, though the same product was serialized for an earlier page', async () => {
    const [product] = (await freshPage()).filter((p) => p.variants.length === 1 && p.in_stock);
    assert.ok(product);
    const variant = product.variants[0]!;
    assert.equal((await admin(`/v1/admin/inventory/${variant.id}`, 'PUT', { on_hand: 0 })).status, 200);
    const soldOut = find(await freshPage(), product.id);
    assert.equal(soldOut.variants[0]!.available_quantity, 0);
    assert.equal(soldOut.in_stock, false);
    assert.equal((await admin(`/v1/admin/inventory/${variant.id}`, 'PUT', { on_hand: 5 })).status, 200);
    const restocked = find(await freshPage(), product.id);
    assert.equal(restocked.variants[0]!.available_quantity, 5);
    assert.equal(restocked.in_stock, true);
    // Back to stock it had before: the copy kept for that stock is right again, and is reused.
    assert.equal((await admin(`/v1/admin/inventory/${variant.id}`, 'PUT', { on_hand: 0 })).status, 200);
    assert.equal(find(await freshPage(), product.id).in_stock, false);
  });

  test('a new page after an admin edit shows the edit', async () => {
    const [product] = await freshPage();
    assert.ok(product);
    const res = await admin(`/v1/admin/products/${product.id}`, 'PATCH', { name: `${product.name} (edited)` });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(find(await freshPage(), product.id).name, `${product.name} (edited)`);
  });

  test('a page assembled from reused products reads exactly as one read afresh', async () => {
    const warm = await app.request('/v1/products?limit=30&sort=price_desc');
    await app.invalidateCache();
    await freshPage();
    const reused = await app.request('/v1/products?limit=30&sort=price_desc');
    const listed = ProductList.parse(reused.body);
    assert.ok(listed.data.length > 10);
    assert.deepEqual(reused.body, warm.body);
  });
});

test('with no memory given to it, nothing is reused: every page reads its products', async () => {
  const fragments = createProductFragments({ clock: systemClock, maxBytes: 0 });
  const loads: string[][] = [];
  const load = async (ids: string[]) => {
    loads.push(ids);
    return [] as ProductDocumentRow[];
  };
  const refs = [{ id: 'prod_a', stock_signature: '1' }];
  await fragments.render(refs, 'g1', load);
  await fragments.render(refs, 'g1', load);
  assert.deepEqual(loads, [['prod_a'], ['prod_a']]);
  assert.equal(fragments.size, 0);
});
