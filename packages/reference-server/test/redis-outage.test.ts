// Redis is optional at run time: a real server process on PostgreSQL and a redis-server of this
// suite's own keeps serving catalog reads and carts while that Redis is paused (SIGSTOP: every
// command hangs) and while it is killed, stays live (`/v1/health` 200) and ready (`/v1/health/ready` 200,
// reporting `degraded`: every process shares that Redis, so a balancer must not drop them all), and uses Redis again once it is back, without serving anything
// older than a write made during the outage.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Health, InventoryLevel, Product, ProductList } from '@shoptag/sdk/contract';
import { startServer, type StartedDemoServer } from '../src/server.js';
import { createScratchDatabase, TEST_DATABASE_URL } from './support/databases.js';
import { freePort, REDIS_SERVER, startRedisProcess, type RedisProcess } from './support/redis-process.js';
import { spawnServer, stopServer, type ServerProcess } from './support/server-processes.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A request's outcome under load: when it started, how long it took, and whether it succeeded. */
interface Sample {
  kind: 'read' | 'cart';
  startedAt: number;
  ms: number;
  ok: boolean;
  status: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Readiness: 503 while the database does not answer or the process drains; `degraded` (200) without Redis. */
async function getHealth(url: string): Promise<{ status: number; body: Health; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${url}/v1/health/ready`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: Health.parse(await res.json()), ms: Date.now() - started };
}

/** Liveness: the process answers, whatever Redis does. */
async function liveStatus(url: string): Promise<number> {
  const res = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(5_000) });
  await res.arrayBuffer();
  return res.status;
}

/** Polls health until `accept` holds (or the deadline passes); answers the last report. */
async function healthUntil(url: string, accept: (h: Health) => boolean, withinMs: number) {
  const deadline = Date.now() + withinMs;
  let last = await getHealth(url);
  while (!accept(last.body) && Date.now() < deadline) {
    await sleep(100);
    last = await getHealth(url);
  }
  return last;
}

describe(
  'a Redis outage under load (PostgreSQL and a Redis of its own)',
  { skip: TEST_DATABASE_URL && REDIS_SERVER ? false : 'needs PostgreSQL and redis-server' },
  () => {
    let redis: RedisProcess;
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let dataDir: string;
    let server: ServerProcess;
    const samples: Sample[] = [];
    const outages: { from: number; to: number; what: string }[] = [];
    let load: Promise<void> | undefined;
    let stopLoad = false;
    let product: { id: string; handle: string; variantId: string };

    const call = (path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
      fetch(`${server.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${init.key ?? server.publishableKey}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(10_000),
      });
    const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
      call(path, { ...init, key: server.secretKey });

    /** Catalog reads of every kind (cached pages, uncached filters, one product, categories, search), and now and then a cart with an item. */
    async function shopper(worker: number) {
      for (let i = 0; !stopLoad; i++) {
        const pick = (i * 7 + worker) % 20;
        const cart = pick === 0;
        const path = cart
          ? '/v1/carts'
          : [
              `/v1/products?limit=24&page=${1 + (i % 4)}`,
              `/v1/products?limit=12&min_price=${(i * 37) % 5_000}`,
              `/v1/products/${product.handle}`,
              '/v1/categories',
              `/v1/search?q=${['shirt', 'lamp', 'mug', 'bag'][i % 4]}&limit=8`,
            ][pick % 5]!;
        const startedAt = Date.now();
        let status = 0; // no answer (a timeout or a reset connection)
        try {
          const res = await (cart
            ? call(path, { method: 'POST', body: { items: [{ variant_id: product.variantId, quantity: 1 }] } })
            : call(path));
          await res.arrayBuffer();
          status = res.status;
        } catch {
          // counted as a failure below
        }
        samples.push({
          kind: cart ? 'cart' : 'read',
          startedAt,
          ms: Date.now() - startedAt,
          ok: status >= 200 && status < 300,
          status,
        });
      }
    }

