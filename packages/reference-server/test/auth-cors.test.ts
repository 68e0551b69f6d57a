import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody, Liveness } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const SHOP = 'https://shop.example';
const EVIL = 'https://evil.example';

function assertError(res: TestResponse, status: number, type: string, code: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const { error } = ErrorBody.parse(res.body);
  assert.deepEqual([error.type, error.code], [type, code]);
  assert.equal(error.request_id, res.headers.get('request-id'));
}

forEachDatabase('keys, origins and request ids', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog(), origins: [SHOP] });
  });
  after(() => app.close());

  test('a request without a key is a 401 api_key_missing', async () => {
    assertError(await app.request('/v1/products', { key: null }), 401, 'authentication_error', 'api_key_missing');
    assertError(
      await app.request('/v1/products', { key: null, headers: { authorization: 'Basic dXNlcjpwdw==' } }),
      401,
      'authentication_error',
      'api_key_missing',
    );
  });

  test('an unknown or malformed key is a 401 api_key_invalid that does not echo the whole key', async () => {
    const forged = `pk_test_${'A'.repeat(32)}`;
    const res = await app.request('/v1/products', { key: forged });
    assertError(res, 401, 'authentication_error', 'api_key_invalid');
    assert.doesNotMatch(JSON.stringify(res.body), new RegExp(forged));
    assertError(await app.request('/v1/products', { key: 'hello' }), 401, 'authentication_error', 'api_key_invalid');
  });

  test('publishable and secret keys both read the storefront from a server', async () => {
    assert.equal((await app.request('/v1/products?limit=1')).status, 200);
    assert.equal((await app.request('/v1/products?limit=1', { key: app.secretKey })).status, 200);
  });

  test('admin routes need a secret key', async () => {
    assertError(await app.request('/v1/admin/products'), 403, 'authentication_error', 'secret_key_required');
    assertError(
      await app.request('/v1/admin/nothing-here', { key: app.secretKey }),
      404,
      'invalid_request_error',
      'route_unknown',
    );
  });

  test('a secret key sent from a browser is refused', async () => {
    const res = await app.request('/v1/products', { key: app.secretKey, headers: { origin: SHOP } });
    assertError(res, 403, 'authentication_error', 'secret_key_in_browser');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('an origin the key does not allow is a 403 without CORS headers', async () => {
    const res = await app.request('/v1/products', { headers: { origin: EVIL } });
    assertError(res, 403, 'authentication_error', 'origin_not_allowed');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('an allowed origin gets its origin echoed and may read Request-Id', async () => {
    const res = await app.request('/v1/products?limit=1', { headers: { origin: SHOP } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
    assert.match(res.headers.get('vary') ?? '', /Origin/);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Request-Id/);
  });

  test('an allowed origin can read error bodies too', async () => {
    const res = await app.request('/v1/products?limit=0', { headers: { origin: SHOP } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
  });

  test('a key that allows * accepts any origin', async () => {
    const open = await startTestApp(target.db, { catalog: fixtureCatalog(), origins: ['*'] });
    try {
      const res = await open.request('/v1/products?limit=1', { headers: { origin: EVIL } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), EVIL);
    } finally {
      await open.close();
    }
  });

  test('preflights are answered without a key, for any origin', async () => {
    const res = await app.request('/v1/products', {
      method: 'OPTIONS',
      key: null,
      headers: {
        origin: EVIL,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), EVIL);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /GET/);
    assert.equal(res.headers.get('access-control-max-age'), '600');
    assert.match(res.headers.get('vary') ?? '', /Origin/);
  });

  test('health needs no key and lists the components', async () => {
    const res = await app.request('/v1/health', { key: null, headers: { origin: EVIL } });
    assert.equal(res.status, 200);
    assert.deepEqual(Liveness.parse(res.body).components, {
      database: target.kind,
      cache: 'memory',
      payments: 'simulated',
    });
    assert.equal(res.headers.get('access-control-allow-origin'), EVIL);
  });

  test('every response has a distinct Request-Id, and errors repeat it', async () => {
    const responses = await Promise.all([
      app.request('/v1/products?limit=1'),
      app.request('/v1/health', { key: null }),
      app.request('/v1/products?limit=0'),
      app.request('/v1/no-such-route'),
      app.request('/v1/products', { key: null }),
    ]);
    const idsSeen = responses.map((r) => r.headers.get('request-id') ?? '');
    for (const id of idsSeen) assert.match(id, /^req_[A-Za-z0-9]{16,}$/);
    assert.equal(new Set(idsSeen).size, idsSeen.length);
    for (const res of responses.slice(2))
      assert.equal(ErrorBody.parse(res.body).error.request_id, res.headers.get('request-id'));
  });

  test('an unknown /v1 route is a 404 route_unknown, with or without a key', async () => {
    assertError(await app.request('/v1/no-such-route'), 404, 'invalid_request_error', 'route_unknown');
    assertError(await app.request('/v1/no-such-route', { key: null }), 404, 'invalid_request_error', 'route_unknown');
  });

  test('a malformed JSON body is a 400', async () => {
    const res = await app.request('/v1/products', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"oops":',
    });
    assertError(res, 400, 'invalid_request_error', 'body_invalid_json');
  });

  test('an unexpected failure is a 500 api_error that reveals nothing, logged with its stack', async () => {
    const logged: string[] = [];
    const broken = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      overrides: {
        logger: {
          error: (m, e) => logged.push(`${m} ${e instanceof Error ? e.stack : ''}`),
          warn() {},
          info() {},
          debug() {},
        },
        catalog: {
          listProducts: () => Promise.reject(new Error('x')),
          listProductsJson: () => Promise.reject(new Error('connection to 10.0.0.7 refused, password=hunter2')),
          getProduct: () => Promise.reject(new Error('x')),
          listCategories: () => Promise.reject(new Error('x')),
          getCategory: () => Promise.reject(new Error('x')),
        },
      },
    });
    try {
      const res = await broken.request('/v1/products');
      assertError(res, 500, 'api_error', 'internal_error');
      assert.doesNotMatch(JSON.stringify(res.body), /hunter2|10\.0\.0\.7|at /);
      assert.equal(logged.length, 1);
      assert.match(logged[0] ?? '', /hunter2[\s\S]*at /);
    } finally {
      await broken.close();
    }
  });
});
