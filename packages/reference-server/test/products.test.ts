import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody, Product, ProductList } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ids = (body: unknown) => ProductList.parse(body).data.map((p) => p.id.replace('prod_fx', ''));

forEachDatabase('GET /v1/products', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app.close());

  const list = async (query: string) => {
    const res = await app.request(`/v1/products${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  test('lists active products in curated order with the total, shaped by the contract', async () => {
    const body = ProductList.parse(await list(''));
    assert.equal(body.total, 12);
    assert.equal(body.has_more, false);
    assert.equal(body.next_cursor, null);
    assert.deepEqual(ids(body), ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
  });

  test("a product carries its lowest variant price, that variant's compare-at price and stock", async () => {
    const body = ProductList.parse(await list('?brand=strider&sort=price_asc'));
    const p8 = body.data.find((p) => p.id === 'prod_fx08');
    assert.deepEqual(p8?.price, { amount: 9900, currency: 'USD' });
    assert.deepEqual(p8?.compare_at_price, { amount: 12000, currency: 'USD' });
    assert.equal(p8?.in_stock, true);
    assert.deepEqual(
      p8?.variants.map((v) => [v.available_quantity, v.in_stock]),
      [
        [0, false],
        [4, true],
      ],
    );
    assert.deepEqual(p8?.category, { id: 'cat_running', slug: 'running-shoes', name: 'Running shoes' });
    assert.deepEqual(p8?.options, [{ name: 'Size', values: ['S', 'M'] }]);
    assert.equal(p8?.images[0]?.url, '/media/products/img_fx08.svg');
  });

  test('sorts by lowest price both ways, ties broken by id', async () => {
    assert.deepEqual(ids(await list('?sort=price_asc')), [
      '07',
      '01',
      '02',
      '11',
      '09',
      '05',
      '06',
      '10',
      '12',
      '03',
      '08',
      '04',
    ]);
    assert.deepEqual(ids(await list('?sort=price_desc')), [
      '04',
      '08',
      '03',
      '12',
      '10',
      '05',
      '06',
      '09',
      '01',
      '02',
      '11',
      '07',
    ]);
  });

  test('sorts by rating (average, then count) and by newest', async () => {
    assert.deepEqual(ids(await list('?sort=rating')), [
      '04',
      '08',
      '02',
      '09',
      '01',
      '05',
      '11',
      '03',
      '10',
      '06',
      '12',
      '07',
    ]);
    assert.deepEqual(ids(await list('?sort=newest')), [
      '12',
      '11',
      '10',
      '09',
      '08',
      '07',
      '06',
      '05',
      '04',
      '03',
      '02',
      '01',
    ]);
  });

  test('a category filter includes every level of its subcategories, by id or slug', async () => {
    assert.deepEqual(ids(await list('?category=apparel')), ['01', '02', '03', '04', '07', '08', '11']);
    assert.deepEqual(ids(await list('?category=cat_shoes')), ['03', '04', '08']);
    assert.deepEqual(ids(await list('?category=running-shoes')), ['04', '08']);
    assert.deepEqual(ProductList.parse(await list('?category=empty')).total, 0);
  });

  test('an unknown category is a 404 naming the category param', async () => {
    const res = await app.request('/v1/products?category=nope');
    assert.equal(res.status, 404);
    assert.equal(ErrorBody.parse(res.body).error.param, 'category');
  });

  test('brand matches case-insensitively', async () => {
    assert.deepEqual(ids(await list('?brand=acme')), ['01', '02', '07', '12']);
  });

  test('price bounds apply to the lowest variant price, inclusive', async () => {
    assert.deepEqual(ids(await list('?min_price=2000&max_price=4500&sort=price_asc')), [
      '01',
      '02',
      '11',
      '09',
      '05',
      '06',
    ]);
    assert.deepEqual(ids(await list('?min_price=9900&max_price=9900')), ['08']);
  });

  test('in_stock keeps products with an available variant, or only those without', async () => {
    assert.deepEqual(ids(await list('?in_stock=true')), ['01', '03', '04', '05', '07', '08', '09', '10', '11']);
    assert.deepEqual(ids(await list('?in_stock=false')), ['02', '06', '12']);
  });

  test('in_stock counts enabled variants only, as the product itself shows stock', async () => {
    await target.db.query(`UPDATE variants SET enabled = false WHERE product_id = 'prod_fx01'`);
    await app.invalidateCache();
    try {
      assert.ok(!ids(await list('?in_stock=true')).includes('01'));
      assert.ok(ids(await list('?in_stock=false')).includes('01'));
    } finally {
      await target.db.query(`UPDATE variants SET enabled = true WHERE product_id = 'prod_fx01'`);
      await app.invalidateCache();
    }
  });

  test('filters combine, and the total counts every match', async () => {
    const body = ProductList.parse(await list('?category=home&in_stock=true&max_price=5000&limit=1'));
    assert.equal(body.total, 2);
    assert.deepEqual(ids(body), ['05']);
    assert.equal(body.has_more, true);
  });

  for (const sort of ['relevance', 'price_asc', 'price_desc', 'rating', 'newest']) {
    test(`cursor paging with sort=${sort} visits every product once, in the unpaged order`, async () => {
      const whole = ids(await list(`?sort=${sort}`));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = ProductList.parse(await list(`?sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`));
        assert.equal(page.total, 12);
        seen.push(...ids(page));
        cursor = page.next_cursor;
        assert.equal(page.has_more, cursor !== null);
        pages += 1;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, whole);
    });
  }

  test('page numbers are 1-based and agree with cursor paging', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map(async (page) => ids(await list(`?sort=price_asc&limit=5&page=${page}`))),
    );
    assert.deepEqual(pages, [['07', '01', '02', '11', '09'], ['05', '06', '10', '12', '03'], ['08', '04'], []]);
    const beyond = ProductList.parse(await list('?limit=5&page=4'));
    assert.equal(beyond.total, 12);
    assert.equal(beyond.has_more, false);
  });

  test('limit defaults to 24 and accepts 1 and 100', async () => {
    assert.equal(ProductList.parse(await list('?limit=1')).data.length, 1);
    assert.equal(ProductList.parse(await list('?limit=100')).data.length, 12);
  });

  test('draft and archived products are not listed nor found', async () => {
    await target.db.query(`UPDATE products SET status = 'draft' WHERE id = 'prod_fx01'`);
    await target.db.query(`UPDATE products SET status = 'archived' WHERE id = 'prod_fx02'`);
    try {
      const body = ProductList.parse(await list('?category=shirts'));
      assert.deepEqual(ids(body), ['11']);
      assert.equal((await app.request('/v1/products/prod_fx01')).status, 404);
    } finally {
      await target.db.query(`UPDATE products SET status = 'active' WHERE id IN ('prod_fx01', 'prod_fx02')`);
    }
  });

  test('one product is found by id and by handle', async () => {
    const byId = await app.request('/v1/products/prod_fx05');
    const byHandle = await app.request('/v1/products/fixture-product-5');
    assert.equal(byId.status, 200);
    assert.deepEqual(Product.parse(byId.body), Product.parse(byHandle.body));
  });

  test('an unknown product is a 404 resource_missing naming id', async () => {
    for (const path of ['/v1/products/prod_nope', '/v1/products/no-such-handle', '/v1/products/bad.chars']) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      const { error } = ErrorBody.parse(res.body);
      assert.equal(error.code, 'resource_missing');
      assert.equal(error.param, 'id');
      assert.match(error.request_id, /^req_/);
    }
  });
});