    before(async () => {
      redis = await startRedisProcess();
      scratch = await createScratchDatabase();
      dataDir = mkdtempSync(join(tmpdir(), 'shoptag-outage-'));
      server = await spawnServer({
        DATABASE_URL: scratch.url,
        REDIS_URL: redis.url,
        SHOPTAG_DATA_DIR: dataDir,
        SHOPTAG_RATE_LIMIT: '100000',
        TEST_SWEEP_INTERVAL_MS: '200',
        LOG_LEVEL: 'error',
      });
      const first = ProductList.parse(await (await call('/v1/products?limit=1')).json()).data[0]!;
      product = { id: first.id, handle: first.handle, variantId: first.variants[0]!.id };
      load = Promise.all([0, 1, 2, 3].map((w) => shopper(w))).then(() => undefined);
    });

    after(async () => {
      stopLoad = true;
      await load;
      await stopServer(server);
      await redis?.stop();
      await scratch?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('with Redis paused, the server stays live, stays ready but says degraded at once, sweeps lapsed holds, and takes catalog writes', async () => {
      await sleep(1_500);
      assert.deepEqual((await getHealth(server.url)).body.unavailable, [], 'healthy before the outage');
      const before = InventoryLevel.parse(await (await admin(`/v1/admin/inventory/${product.variantId}`)).json());
      const from = Date.now();
      redis.pause();
      const health = await healthUntil(server.url, (h) => h.status === 'degraded', 3_000);
      assert.equal(health.status, 200, 'still ready: it serves without Redis');
      assert.equal(await liveStatus(server.url), 200, 'live all the same');
      assert.equal(health.body.status, 'degraded');
      assert.deepEqual(health.body.unavailable, ['cache']);
      assert.equal(health.body.components.cache, 'redis');
      assert.ok(health.ms < 1_000, `health answered in ${health.ms} ms`);

      // A hold that lapses during the outage is released by the sweeper, which takes an in-process lock.
      const hold = await admin('/v1/admin/inventory/holds', {
        method: 'POST',
        body: { items: [{ variant_id: product.variantId, quantity: 1 }], ttl_seconds: 1 },
      });
      assert.equal(hold.status, 200);
      let level = InventoryLevel.parse(await (await admin(`/v1/admin/inventory/${product.variantId}`)).json());
      assert.equal(level.reserved, before.reserved + 1);
      const deadline = Date.now() + 4_000;
      while (level.reserved !== before.reserved && Date.now() < deadline) {
        await sleep(100);
        level = InventoryLevel.parse(await (await admin(`/v1/admin/inventory/${product.variantId}`)).json());
      }
      assert.equal(level.reserved, before.reserved, 'the lapsed hold went back to stock while Redis was paused');

      const renamed = await admin(`/v1/admin/products/${product.id}`, {
        method: 'PATCH',
        body: { name: 'Renamed during the outage' },
      });
      assert.equal(renamed.status, 200);
      assert.equal(
        Product.parse(await (await call(`/v1/products/${product.handle}`)).json()).name,
        'Renamed during the outage',
      );
      await sleep(Math.max(0, from + 5_000 - Date.now()));
      outages.push({ from, to: Date.now(), what: 'paused' });
      redis.resume();
    });

    test('once Redis answers again the server uses it, and never serves the answer Redis kept from before the write', async () => {
      const health = await healthUntil(server.url, (h) => h.status === 'ok', 10_000);
      assert.equal(health.body.status, 'ok');
      assert.deepEqual(health.body.unavailable, []);
      for (let i = 0; i < 5; i++) {
        assert.equal(
          Product.parse(await (await call(`/v1/products/${product.handle}`)).json()).name,
          'Renamed during the outage',
        );
      }
    });

    test('with Redis killed and started again, the server keeps serving and goes back to it', async () => {
      const from = Date.now();
      await redis.kill();
      const health = await healthUntil(server.url, (h) => h.status === 'degraded', 3_000);
      assert.equal(health.status, 200, 'still ready: it serves without Redis');
      assert.equal(await liveStatus(server.url), 200, 'live all the same');
      assert.deepEqual(health.body.unavailable, ['cache']);
      await sleep(Math.max(0, from + 3_000 - Date.now()));
      outages.push({ from, to: Date.now(), what: 'killed' });
      await redis.restart();
      const back = await healthUntil(server.url, (h) => h.status === 'ok', 10_000);
      assert.equal(back.body.status, 'ok');
    });

    test('while Redis was down, at least 99 % of catalog reads and carts succeeded, with a p99 under one second', async () => {
      stopLoad = true;
      await load;
      for (const outage of outages) {
        const during = samples.filter((s) => s.startedAt >= outage.from && s.startedAt < outage.to);
        const reads = during.filter((s) => s.kind === 'read');
        const carts = during.filter((s) => s.kind === 'cart');
        const okReads = reads.filter((s) => s.ok).length;
        const p99 = percentile(
          reads.map((s) => s.ms),
          99,
        );
        const report = `Redis ${outage.what} ${((outage.to - outage.from) / 1000).toFixed(1)} s: ${okReads}/${reads.length} reads ok, p99 ${p99} ms, max ${Math.max(...reads.map((s) => s.ms))} ms; ${carts.filter((s) => s.ok).length}/${carts.length} carts ok`;
        console.log(report);
        assert.ok(reads.length >= 50, `enough reads to judge: ${report}`);
        assert.ok(okReads / reads.length >= 0.99, report);
        assert.ok(p99 < 1_000, report);
        assert.ok(carts.length > 0 && carts.filter((s) => s.ok).length / carts.length >= 0.99, report);
      }
      assert.equal(outages.length, 2);
    });
  },
);

describe('a server whose REDIS_URL points at nothing', () => {
  let server: StartedDemoServer;
  let port: number;
  let redis: RedisProcess | undefined;

  before(async () => {
    port = await freePort();
    // No demo catalog: seeding it into PGlite would take longer than everything else here.
    server = await startServer({
      env: { REDIS_URL: `redis://127.0.0.1:${port}` },
      memory: true,
      demo: true,
      seed: false,
      port: 0,
      quiet: true,
    });
  });
  after(async () => {
    await server?.close();
    await redis?.stop();
  });

  test('starts, serves catalog reads and carts, is live, and stays ready but degraded', async () => {
    const auth = { authorization: `Bearer ${server.publishableKey}` };
    for (const path of ['/v1/products?limit=2', '/v1/categories', '/v1/search?q=lamp']) {
      assert.equal((await fetch(`${server.url}${path}`, { headers: auth })).status, 200, path);
    }
    const cart = await fetch(`${server.url}/v1/carts`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(cart.status, 200);
    const health = await getHealth(server.url);
    assert.equal(health.status, 200, 'still ready: it serves without Redis');
    assert.equal(await liveStatus(server.url), 200);
    assert.deepEqual(
      [health.body.status, health.body.unavailable, health.body.components.cache],
      ['degraded', ['cache'], 'redis'],
    );
  });

  test('uses Redis once one answers there', { skip: REDIS_SERVER ? false : 'needs redis-server' }, async () => {
    redis = await startRedisProcess(port);
    const health = await healthUntil(server.url, (h) => h.status === 'ok', 10_000);
    assert.deepEqual([health.body.status, health.body.unavailable], ['ok', []]);
    assert.equal(health.status, 200, 'ready once Redis answers');
  });

  test(
    'says degraded but stays ready and live once that Redis is stopped',
    { skip: REDIS_SERVER ? false : 'needs redis-server' },
    async () => {
      assert.ok(redis, 'the previous test started Redis');
      await redis.stop();
      const health = await healthUntil(server.url, (h) => h.status === 'degraded', 5_000);
      assert.equal(health.status, 200, 'still ready: it serves without Redis');
      assert.deepEqual(health.body.unavailable, ['cache']);
      assert.equal(await liveStatus(server.url), 200);
    },
  );
});
