import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createMemoryCache } from '../src/cache/memory-cache.js';
import { createRedisCache } from '../src/cache/redis-cache.js';
import type { Cache } from '../src/cache/cache.js';
import { systemClock } from '../src/clock.js';
import {
  createPrecompressedFiles,
  createResponseCache,
  createZlibCompressor,
  type BodyCompressor,
  type ContentCoding,
} from '../src/services/http/index.js';
import { migrate } from '../src/store/migrate.js';
import { createPgliteDb } from '../src/store/pglite-driver.js';
import type { Db } from '../src/store/db.js';
import { TEST_REDIS_URL } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire (not decoded). */
  body: Buffer;
}

/** A GET (or HEAD) with node:http, which — unlike fetch — leaves a compressed body as it is. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(res: Raw): Buffer {
  const coding = res.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(res.body);
  if (coding === 'gzip') return gunzipSync(res.body);
  assert.equal(coding, undefined, `unexpected Content-Encoding ${String(coding)}`);
  return res.body;
}

const varies = (res: Raw) =>
  String(res.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

/** A compressor that counts its calls, for telling a stored coding from a freshly made one. */
function countingCompressor(): BodyCompressor & { calls: ContentCoding[] } {
  const zlib = createZlibCompressor();
  const calls: ContentCoding[] = [];
  return {
    calls,
    compress(bytes, coding) {
      calls.push(coding);
      return zlib.compress(bytes, coding);
    },
  };
}

/** Text that compresses well and is well over the 1 KiB below which nothing is compressed. */
const filler = (what: string) => Array.from({ length: 200 }, (_, i) => `${what} ${i};`).join('\n');

