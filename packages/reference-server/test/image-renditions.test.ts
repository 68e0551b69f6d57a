import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Product } from '@shoptag/sdk/contract';
import sharp from 'sharp';
import { startServer, type StartedDemoServer } from '../src/server.js';
import { createImageRenditions, renditionSources } from '../src/services/media/index.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800"><rect width="800" height="800" fill="#3366cc"/></svg>';

describe('image renditions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoptag-renditions-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const renditions = createImageRenditions({ cacheDir: dir, loadSource: (id) => (id === 'img_known' ? SVG : null) });

  test('a WebP rendition is made at the asked width and kept on disk', async () => {
    const result = await renditions.get('img_known', 640, 'webp');
    assert.equal(result?.kind, 'image');
    if (result?.kind !== 'image') return;
    const meta = await sharp(result.body).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 640, 640]);
    assert.ok(readdirSync(dir).includes('img_known-640.webp'));
  });

  test('an AVIF not made yet redirects to the WebP while it is made in the background, then is served', async () => {
    const first = await renditions.get('img_known', 320, 'avif');
    assert.deepEqual(first, { kind: 'redirect', to: '/media/products/img_known-320.webp' });
    await renditions.idle();
    const second = await renditions.get('img_known', 320, 'avif');
    assert.equal(second?.kind, 'image');
    if (second?.kind === 'image') assert.equal((await sharp(second.body).metadata()).format, 'heif');
  });

  test('unknown images and widths outside the set are not made', async () => {
    assert.equal(await renditions.get('img_unknown', 320, 'webp'), null);
    assert.equal(await renditions.get('img_known', 333, 'webp'), null);
  });

  test('the sources of a generated image cover 320–1920 px in WebP and AVIF; external URLs have none', () => {
    const sources = renditionSources('/media/products/img_abc.svg');
    assert.deepEqual([...new Set(sources.map((s) => s.width))], [320, 640, 960, 1280, 1920]);
    assert.deepEqual([...new Set(sources.map((s) => s.format))], ['webp', 'avif']);
    assert.deepEqual(renditionSources('https://cdn.example.com/a.jpg'), []);
  });
});

describe('renditions over HTTP', () => {
  let server: StartedDemoServer;
  before(async () => {
    server = await startServer({ port: 0, memory: true, demo: true, quiet: true, env: {} });
  });
  after(() => server?.close());

  test('seeded products list their renditions, served as immutable WebP with the right type', async () => {
    const res = await fetch(`${server.url}/v1/products?limit=1`, {
      headers: { authorization: `Bearer ${server.publishableKey}` },
    });
    const product = Product.parse(((await res.json()) as { data: unknown[] }).data[0]);
    const source = product.images[0]?.sources.find((s) => s.format === 'webp' && s.width === 320);
    assert.ok(source);
    const image = await fetch(`${server.url}${source.url}`);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/webp');
    assert.match(image.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width, 320);
  });

  test('a bad rendition name is a 404', async () => {
    assert.equal((await fetch(`${server.url}/media/products/img_nope-320.webp`)).status, 404);
    assert.equal((await fetch(`${server.url}/media/products/img_nope-321.gif`)).status, 404);
  });
});
