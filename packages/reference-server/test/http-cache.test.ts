import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemClock } from '../src/clock.js';
import { createMemoryCache } from '../src/cache/memory-cache.js';
import { createRedisCache } from '../src/cache/redis-cache.js';
import { createResponseCache } from '../src/services/http/index.js';
import { TEST_REDIS_URL, forEachDatabase } from './support/databases.js';
import { searchCatalog } from './support/search-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

forEachDatabase('catalog responses: ETag, Cache-Control and 304', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: searchCatalog() });
  });
  after(() => app.close());

  for (const path of [
    '/v1/products?limit=3',
    '/v1/products/linen-shirt',
    '/v1/products/linen-shirt/related',
    '/v1/categories',
    '/v1/categories/lamps',
    '/v1/search?q=lamp',
    '/v1/search/suggest?q=la',
  ]) {
    test(`GET ${path} sends an ETag and Cache-Control, and answers a matching If-None-Match with an empty 304`, async () => {
      const first = await app.request(path);
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]+"$/);
      assert.match(first.headers.get('cache-control') ?? '', /max-age=\d+/);
      const again = await app.request(path, { headers: { 'if-none-match': `"other", ${etag ?? ''}` } });
      assert.equal(again.status, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.get('etag'), etag);
      const stale = await app.request(path, { headers: { 'if-none-match': '"stale"' } });
      assert.equal(stale.status, 200);
    });
  }

  test('an error is not marked cacheable', async () => {
    const res = await app.request('/v1/products/nope');
    assert.equal(res.status, 404);
    assert.doesNotMatch(res.headers.get('cache-control') ?? '', /public/);
  });
});

test('a response cache answers from cache until invalidated', async () => {
  const responses = createResponseCache({ cache: createMemoryCache({ clock: systemClock }), clock: systemClock });
  let calls = 0;
  const produce = async () => ({ n: ++calls });
  const a = await responses.get('k', produce);
  const b = await responses.get('k', produce);
  assert.equal(calls, 1);
  assert.deepEqual(a, b);
  assert.equal(a.body, '{"n":1}');
  await responses.invalidate();
  const c = await responses.get('k', produce);
  assert.equal(c.body, '{"n":2}');
  assert.notEqual(c.etag, a.etag);
});

test('entries expire after their TTL', async () => {
  let now = Date.UTC(2026, 0, 1);
  const clock = { now: () => new Date(now) };
  const responses = createResponseCache({ cache: createMemoryCache({ clock }), clock, ttlMs: 1_000 });
  let calls = 0;
  await responses.get('k', async () => ++calls);
  now += 999;
  await responses.get('k', async () => ++calls);
  assert.equal(calls, 1);
  now += 2;
  await responses.get('k', async () => ++calls);
  assert.equal(calls, 2);
});

test(
  'an invalidation in one process reaches another through Redis',
  { skip: TEST_REDIS_URL ? false : 'no SHOPTAG_TEST_REDIS_URL' },
  async () => {
    const url = TEST_REDIS_URL ?? '';
    const prefix = `shoptag-test-${Date.now()}:`;
    const [cacheA, cacheB] = await Promise.all([
      createRedisCache({ url, keyPrefix: prefix }),
      createRedisCache({ url, keyPrefix: prefix }),
    ]);
    try {
      const a = createResponseCache({ cache: cacheA, clock: systemClock, generationTtlMs: 0 });
      const b = createResponseCache({ cache: cacheB, clock: systemClock, generationTtlMs: 0 });
      let calls = 0;
      const produce = async () => ++calls;
      await a.get('k', produce);
      assert.equal((await b.get('k', produce)).body, '1', 'B reads what A stored');
      await a.invalidate();
      assert.equal((await b.get('k', produce)).body, '2', "B sees A's invalidation");
    } finally {
      await Promise.all([cacheA.close(), cacheB.close()]);
    }
  },
);
