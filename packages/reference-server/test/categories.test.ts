import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Category, CategoryTree, ErrorBody } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Node = { slug: string; product_count: number; children: Node[] };
const shape = (nodes: Node[]): unknown[] => nodes.map((n) => [n.slug, n.product_count, shape(n.children)]);

forEachDatabase('GET /v1/categories', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app.close());

  test('answers the tree in position order, each count including its subcategories', async () => {
    const res = await app.request('/v1/categories');
    assert.equal(res.status, 200);
    const tree = CategoryTree.parse(res.body);
    assert.deepEqual(shape(tree.data), [
      [
        'apparel',
        7,
        [
          ['shirts', 3, []],
          ['shoes', 3, [['running-shoes', 2, []]]],
        ],
      ],
      ['home', 5, [['lamps', 3, []]]],
      ['empty', 0, []],
    ]);
    assert.equal(tree.data[0]?.children[0]?.parent_id, 'cat_apparel');
  });

  test('one category by slug or id comes with its subtree', async () => {
    const bySlug = Category.parse((await app.request('/v1/categories/shoes')).body);
    const byId = Category.parse((await app.request('/v1/categories/cat_shoes')).body);
    assert.deepEqual(bySlug, byId);
    assert.deepEqual(shape([bySlug]), [['shoes', 3, [['running-shoes', 2, []]]]]);
  });

  test('counts only listed products', async () => {
    await target.db.query(`UPDATE products SET status = 'draft' WHERE id = 'prod_fx04'`);
    // Written behind the API's back: tell the response cache, as an admin write would.
    await app.invalidateCache();
    try {
      assert.equal(Category.parse((await app.request('/v1/categories/shoes')).body).product_count, 2);
    } finally {
      await target.db.query(`UPDATE products SET status = 'active' WHERE id = 'prod_fx04'`);
      await app.invalidateCache();
    }
  });

  test('an unknown category is a 404 resource_missing naming id', async () => {
    const res = await app.request('/v1/categories/nope');
    assert.equal(res.status, 404);
    const { error } = ErrorBody.parse(res.body);
    assert.deepEqual([error.code, error.param], ['resource_missing', 'id']);
  });

  test('an unknown query parameter is a 400', async () => {
    const res = await app.request('/v1/categories?depth=2');
    assert.equal(res.status, 400);
    assert.equal(ErrorBody.parse(res.body).error.code, 'parameter_unknown');
  });
});
