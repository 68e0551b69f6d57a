import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const forged = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

const CASES: [query: string, param: string, code: string][] = [
  ['?colour=red', 'colour', 'parameter_unknown'],
  ['?limit=0', 'limit', 'parameter_invalid'],
  ['?limit=101', 'limit', 'parameter_invalid'],
  ['?limit=ten', 'limit', 'parameter_invalid'],
  ['?limit=1.5', 'limit', 'parameter_invalid'],
  ['?page=0', 'page', 'parameter_invalid'],
  ['?min_price=-1', 'min_price', 'parameter_invalid'],
  ['?min_price=500&max_price=100', 'min_price', 'parameter_invalid'],
  ['?sort=bogus', 'sort', 'parameter_invalid'],
  ['?in_stock=maybe', 'in_stock', 'parameter_invalid'],
  ['?cursor=garbage!', 'cursor', 'parameter_invalid'],
  ['?cursor=Z2FyYmFnZQ', 'cursor', 'parameter_invalid'],
  [`?cursor=${forged({ s: 'relevance', k: ['x', 'y'] })}`, 'cursor', 'parameter_invalid'],
  [`?cursor=${forged({ s: 'newest', k: ['not a date', 'prod_x'] })}&sort=newest`, 'cursor', 'parameter_invalid'],
  [`?cursor=${forged({ s: 'price_asc', k: [100, 'prod_x'] })}`, 'cursor', 'parameter_invalid'],
  [`?cursor=${forged({ s: 'relevance', k: [1, 'prod_x'] })}&page=2`, 'cursor', 'parameter_invalid'],
];

forEachDatabase('GET /v1/products with a bad query', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app.close());

  for (const [query, param, code] of CASES) {
    test(`${query.length > 60 ? `${query.slice(0, 60)}…` : query} is a 400 naming ${param}`, async () => {
      const res = await app.request(`/v1/products${query}`);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      const { error } = ErrorBody.parse(res.body);
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.code, code);
      assert.equal(error.param, param);
      assert.ok(error.message.includes(param), error.message);
      assert.equal(error.request_id, res.headers.get('request-id'));
    });
  }

  test('a cursor from one sort is refused with another, saying why', async () => {
    const first = await app.request('/v1/products?limit=2&sort=price_asc');
    const cursor = (first.body as { next_cursor: string }).next_cursor;
    const res = await app.request(`/v1/products?limit=2&sort=newest&cursor=${cursor}`);
    assert.equal(res.status, 400);
    assert.match(ErrorBody.parse(res.body).error.message, /sort=price_asc/);
  });
});