describe('compressed responses', () => {
  const root = mkdtempSync(join(tmpdir(), 'shoptag-compression-test-'));
  const shopDir = join(root, 'shop');
  const cdnDir = join(root, 'cdn');
  const compressor = countingCompressor();
  let db: Db;
  let app: TestApp;
  let handle: string;

  before(async () => {
    mkdirSync(shopDir, { recursive: true });
    mkdirSync(join(cdnDir, 'chunks'), { recursive: true });
    writeFileSync(join(cdnDir, 'shoptag.js'), `import "./chunks/core-1234.js";\n${filler('// loader line')}`);
    writeFileSync(join(cdnDir, 'chunks', 'core-1234.js'), filler('export const value = '));
    writeFileSync(
      join(shopDir, 'index.html'),
      `<!doctype html><title>%SHOPTAG_PUBLISHABLE_KEY%</title>\n${filler('<p>')}`,
    );
    writeFileSync(join(shopDir, 'product-page.js'), filler('console.log("demo")'));
    writeFileSync(join(shopDir, 'tiny.js'), 'export {};');
    // Random bytes: already as compact as they get, like any image.
    writeFileSync(
      join(shopDir, 'photo.png'),
      Buffer.from(Array.from({ length: 4096 }, () => (Math.random() * 256) | 0)),
    );
    db = await createPgliteDb({ dataDir: null });
    await migrate(db);
    app = await startTestApp(db, {
      catalog: fixtureCatalog(),
      compressor,
      overrides: { demo: { shopDir, cdnDir, publishableKey: 'pk_test_demo' } },
    });
    const list = await app.request('/v1/products?limit=1');
    handle = (list.body as { data: { handle: string }[] }).data[0]?.handle ?? '';
  });
  after(async () => {
    await app?.close();
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const auth = () => ({ authorization: `Bearer ${app.publishableKey}` });
  const secret = () => ({ authorization: `Bearer ${app.secretKey}` });
  const kinds: { what: string; path: () => string; headers: () => Record<string, string>; type: RegExp }[] = [
    { what: 'cached catalog JSON', path: () => '/v1/products?limit=24', headers: auth, type: /application\/json/ },
    {
      what: 'uncached JSON',
      path: () => `/v1/admin/products/${handle}`,
      headers: secret,
      type: /application\/json/,
    },
    { what: 'the OpenAPI document', path: () => '/v1/openapi.json', headers: () => ({}), type: /application\/json/ },
    { what: 'the CDN bundle', path: () => '/shoptag.js', headers: () => ({}), type: /javascript/ },
    { what: 'a CDN chunk', path: () => '/chunks/core-1234.js', headers: () => ({}), type: /javascript/ },
    { what: 'the demo JS', path: () => '/product-page.js', headers: () => ({}), type: /javascript/ },
    { what: 'the demo HTML', path: () => '/', headers: () => ({}), type: /text\/html/ },
  ];

  for (const kind of kinds) {
    test(`${kind.what} answers br, gzip or identity by Accept-Encoding, each decoding to the same bytes, with Vary`, async () => {
      const url = app.url + kind.path();
      const identity = await get(url, { ...kind.headers(), 'accept-encoding': 'identity' });
      assert.equal(identity.status, 200);
      assert.match(String(identity.headers['content-type']), kind.type);
      assert.equal(identity.headers['content-encoding'], undefined);
      assert.ok(identity.body.length >= 1024, `${kind.what} is large enough to compress (${identity.body.length} B)`);
      const expected = identity.body;
      for (const [accept, coding] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip;q=1, br;q=0.5', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['*', 'br'],
        ['identity', undefined],
        ['deflate;q=0.5, identity', undefined],
      ] as const) {
        const res = await get(url, { ...kind.headers(), 'accept-encoding': accept });
        assert.equal(res.status, 200, accept);
        assert.equal(res.headers['content-encoding'], coding, `Accept-Encoding: ${accept}`);
        assert.ok(varies(res).includes('accept-encoding'), `Vary on ${accept}: ${String(res.headers.vary)}`);
        assert.deepEqual(decode(res), expected, `the ${accept} body decodes to the identity bytes`);
        if (coding) assert.ok(res.body.length < expected.length / 2, `${coding} is smaller`);
        if (res.headers['content-length'] !== undefined)
          assert.equal(Number(res.headers['content-length']), res.body.length, 'Content-Length counts the bytes sent');
      }
      const none = await get(url, kind.headers());
      assert.equal(none.headers['content-encoding'], undefined, 'no Accept-Encoding: identity');
    });
  }

  for (const kind of kinds) {
    test(`${kind.what} answers If-None-Match with its ETag for that coding with an empty 304`, async () => {
      const url = app.url + kind.path();
      const tags = new Set<string>();
      for (const accept of ['br', 'gzip', 'identity']) {
        const first = await get(url, { ...kind.headers(), 'accept-encoding': accept });
        const etag = String(first.headers.etag ?? '');
        assert.notEqual(etag, '');
        tags.add(etag.replace(/^W\//, ''));
        const again = await get(url, { ...kind.headers(), 'accept-encoding': accept, 'if-none-match': etag });
        assert.equal(again.status, 304, `${accept}: ${etag}`);
        assert.equal(again.body.length, 0);
        assert.equal(again.headers.etag, etag);
        assert.ok(varies(again).includes('accept-encoding'));
      }
      // Strong tags differ per coding (each is other bytes); a weak one may be shared.
      const strong = (await get(url, { ...kind.headers(), 'accept-encoding': 'br' })).headers.etag;
      if (!String(strong).startsWith('W/')) assert.equal(tags.size, 3, [...tags].join(' '));
    });
  }

  test('a body under 1 KiB is sent as it is, whatever the client accepts', async () => {
    const res = await get(`${app.url}/tiny.js`, { 'accept-encoding': 'br, gzip' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.body.toString(), 'export {};');
  });

  test('an image is not compressed again', async () => {
    const res = await get(`${app.url}/photo.png`, { 'accept-encoding': 'br, gzip' });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /image\/png/);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.body.length, 4096);
  });

  test('a cache hit sends the stored br or gzip bytes without compressing again', async () => {
    const url = `${app.url}/v1/products?limit=5&sort=price_asc`;
    const before = compressor.calls.length;
    const first = await get(url, { ...auth(), 'accept-encoding': 'br' });
    assert.equal(first.headers['content-encoding'], 'br');
    assert.deepEqual(compressor.calls.slice(before), ['br'], 'the miss made only the coding the client takes');
    const hit = await get(url, { ...auth(), 'accept-encoding': 'gzip, br' });
    assert.deepEqual(hit.body, first.body, 'the same stored bytes');
    assert.equal(hit.headers.etag, first.headers.etag);
    const gzipFirst = await get(url, { ...auth(), 'accept-encoding': 'gzip' });
    const gzipHit = await get(url, { ...auth(), 'accept-encoding': 'gzip' });
    assert.deepEqual(gzipHit.body, gzipFirst.body);
    await get(url, { ...auth(), 'accept-encoding': 'identity' });
    await get(url, { ...auth(), 'accept-encoding': 'br' });
    assert.deepEqual(compressor.calls.slice(before), ['br', 'gzip'], 'each coding was compressed once');
  });

  test('HEAD answers the headers of the GET in the same coding, without a body', async () => {
    for (const path of ['/v1/products?limit=24', '/shoptag.js', '/v1/openapi.json']) {
      const headers = { ...auth(), 'accept-encoding': 'br' };
      const got = await get(app.url + path, headers);
      const head = await get(app.url + path, headers, 'HEAD');
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0);
      assert.equal(head.headers['content-encoding'], 'br', path);
      assert.equal(head.headers['content-length'], String(got.body.length), path);
      assert.equal(head.headers.etag, got.headers.etag, path);
    }
  });

  test('fetch, which asks for compressed answers, reads the catalog as before', async () => {
    const res = await app.request('/v1/products?limit=24');
    assert.equal(res.status, 200);
    assert.ok((res.body as { data: unknown[] }).data.length > 0);
  });
});

describe('compressed catalog responses in a shared cache', () => {
  const skip = TEST_REDIS_URL ? false : 'no SHOPTAG_TEST_REDIS_URL';

  async function twoProcesses(cacheA: Cache, cacheB: Cache) {
    const compressors = [countingCompressor(), countingCompressor()] as const;
    const [a, b] = [cacheA, cacheB].map((cache, i) =>
      createResponseCache({ cache, clock: systemClock, generationTtlMs: 0, compressor: compressors[i] }),
    );
    return { a: a!, b: b!, compressors };
  }

  const body = { data: Array.from({ length: 40 }, (_, i) => ({ id: `prod_${i}`, name: `Product ${i} \u00e9\u2713` })) };

  test(
    'another process sends the codings one process stored, binary-safe through Redis, without compressing',
    { skip },
    async () => {
      const url = TEST_REDIS_URL ?? '';
      const prefix = `shoptag-test-compression-${process.pid}-${Date.now()}:`;
      const [cacheA, cacheB] = await Promise.all([
        createRedisCache({ url, keyPrefix: prefix }),
        createRedisCache({ url, keyPrefix: prefix }),
      ]);
      try {
        const { a, b, compressors } = await twoProcesses(cacheA, cacheB);
        const filled = await a.get('products?[]', async () => body, 'br');
        await filled.encode('gzip');
        assert.deepEqual(compressors[0].calls, ['br', 'gzip']);
        const read = await b.get('products?[]', async () => assert.fail('B must read what A stored'), 'br');
        assert.equal(read.etag, filled.etag);
        for (const coding of ['br', 'gzip'] as const) {
          const bytes = read.coded[coding] ?? (await read.encode(coding));
          assert.ok(bytes, `${coding} is stored`);
          const decoded = coding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);
          assert.deepEqual(JSON.parse(decoded.toString()), body);
        }
        assert.deepEqual(compressors[1].calls, [], 'B compressed nothing');
      } finally {
        await Promise.all([cacheA.close(), cacheB.close()]);
      }
    },
  );

  test('a coding one process adds later is stored for the others', async () => {
    const shared = createMemoryCache({ clock: systemClock });
    const { a, b, compressors } = await twoProcesses(shared, shared);
    await a.get('k', async () => body);
    const later = await b.get('k', async () => assert.fail('stored by A'));
    await later.encode('gzip');
    assert.deepEqual(compressors[1].calls, ['gzip']);
    const third = createResponseCache({ cache: shared, clock: systemClock, compressor: countingCompressor() });
    const read = await third.get('k', async () => assert.fail('stored by A'));
    assert.ok(read.coded.gzip, 'the gzip coding B made is stored with the entry');
  });
});

