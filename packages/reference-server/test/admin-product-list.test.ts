// The console's product list on both databases: every status, search by name, handle or SKU,
// category subtrees, stock filters, sorts and keyset pages that never repeat or skip a product.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AdminProductList, ErrorBody } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const draft = {
  handle: 'paper-lantern',
  name: 'Paper Lantern',
  category: 'lamps',
  status: 'draft',
  variants: [{ sku: 'LANTERN', price: 1500, stock: 0 }],
};

forEachDatabase('admin product list', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
    const created = await app.request('/v1/admin/products', {
      method: 'POST',
      key: app.secretKey,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(draft),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const archived = await app.request('/v1/admin/products/prod_fx07', {
      method: 'PATCH',
      key: app.secretKey,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'archived' }),
    });
    assert.equal(archived.status, 200, JSON.stringify(archived.body));
  });
  after(() => app?.close());

  const list = async (query: string) => {
    const res = await app.request(`/v1/admin/products${query}`, { key: app.secretKey });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return AdminProductList.parse(res.body);
  };
  const handles = (l: AdminProductList) => l.data.map((p) => p.handle).sort();

  test('lists drafts and archived products too, newest change first, with the total', async () => {
    const all = await list('?limit=100');
    assert.equal(all.total, 13);
    assert.equal(all.data.length, 13);
    assert.deepEqual(
      all.data.slice(0, 2).map((p) => [p.handle, p.status]),
      [
        ['fixture-product-7', 'archived'],
        ['paper-lantern', 'draft'],
      ],
      'archived last, created before it',
    );
    assert.deepEqual(handles(await list('?status=draft')), ['paper-lantern']);
    assert.deepEqual(handles(await list('?status=archived')), ['fixture-product-7']);
    assert.equal((await list('?status=active')).total, 11);
  });

  test('a row carries what the list shows: image, category, price range, variants and stock', async () => {
    const [row] = (await list('?q=FX-01-M')).data;
    assert.deepEqual(row, {
      object: 'product_summary',
      id: 'prod_fx01',
      handle: 'fixture-product-1',
      name: 'Fixture Product 1',
      status: 'active',
      category: { id: 'cat_shirts', name: 'Shirts' },
      image: { url: '/media/products/img_fx01.svg', alt: 'Product 1' },
      variant_count: 2,
      price_min: { amount: 2000, currency: 'USD' },
      price_max: { amount: 2500, currency: 'USD' },
      on_hand: 5,
      available: 5,
      created_at: row?.created_at,
      updated_at: row?.updated_at,
    });
  });

  test('search finds every word in the name, the handle or a SKU, case-insensitively', async () => {
    assert.deepEqual(handles(await list('?q=lantern')), ['paper-lantern']);
    assert.deepEqual(handles(await list('?q=fx-03')), ['fixture-product-3']);
    assert.deepEqual(handles(await list('?q=PRODUCT%201')), [
      'fixture-product-1',
      'fixture-product-10',
      'fixture-product-11',
      'fixture-product-12',
    ]);
    assert.deepEqual(handles(await list('?q=100%25')), [], 'a % is a literal character, not a wildcard');
  });

  test('a category filter takes the category and everything below it, by id or slug', async () => {
    const home = [
      'fixture-product-10',
      'fixture-product-12',
      'fixture-product-5',
      'fixture-product-6',
      'fixture-product-9',
      'paper-lantern',
    ];
    assert.deepEqual(handles(await list('?category=home')), home);
    assert.deepEqual(handles(await list('?category=cat_home')), home);
  });

  test('stock filters: nothing available, something available, and a variant at or under the threshold', async () => {
    assert.deepEqual(handles(await list('?stock=out_of_stock')), [
      'fixture-product-12',
      'fixture-product-2',
      'fixture-product-6',
      'paper-lantern',
    ]);
    assert.equal((await list('?stock=in_stock')).total, 9);
    assert.deepEqual(handles(await list('?stock=low_stock&low_stock_threshold=1')), [
      'fixture-product-1',
      'fixture-product-11',
      'fixture-product-12',
      'fixture-product-2',
      'fixture-product-4',
      'fixture-product-6',
      'fixture-product-8',
      'paper-lantern',
    ]);
    assert.deepEqual(handles(await list('?stock=out_of_stock&status=draft')), ['paper-lantern']);
  });

  test('pages in every sort follow one another without repeating or skipping a product', async () => {
    for (const sort of ['updated_desc', 'created_desc', 'name_asc', 'name_desc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: AdminProductList = await list(`?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.data.map((p) => p.id));
        cursor = page.next_cursor;
        assert.equal(page.has_more, cursor !== null);
      } while (cursor);
      assert.equal(seen.length, 13, sort);
      assert.equal(new Set(seen).size, 13, sort);
    }
    const names = (await list('?sort=name_asc&limit=100')).data.map((p) => p.name);
    assert.deepEqual(names.at(0), 'Fixture Product 1');
    assert.deepEqual(names.at(-1), 'Paper Lantern');
  });

  test('bad input is a 400 naming the parameter, an unknown category a 404', async () => {
    for (const [query, param] of [
      ['?status=gone', 'status'],
      ['?stock=some', 'stock'],
      ['?sort=price', 'sort'],
      ['?cursor=nonsense!', 'cursor'],
      ['?limit=0', 'limit'],
    ] as const) {
      const res = await app.request(`/v1/admin/products${query}`, { key: app.secretKey });
      assert.equal(res.status, 400, query);
      assert.equal(ErrorBody.parse(res.body).error.param, param, query);
    }
    const cursor = (await list('?sort=name_asc&limit=1')).next_cursor;
    const mismatch = await app.request(`/v1/admin/products?sort=updated_desc&cursor=${cursor}`, { key: app.secretKey });
    assert.equal(mismatch.status, 400);
    const missing = await app.request('/v1/admin/products?category=nowhere', { key: app.secretKey });
    assert.equal(missing.status, 404);
    assert.equal(ErrorBody.parse(missing.body).error.param, 'category');
  });

  test('the list needs a secret key', async () => {
    assert.equal((await app.request('/v1/admin/products')).status, 403);
  });
});
