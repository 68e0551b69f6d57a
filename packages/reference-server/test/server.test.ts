import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Category, CategoryTree, ErrorBody, Health, Liveness, Product, ProductList } from '@shoptag/sdk/contract';
import { trackForDrain } from '../src/http-drain.js';
import { startServer, type StartedDemoServer, type StartedServer } from '../src/index.js';
import { generateDemoCatalog } from '../src/seed/demo-catalog.js';
import { createScratchDatabase, databaseKinds, TEST_REDIS_URL } from './support/databases.js';

const keyOf = (server: StartedServer) =>
  'publishableKey' in server ? (server as StartedDemoServer).publishableKey : null;
const tempDir = () => mkdtempSync(join(tmpdir(), 'shoptag-server-test-'));

async function getJson(server: StartedServer, path: string, key: string | null = keyOf(server)) {
  const res = await fetch(`${server.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}

for (const kind of databaseKinds()) {
  describe(`startServer with the demo catalog (${kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL'})`, () => {
    let server: StartedDemoServer;
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
    const dataDir = tempDir();
    const demo = generateDemoCatalog();

    before(async () => {
      scratch = kind === 'postgres' ? await createScratchDatabase() : undefined;
      server = await startServer({
        // The real database comes with the real cache when one is available.
        env: scratch ? { DATABASE_URL: scratch.url, ...(TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {}) } : {},
        dataDir,
        port: 0,
        memory: kind === 'pglite',
        demo: true,
        allowedOrigins: ['*'],
        quiet: true,
      });
    });
    after(async () => {
      await server?.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    // How fast it starts is a figure for `npm run bench`, never a timed assertion here.
    test('starts, seeds and hands out a publishable and a secret key', () => {
      assert.match(server.url, /^http:\/\/localhost:\d+$/);
      assert.match(server.publishableKey, /^pk_test_[A-Za-z0-9]{24,}$/);
      assert.match(server.secretKey, /^sk_test_[A-Za-z0-9]{24,}$/);
    });

    test('liveness and readiness name the components in use, and readiness finds them all answering', async () => {
      const cache = kind === 'postgres' && TEST_REDIS_URL ? 'redis' : 'memory';
      const components = { database: kind, cache, payments: 'simulated' };
      const live = await getJson(server, '/v1/health', null);
      assert.equal(live.status, 200);
      assert.deepEqual(Liveness.parse(live.body), { status: 'ok', version: '0.1.0', components });
      const ready = await getJson(server, '/v1/health/ready', null);
      assert.equal(ready.status, 200);
      assert.deepEqual(Health.parse(ready.body), {
        status: 'ok',
        version: '0.1.0',
        components,
        unavailable: [],
        draining: false,
      });
    });

    test('every demo product is listed once when paging by cursor, each shaped by the contract', async () => {
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const res = await getJson(server, `/v1/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        const page = ProductList.parse(res.body);
        assert.equal(page.total, demo.products.length);
        for (const p of page.data) {
          assert.ok(!seen.has(p.id), `${p.id} listed twice`);
          seen.add(p.id);
        }
        cursor = page.next_cursor;
      } while (cursor);
      assert.equal(seen.size, demo.products.length);
    });

    test('products and categories parse with the contract schemas', async () => {
      const tree = CategoryTree.parse((await getJson(server, '/v1/categories')).body);
      assert.ok(tree.data.length >= 8);
      const sum = tree.data.reduce((n, c) => n + c.product_count, 0);
      assert.equal(sum, demo.products.length);
      const first = tree.data[0];
      assert.ok(first);
      Category.parse((await getJson(server, `/v1/categories/${first.slug}`)).body);
      const sample = demo.products[17];
      assert.ok(sample);
      const product = Product.parse((await getJson(server, `/v1/products/${sample.handle}`)).body);
      assert.equal(product.id, sample.id);
      assert.equal(product.variants.length, sample.variants.length);
    });

    test('product images are served as immutable SVG without a key', async () => {
      const image = demo.products[3]?.images[0];
      assert.ok(image);
      const res = await fetch(`${server.url}${image.url}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.match(await res.text(), /^<svg /);
      const missing = await fetch(`${server.url}/media/products/img_doesnotexist.svg`);
      assert.equal(missing.status, 404);
      ErrorBody.parse(await missing.json());
    });

    test('the OpenAPI document is served without a key', async () => {
      const res = await getJson(server, '/v1/openapi.json', null);
      assert.equal(res.status, 200);
      assert.equal((res.body as { openapi: string }).openapi, '3.1.0');
    });
  });
}

describe('a file-backed data directory', () => {
  const dataDir = tempDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('keeps the same keys and catalog across a restart, plaintext only in keys.json (0600)', async () => {
    const first = await startServer({ env: {}, dataDir, port: 0, demo: true, quiet: true });
    await first.close();
    const file = join(dataDir, 'keys.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {
      publishableKey: first.publishableKey,
      secretKey: first.secretKey,
    });
    const second = await startServer({ env: {}, dataDir, port: 0, demo: true, quiet: true });
    try {
      assert.equal(second.publishableKey, first.publishableKey);
      assert.equal(second.secretKey, first.secretKey);
      const res = await getJson(second, '/v1/products?limit=1');
      assert.equal(res.status, 200);
      assert.equal(ProductList.parse(res.body).total, generateDemoCatalog().products.length);
    } finally {
      await second.close();
    }
  });
});

describe('closing the server', () => {
  test('lets a request in flight finish, refuses new connections once the listener closes, then resolves', async () => {
    let received!: () => void;
    const requestArrived = new Promise<void>((resolve) => (received = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const http = createServer((_req, res) => {
      received();
      void released.then(() => res.end('done'));
    });
    const drain = trackForDrain(http);
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const inFlight = fetch(url).then((r) => r.text());
    await requestArrived;
    let drained = false;
    const closing = drain.drain().then(() => (drained = true));
    // The listener stays open only until the connections the kernel already queued are accepted.
    while (http.listening) await new Promise((resolve) => setImmediate(resolve));
    await assert.rejects(fetch(url), 'no new connections once closing');
    assert.equal(drained, false);
    release();
    assert.equal(await inFlight, 'done');
    await closing;
  });

  test('startServer close() stops the server and can be called twice', async () => {
    // memory: true asks for PGlite explicitly, whatever DATABASE_URL the environment carries.
    const server = await startServer({
      env: { DATABASE_URL: 'postgres://nowhere.invalid:1/shop' },
      port: 0,
      memory: true,
      quiet: true,
    });
    const health = await getJson(server, '/v1/health', null);
    assert.equal(Liveness.parse(health.body).components.database, 'pglite');
    await Promise.all([server.close(), server.close()]);
    await assert.rejects(fetch(`${server.url}/v1/health`));
  });
});

describe('one data directory, two processes', () => {
  test('a second server on the same PGlite directory is refused with a clear message', async () => {
    const dataDir = tempDir();
    const first = await startServer({ env: {}, dataDir, port: 0, quiet: true });
    try {
      await assert.rejects(
        startServer({ env: {}, dataDir, port: 0, quiet: true }),
        /in use by another Shoptag process/,
      );
    } finally {
      await first.close();
    }
    const again = await startServer({ env: {}, dataDir, port: 0, quiet: true });
    await again.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
