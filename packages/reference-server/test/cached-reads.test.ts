// The cached-read lane answers a storefront's repeated catalog reads without Express. These tests
// hold it to sending exactly what the application sends for the same request, and to leaving
// everything else to the application.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../src/store/db.js';
import { createPgliteDb } from '../src/store/pglite-driver.js';
import { migrate } from '../src/store/migrate.js';
import { noopMetrics, type RequestSample } from '../src/metrics/metrics-sink.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SHOP = 'https://shop.example.com';

interface Answer {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

describe('cached catalog reads', () => {
  let db: Db;
  let app: TestApp;
  let throughApplication = 0;
  const samples: RequestSample[] = [];

  async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${app.url}${path}`, {
      headers: { authorization: `Bearer ${app.publishableKey}`, ...headers },
      // fetch would decode br and gzip: the bytes as sent are what is compared.
      decompress: false,
    } as RequestInit);
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: new Map(res.headers), body };
  }

  /** The same request twice: the first answered by the application (a miss), the second from the lane. */
  async function twice(path: string, headers: Record<string, string> = {}) {
    await app.invalidateCache();
    const before = throughApplication;
    const first = await get(path, headers);
    const second = await get(path, headers);
    return { first, second, applicationAnswered: throughApplication - before };
  }

  function withoutPerRequest(headers: Map<string, string>): Map<string, string> {
    const copy = new Map(headers);
    copy.delete('request-id');
    copy.delete('date');
    return copy;
  }

  before(async () => {
    db = await createPgliteDb({ dataDir: null });
    await migrate(db);
    app = await startTestApp(db, {
      catalog: fixtureCatalog(),
      origins: [SHOP],
      generationTtlMs: 60_000,
      metrics: { ...noopMetrics, request: (sample) => void samples.push(sample) },
    });
    // Counts what reaches Express's router (the lane sits in front of it).
    const router = (app.express as unknown as { router: { handle: (...args: unknown[]) => void } }).router;
    const handle = router.handle.bind(router);
    router.handle = (...args: unknown[]) => {
      throughApplication++;
      handle(...args);
    };
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  for (const [coding, acceptEncoding] of [
    ['br', 'gzip, deflate, br, zstd'],
    ['gzip', 'gzip'],
    ['identity', 'identity'],
  ] as const) {
    test(`a repeated product list (${coding}) is sent from the lane with the application's very headers and bytes`, async () => {
      const { first, second, applicationAnswered } = await twice('/v1/products?limit=5', {
        'accept-encoding': acceptEncoding,
      });
      assert.equal(applicationAnswered, 1, 'only the first request reached the application');
      assert.equal(second.status, 200);
      assert.deepEqual(withoutPerRequest(second.headers), withoutPerRequest(first.headers));
      assert.deepEqual(second.body, first.body);
      assert.equal(second.headers.get('content-encoding'), coding === 'identity' ? undefined : coding);
      assert.match(second.headers.get('request-id') ?? '', /^req_/);
      assert.notEqual(second.headers.get('request-id'), first.headers.get('request-id'));
    });
  }

  test('one product, and a browser on an allowed origin (CORS headers included), take the lane too', async () => {
    const handle = fixtureCatalog().products[0]!.handle;
    const product = await twice(`/v1/products/${handle}`, { 'accept-encoding': 'br' });
    assert.equal(product.applicationAnswered, 1);
    assert.deepEqual(withoutPerRequest(product.second.headers), withoutPerRequest(product.first.headers));
    assert.deepEqual(product.second.body, product.first.body);

    const browser = await twice('/v1/products?limit=3', { origin: SHOP, 'accept-encoding': 'br' });
    assert.equal(browser.applicationAnswered, 1);
    assert.equal(browser.second.headers.get('access-control-allow-origin'), SHOP);
    assert.deepEqual(withoutPerRequest(browser.second.headers), withoutPerRequest(browser.first.headers));
  });

  test('a lane answer is logged in metrics under its route pattern, like any other', async () => {
    samples.length = 0;
    await twice('/v1/products?limit=4');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(
      samples.map((s) => [s.method, s.route, s.status]),
      [
        ['GET', '/v1/products', 200],
        ['GET', '/v1/products', 200],
      ],
    );
  });

  test('everything the lane does not know is left to the application', async () => {
    await get('/v1/products?limit=6');
    const cases: [string, string, Record<string, string>, number][] = [
      ['another origin', '/v1/products?limit=6', { origin: 'https://elsewhere.example' }, 403],
      ['a revalidation', '/v1/products?limit=6', { 'if-none-match': '"nope"' }, 200],
      ['an invalid query', '/v1/products?limit=0', {}, 400],
      ['an unknown parameter', '/v1/products?colour=red', {}, 400],
      ['a percent-encoded query', '/v1/products?limit=%36', {}, 200],
      ['a secret key', '/v1/products?limit=6', { authorization: `Bearer ${app.secretKey}` }, 200],
      ['no key', '/v1/products?limit=6', { authorization: '' }, 401],
      ['a product with a query', `/v1/products/${fixtureCatalog().products[0]!.handle}?x=1`, {}, 200],
    ];
    for (const [what, path, headers, status] of cases) {
      const before = throughApplication;
      const answer = await get(path, headers);
      assert.equal(answer.status, status, what);
      assert.equal(throughApplication - before, 1, `${what} reaches the application`);
    }
  });

  test('a catalog write is seen at once: the lane never answers from an older generation', async () => {
    await get('/v1/products?limit=2');
    await app.invalidateCache();
    const before = throughApplication;
    await get('/v1/products?limit=2');
    assert.equal(throughApplication - before, 1);
  });
});
