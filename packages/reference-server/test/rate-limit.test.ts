// SHOPTAG_RATE_LIMIT: each storefront client (publishable key + IP) may send so many writes per
// minute, counted in this process or, with Redis, across every process.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorBody } from '@shoptag/sdk/contract';
import { rateLimit } from '../src/api/middleware/rate-limit.js';
import { createMemoryRateLimiter } from '../src/cache/memory-rate-limiter.js';
import type { RateLimiter } from '../src/cache/rate-limiter.js';
import { createRedisRateLimiter } from '../src/cache/redis-rate-limiter.js';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { migrate } from '../src/store/migrate.js';
import { createPgliteDb } from '../src/store/pglite-driver.js';
import type { Db } from '../src/store/db.js';
import { TEST_REDIS_URL } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;

test('a client gets its limit of writes per window, and a fresh allowance in the next window', async () => {
  const clock = manualClock(Date.UTC(2026, 10, 25, 12, 0, 0));
  const limiter = createMemoryRateLimiter({ clock });
  const results = [];
  for (let i = 0; i < 4; i++) results.push(await limiter.consume('pk:1.2.3.4', 3, MINUTE));
  assert.deepEqual(
    results.map((r) => [r.allowed, r.remaining]),
    [
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ],
  );
  assert.equal(results[3]!.resetMs, MINUTE);
  assert.equal((await limiter.consume('pk:5.6.7.8', 3, MINUTE)).allowed, true, 'another client counts apart');
  clock.advance(MINUTE);
  assert.deepEqual(await limiter.consume('pk:1.2.3.4', 3, MINUTE).then((r) => [r.allowed, r.remaining]), [true, 2]);
});

test(
  'with Redis, two processes count one client together',
  { skip: TEST_REDIS_URL ? false : 'no SHOPTAG_TEST_REDIS_URL' },
  async () => {
    const clock = manualClock();
    const keyPrefix = `shoptag-test:rate:${Date.now()}:`;
    const [a, b] = await Promise.all(
      [1, 2].map(() => createRedisRateLimiter({ url: TEST_REDIS_URL!, clock, keyPrefix })),
    );
    try {
      assert.equal((await a!.consume('client', 2, MINUTE)).allowed, true);
      assert.equal((await b!.consume('client', 2, MINUTE)).allowed, true);
      const third = await a!.consume('client', 2, MINUTE);
      assert.equal(third.allowed, false);
      assert.ok(third.resetMs > 0 && third.resetMs <= MINUTE);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  },
);

test('SHOPTAG_RATE_LIMIT is off unless set, and SHOPTAG_TRUST_PROXY names the proxy hops', () => {
  assert.equal(loadConfig({}).rateLimitPerMinute, null);
  assert.equal(loadConfig({ SHOPTAG_RATE_LIMIT: 'off' }).rateLimitPerMinute, null);
  assert.equal(loadConfig({ SHOPTAG_RATE_LIMIT: '120' }).rateLimitPerMinute, 120);
  assert.equal(loadConfig({}).trustProxy, 0);
  assert.equal(loadConfig({ SHOPTAG_TRUST_PROXY: '1' }).trustProxy, 1);
  for (const env of [{ SHOPTAG_RATE_LIMIT: '0' }, { SHOPTAG_RATE_LIMIT: 'lots' }, { SHOPTAG_TRUST_PROXY: 'yes' }]) {
    assert.throws(
      () => loadConfig(env),
      (e: Error) => e.message.includes(Object.keys(env)[0]!),
    );
  }
});

describe('a storefront over its write limit', () => {
  let db: Db;
  let app: TestApp;
  before(async () => {
    db = await createPgliteDb({ dataDir: null });
    await migrate(db);
    const limiter = createMemoryRateLimiter({ clock: manualClock() });
    app = await startTestApp(db, {
      catalog: fixtureCatalog(),
      overrides: { rateLimit: { limiter, limit: 3, windowMs: MINUTE }, trustProxy: 1 },
    });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const post = (path: string, body: unknown, client: string, key?: string) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify(body),
      ...(key ? { key } : {}),
    });

  test('is told how many writes are left, then refused with 429 rate_limit_error and Retry-After, before anything is written', async () => {
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const res = await post('/v1/carts', {}, '203.0.113.7');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.headers.get('ratelimit-limit'), '3');
      remaining.push(res.headers.get('ratelimit-remaining'));
    }
    assert.deepEqual(remaining, ['2', '1', '0']);
    const refused = await post('/v1/carts', {}, '203.0.113.7');
    assert.equal(refused.status, 429);
    const { error } = ErrorBody.parse(refused.body);
    assert.equal(error.type, 'rate_limit_error');
    assert.equal(error.code, 'rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((refused.body as { id?: string }).id, undefined);
  });

  test('a shop page in the browser may read Retry-After from another origin', async () => {
    const res = await app.request('/v1/carts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', origin: 'https://shop.example' },
      body: '{}',
    });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  test('still reads the catalog, and another client (another IP) still writes', async () => {
    assert.equal(
      (await app.request('/v1/products?limit=1', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status,
      200,
    );
    assert.equal((await post('/v1/carts', {}, '198.51.100.20')).status, 200);
  });

  test("the shop's own secret-key calls are not counted", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await post('/v1/admin/inventory/var_fx090/adjust', { delta: 1 }, '203.0.113.7', app.secretKey);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.headers.get('ratelimit-limit'), null);
    }
  });
});

test("shoptag-server start with SHOPTAG_RATE_LIMIT=2 refuses a client's third write in a minute", async () => {
  const server = await startServer({
    port: 0,
    memory: true,
    demo: true,
    seed: false,
    quiet: true,
    env: { SHOPTAG_RATE_LIMIT: '2' },
  });
  try {
    const create = () =>
      fetch(`${server.url}/v1/carts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.publishableKey}`, 'content-type': 'application/json' },
        body: '{}',
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await create()).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  } finally {
    await server.close();
  }
});

test('when the counters cannot be reached, writes go through rather than the shop closing', async () => {
  const broken: RateLimiter = {
    kind: 'redis',
    consume: () => Promise.reject(new Error('connection refused')),
    peek: () => Promise.reject(new Error('connection refused')),
    close: async () => {},
  };
  const handler = rateLimit({ limiter: broken, limit: 1, windowMs: MINUTE });
  const outcomes: unknown[] = [];
  const res = { locals: { principal: { keyId: 'key_1', kind: 'publishable' } }, setHeader: () => undefined };
  for (let i = 0; i < 3; i++)
    await handler(
      { method: 'POST', ip: '203.0.113.7' } as never,
      res as never,
      (error?: unknown) => void outcomes.push(error),
    );
  assert.deepEqual(outcomes, [undefined, undefined, undefined]);
});
