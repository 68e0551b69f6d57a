import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody, RelatedList, SearchResult, SuggestResult } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { searchCatalog } from './support/search-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ids = (products: { id: string }[]) => products.map((p) => Number(p.id.replace('prod_sx', '')));

forEachDatabase('GET /v1/search', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: searchCatalog() });
  });
  after(() => app.close());

  const search = async (query: string) => {
    const res = await app.request(`/v1/search?${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return SearchResult.parse(res.body);
  };

  test('ranks a word in the name above brand, category and description', async () => {
    const result = await search('q=aurora');
    assert.deepEqual(ids(result.data), [7, 8, 9, 10]);
    assert.equal(result.total, 4);
    assert.equal(result.q, 'aurora');
  });

  test('finds a product when one letter of a word is wrong, missing, extra or swapped', async () => {
    for (const typo of ['aurira', 'auora', 'auroraa', 'aruora', 'auorra']) {
      assert.deepEqual(
        ids((await search(`q=${typo}`)).data).sort((a, b) => a - b),
        [7, 8, 9, 10],
        typo,
      );
    }
    assert.deepEqual(ids((await search('q=lnien')).data), [1, 5]);
  });

  test('matches partial words by prefix, and every word must match', async () => {
    assert.deepEqual(
      ids((await search('q=auro')).data).sort((a, b) => a - b),
      [7, 8, 9, 10],
    );
    assert.deepEqual(ids((await search('q=linen%20shi')).data), [1]);
    assert.deepEqual(ids((await search('q=linen%20shrit')).data), [1]);
    assert.equal((await search('q=zzzzqqq')).total, 0);
  });

  test('punctuation and tsquery syntax in q are only word separators', async () => {
    assert.deepEqual(ids((await search(`q=${encodeURIComponent("linen' & !(shirt:*")}`)).data), [1]);
  });

  test('applies the list filters, option values and a minimum rating', async () => {
    assert.deepEqual(ids((await search('q=lamp&max_price=10000')).data), [5]);
    assert.deepEqual(ids((await search('category=running&sort=price_asc')).data), [4, 3]);
    assert.deepEqual(ids((await search('brand=strider&in_stock=false')).data), [11]);
    assert.deepEqual(ids((await search('options=Size:M&sort=price_asc')).data), [1, 2]);
    assert.deepEqual(ids((await search('options=Size:M,Size:42&sort=price_asc')).data), [1, 2, 4, 3]);
    assert.deepEqual(ids((await search('min_rating=4&category=apparel&sort=rating')).data), [3, 1, 11, 9, 4]);
  });

  test('sorts by price, rating and newest', async () => {
    // "shirt" is in two names and in the category of four more.
    assert.deepEqual(ids((await search('q=shirt&sort=price_desc')).data), [2, 1, 7, 8, 10, 11]);
    assert.deepEqual(ids((await search('q=strider&sort=rating')).data), [3, 11, 4]);
    assert.deepEqual(ids((await search('q=lamp&sort=newest')).data), [6, 5]);
  });

  test('counts facets for the current query and filters', async () => {
    const { facets } = await search('q=lamp');
    assert.deepEqual(facets.brand, [{ value: 'Lumo', count: 2 }]);
    assert.deepEqual(facets.category, [{ id: 'cat_lamps', slug: 'lamps', name: 'Lamps', count: 2 }]);
    assert.deepEqual(facets.price, [
      { min: 0, max: 2500, count: 0 },
      { min: 2500, max: 5000, count: 0 },
      { min: 5000, max: 10000, count: 1 },
      { min: 10000, max: 20000, count: 1 },
      { min: 20000, max: null, count: 0 },
    ]);
    assert.deepEqual(facets.in_stock, { in_stock: 2, out_of_stock: 0 });
    assert.deepEqual(facets.rating, [
      { min: 4, count: 1 },
      { min: 3, count: 1 },
      { min: 2, count: 2 },
      { min: 1, count: 2 },
    ]);
    assert.deepEqual(facets.options, [{ name: 'Size', values: [{ value: 'One size', count: 2 }] }]);
    const shirts = await search('category=shirts&in_stock=true');
    assert.deepEqual(shirts.facets.brand, [
      { value: 'Kestrel', count: 2 },
      { value: 'Acme', count: 1 },
      { value: 'Aurora', count: 1 },
    ]);
    assert.deepEqual(shirts.facets.in_stock, { in_stock: 4, out_of_stock: 0 });
  });

  test('facets can be chosen, or left out', async () => {
    assert.deepEqual(Object.keys((await search('q=lamp&facets=brand,in_stock')).facets).sort(), ['brand', 'in_stock']);
    assert.deepEqual((await search('q=lamp&facets=')).facets, {});
  });

  test('pages with a cursor without repeats or gaps', async () => {
    const first = await search('limit=4&sort=price_asc');
    assert.equal(first.total, 11);
    assert.equal(first.has_more, true);
    const second = await search(`limit=4&sort=price_asc&cursor=${first.next_cursor ?? ''}`);
    const third = await search(`limit=4&sort=price_asc&cursor=${second.next_cursor ?? ''}`);
    assert.equal(third.has_more, false);
    assert.equal(third.next_cursor, null);
    const all = [...first.data, ...second.data, ...third.data].map((p) => p.id);
    assert.equal(new Set(all).size, 11);
    assert.deepEqual(ids((await search('limit=4&page=2&sort=price_asc')).data), ids(second.data));
  });

  test('draft and archived products are not found', async () => {
    await target.db.query(`UPDATE products SET status = 'draft' WHERE id = 'prod_sx07'`);
    await target.db.query(`UPDATE products SET status = 'archived' WHERE id = 'prod_sx08'`);
    await app.invalidateCache();
    try {
      assert.deepEqual(ids((await search('q=aurora')).data), [9, 10]);
    } finally {
      await target.db.query(`UPDATE products SET status = 'active' WHERE id IN ('prod_sx07', 'prod_sx08')`);
      await app.invalidateCache();
    }
  });

  test('price filters, sorts and facets follow variant price changes, additions and removals', async () => {
    await target.db.query(`UPDATE variants SET price_amount = 20000 WHERE id = 'var_sx050'`);
    await app.invalidateCache();
    try {
      assert.deepEqual(ids((await search('q=lamp&max_price=10000')).data), []);
      assert.deepEqual(ids((await search('q=lamp&sort=price_asc')).data), [6, 5]);
      assert.deepEqual((await search('q=lamp&min_price=20000')).total, 1);
      await target.db.query(
        `INSERT INTO variants (id, product_id, sku, title, price_amount, currency, position) VALUES ('var_sx069', 'prod_sx06', 'SX-06-9', 'Mini', 900, 'USD', 9)`,
      );
      await app.invalidateCache();
      assert.deepEqual(ids((await search('q=lamp&sort=price_asc')).data), [6, 5]);
      assert.deepEqual(ids((await search('q=lamp&max_price=1000')).data), [6]);
      assert.equal((await search('q=lamp')).facets.price?.[0]?.count, 1);
      await target.db.query(`DELETE FROM variants WHERE id = 'var_sx069'`);
      await app.invalidateCache();
      assert.deepEqual(ids((await search('q=lamp&max_price=1000')).data), []);
    } finally {
      await target.db.query(`DELETE FROM variants WHERE id = 'var_sx069'`);
      await target.db.query(`UPDATE variants SET price_amount = 6000 WHERE id = 'var_sx050'`);
      await app.invalidateCache();
    }
    assert.deepEqual(ids((await search('q=lamp&max_price=10000')).data), [5]);
  });

  test('a product whose last unit is reserved or sold drops out of in_stock=true, and comes back when restocked', async () => {
    const admin = async (path: string, method: string, body?: unknown) => {
      const init = {
        method,
        key: app.secretKey,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      const res = await app.request(path, init);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { id: string };
    };
    // The last unit of lamp 6 held by a checkout, as the storefront does it.
    const hold = await admin('/v1/admin/inventory/holds', 'POST', {
      items: [{ variant_id: 'var_sx060', quantity: 1 }],
    });
    await app.invalidateCache();
    try {
      assert.deepEqual(ids((await search('q=lamp&in_stock=true')).data), [5]);
      assert.deepEqual(ids((await search('q=lamp&in_stock=false')).data), [6]);
      assert.deepEqual((await search('q=lamp')).facets.in_stock, { in_stock: 1, out_of_stock: 1 });
      await admin(`/v1/admin/inventory/holds/${hold.id}`, 'DELETE');
      await admin('/v1/admin/inventory/var_sx060', 'PUT', { on_hand: 0 });
      await app.invalidateCache();
      assert.deepEqual(ids((await search('q=lamp&in_stock=false')).data), [6]);
      await target.db.query(`UPDATE variants SET enabled = false WHERE id = 'var_sx050'`);
      await app.invalidateCache();
      assert.deepEqual((await search('q=lamp')).facets.in_stock, { in_stock: 0, out_of_stock: 2 });
    } finally {
      await target.db.query(`UPDATE variants SET enabled = true WHERE id = 'var_sx050'`);
      await admin('/v1/admin/inventory/var_sx060', 'PUT', { on_hand: 1 });
      await app.invalidateCache();
    }
    assert.deepEqual(
      ids((await search('q=lamp&in_stock=true')).data).sort((a, b) => a - b),
      [5, 6],
    );
  });

  test("holds racing for the last unit leave search's in-stock right, and so does giving it back", async () => {
    // Each attempt wants every unit of one lamp: 1 of lamp 6, or all 4 of lamp 5.
    const hold = (variantId: string, quantity: number) =>
      app.request('/v1/admin/inventory/holds', {
        method: 'POST',
        key: app.secretKey,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ variant_id: variantId, quantity }] }),
      });
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? hold('var_sx060', 1) : hold('var_sx050', 4))),
    );
    const held = attempts.filter((r) => r.status === 200).map((r) => (r.body as { id: string }).id);
    assert.equal(held.length, 2);
    await app.invalidateCache();
    assert.deepEqual((await search('q=lamp')).facets.in_stock, { in_stock: 0, out_of_stock: 2 });
    await Promise.all(
      held.map((id) => app.request(`/v1/admin/inventory/holds/${id}`, { method: 'DELETE', key: app.secretKey })),
    );
    await app.invalidateCache();
    assert.deepEqual((await search('q=lamp')).facets.in_stock, { in_stock: 2, out_of_stock: 0 });
  });

  test("stock changed behind the server's back (plain SQL) reaches search on the next hold sweep", async () => {
    await target.db.query(`UPDATE inventory_levels SET reserved = 1 WHERE variant_id = 'var_sx060'`);
    try {
      await app.commerce.reservations.releaseExpired();
      await app.invalidateCache();
      assert.deepEqual(ids((await search('q=lamp&in_stock=false')).data), [6]);
    } finally {
      await target.db.query(`UPDATE inventory_levels SET reserved = 0 WHERE variant_id = 'var_sx060'`);
      await app.commerce.reservations.releaseExpired();
      await app.invalidateCache();
    }
    assert.deepEqual(
      ids((await search('q=lamp&in_stock=true')).data).sort((a, b) => a - b),
      [5, 6],
    );
  });

  test('bad input is a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      [`q=${'a'.repeat(201)}`, 'q'],
      ['sort=cheapest', 'sort'],
      ['facets=colour', 'facets.0'],
      ['options=Size', 'options.0'],
      ['min_rating=9', 'min_rating'],
      ['min_price=500&max_price=100', 'min_price'],
      ['limit=0', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['page=1&cursor=abc', 'cursor'],
      ['colour=red', 'colour'],
    ];
    for (const [query, param] of cases) {
      const res = await app.request(`/v1/search?${query}`);
      assert.equal(res.status, 400, query);
      const { error } = ErrorBody.parse(res.body);
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.param, param, query);
    }
    const unknown = await app.request('/v1/search?category=nope');
    assert.equal(unknown.status, 404);
    assert.equal(ErrorBody.parse(unknown.body).error.param, 'category');
  });

  test('needs a key', async () => {
    assert.equal((await app.request('/v1/search?q=lamp', { key: null })).status, 401);
  });
});

forEachDatabase('GET /v1/search/suggest', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: searchCatalog() });
  });
  after(() => app.close());

  const suggest = async (query: string) => {
    const res = await app.request(`/v1/search/suggest?${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return SuggestResult.parse(res.body).data;
  };

  test('suggests categories then products for a prefix', async () => {
    const data = await suggest('q=aur');
    assert.deepEqual(data[0], {
      type: 'category',
      id: 'cat_collection',
      slug: 'aurora-collection',
      name: 'Aurora collection',
    });
    // Product suggestions match names and brands (not categories or descriptions).
    assert.deepEqual(
      data
        .slice(1)
        .map((s) => s.id)
        .sort(),
      ['prod_sx07', 'prod_sx08'],
    );
    assert.equal(data[1]?.id, 'prod_sx07', 'a name match comes first');
    const lamp = await suggest('q=Lam');
    assert.equal(lamp[0]?.type, 'category');
    const product = lamp.find((s) => s.type === 'product');
    assert.ok(product?.type === 'product');
    assert.ok([6000, 15000].includes(product.price.amount));
    assert.equal(product.image_url?.startsWith('/media/products/'), true);
  });

  test('forgives a typo as search does: one letter wrong, missing, extra or two swapped', async () => {
    const products = (data: Awaited<ReturnType<typeof suggest>>) =>
      data
        .filter((s) => s.type === 'product')
        .map((s) => s.id)
        .sort();
    for (const typo of ['aurira', 'auora', 'auroraa', 'aruora', 'auorra']) {
      const data = await suggest(`q=${typo}`);
      assert.deepEqual(products(data), ['prod_sx07', 'prod_sx08'], typo);
      assert.equal(data[0]?.type === 'category' && data[0].slug, 'aurora-collection', typo);
    }
    // A swapped pair in a longer word, and a typo beside a correct word.
    assert.deepEqual(products(await suggest('q=lmap%20brass')), products(await suggest('q=lamp%20brass')));
    assert.deepEqual(products(await suggest('q=brsas%20lamp')), products(await suggest('q=brass%20lamp')));
    assert.ok(products(await suggest('q=brass%20lamp')).length > 0);
  });

  test('a prefix that matches is never "corrected", and nonsense suggests nothing', async () => {
    const data = await suggest('q=lam');
    assert.ok(data.some((s) => s.name === 'Floor Lamp'));
    assert.deepEqual(await suggest('q=qqxxzz'), []);
  });

  test('answers at most limit suggestions, never more than 10', async () => {
    assert.equal((await suggest('q=a&limit=2')).length, 2);
    assert.ok((await suggest('q=s')).length <= 10);
  });

  test('bad input is a 400', async () => {
    for (const [query, param] of [
      ['', 'q'],
      ['q=', 'q'],
      ['q=lamp&limit=11', 'limit'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['q=a&x=1', 'x'],
    ]) {
      const res = await app.request(`/v1/search/suggest?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(ErrorBody.parse(res.body).error.param, param, query);
    }
  });
});

forEachDatabase('GET /v1/products/:id/related', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: searchCatalog() });
  });
  after(() => app.close());

  test('shares category, brand or tags, in stock first, never the product itself', async () => {
    const res = await app.request('/v1/products/prod_sx03/related');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const related = ids(RelatedList.parse(res.body).data);
    // 4: same category and brand; 11: same brand and tag but sold out, so last.
    assert.deepEqual(related, [4, 11]);
  });

  test('works by handle and honours limit', async () => {
    const res = await app.request('/v1/products/linen-shirt/related?limit=2');
    const related = RelatedList.parse(res.body).data;
    assert.equal(related.length, 2);
    assert.ok(related.every((p) => p.in_stock && p.id !== 'prod_sx01'));
  });

  test('an unknown product is a 404 and a bad limit a 400', async () => {
    assert.equal((await app.request('/v1/products/nope/related')).status, 404);
    const bad = await app.request('/v1/products/prod_sx03/related?limit=100');
    assert.equal(bad.status, 400);
    assert.equal(ErrorBody.parse(bad.body).error.param, 'limit');
    assert.equal((await app.request('/v1/products/prod_sx03/related?foo=1')).status, 400);
  });
});