describe('precompressed files', () => {
  const root = mkdtempSync(join(tmpdir(), 'shoptag-precompressed-test-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  test('warming compresses each script once (source maps wait for a request), and a rebuilt file again', async () => {
    mkdirSync(join(root, 'chunks'), { recursive: true });
    writeFileSync(join(root, 'shoptag.js'), filler('// entry'));
    writeFileSync(join(root, 'chunks', 'a-1.js'), filler('// chunk'));
    writeFileSync(join(root, 'chunks', 'a-1.js.map'), filler('"map"'));
    const compressor = countingCompressor();
    const files = createPrecompressedFiles({ root, compressor });
    await files.warm();
    assert.equal(compressor.calls.length, 4, 'br and gzip of the two scripts');
    const chunk = await files.get('/chunks/a-1.js');
    assert.ok(chunk?.body.coded.br && chunk.body.coded.gzip);
    assert.deepEqual(brotliDecompressSync(chunk.body.coded.br), chunk.body.bytes);
    assert.equal(compressor.calls.length, 4, 'a request after warming compresses nothing');
    await files.get('/chunks/a-1.js.map');
    assert.equal(compressor.calls.length, 6);
    writeFileSync(join(root, 'shoptag.js'), filler('// rebuilt entry, longer than before'));
    const rebuilt = await files.get('/shoptag.js');
    assert.match(rebuilt?.body.body ?? '', /rebuilt entry/);
    assert.equal(compressor.calls.length, 8);
    assert.equal(await files.get('/../outside.js'), null);
    assert.equal(await files.get('/missing.js'), null);
  });
});
