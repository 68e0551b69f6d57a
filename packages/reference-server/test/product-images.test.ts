// Image upload through the admin API on both databases: the file is checked, stored, served as
// sent and in renditions, added to the product where asked; alt text, reorder and remove.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AdminProduct, ErrorBody, Product } from '@shoptag/sdk/contract';
import sharp from 'sharp';
import { createImageRenditions, createUploadedImages } from '../src/services/media/index.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();

forEachDatabase('product images', (target) => {
  let app: TestApp;
  const cacheDir = mkdtempSync(join(tmpdir(), 'shoptag-upload-renditions-'));
  before(async () => {
    const uploads = createUploadedImages({ db: target.db, clock: { now: () => new Date() } });
    const renditions = createImageRenditions({
      cacheDir,
      loadSource: async (id) => (await uploads.load(id))?.bytes ?? null,
    });
    app = await startTestApp(target.db, { catalog: fixtureCatalog(), overrides: { renditions } });
  });
  after(async () => {
    await app?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const upload = (product: string, body: Buffer, type = 'image/png', query = '') =>
    fetch(`${app.url}/v1/admin/products/${product}/images${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.secretKey}`, 'content-type': type },
      body: new Uint8Array(body),
    });
  const admin = (path: string, method = 'GET', body?: unknown) =>
    app.request(`/v1/admin/products${path}`, {
      method,
      key: app.secretKey,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });

  test('an uploaded image is added last, with its size, alt text and renditions up to its width', async () => {
    const res = await upload('prod_fx02', await png(1000, 600), 'image/png', '?alt=Red%20swatch');
    assert.equal(res.status, 201);
    const product = AdminProduct.parse(await res.json());
    assert.equal(product.images.length, 2);
    const image = product.images[1]!;
    assert.match(image.url, /^\/media\/products\/img_[A-Za-z0-9]+\.png$/);
    assert.deepEqual([image.alt, image.width, image.height, image.position], ['Red swatch', 1000, 600, 1]);
    assert.deepEqual(
      image.sources.filter((s) => s.format === 'webp').map((s) => s.width),
      [320, 640, 960],
    );
  });

  test('the file is served as sent, and its renditions are resized WebP', async () => {
    const product = AdminProduct.parse((await admin('/prod_fx02')).body);
    const image = product.images[1]!;
    const original = await fetch(`${app.url}${image.url}`);
    assert.equal(original.status, 200);
    assert.equal(original.headers.get('content-type'), 'image/png');
    assert.match(original.headers.get('cache-control') ?? '', /immutable/);
    const meta = await sharp(Buffer.from(await original.arrayBuffer())).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1000, 600]);
    const webp = await fetch(`${app.url}${image.sources.find((s) => s.width === 640 && s.format === 'webp')!.url}`);
    assert.equal(webp.status, 200);
    const resized = await sharp(Buffer.from(await webp.arrayBuffer())).metadata();
    assert.deepEqual([resized.format, resized.width], ['webp', 640]);
  });

  test('the storefront shows the new image at once (the catalog cache is dropped)', async () => {
    const product = Product.parse((await app.request('/v1/products/prod_fx02')).body);
    assert.equal(product.images.length, 2);
    assert.equal(product.images[1]?.alt, 'Red swatch');
  });

  test('a photo turned by its EXIF orientation is measured upright', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const product = AdminProduct.parse(await (await upload('prod_fx03', jpeg, 'image/jpeg', '?position=0')).json());
    const first = product.images[0]!;
    assert.match(first.url, /\.jpg$/);
    assert.deepEqual([first.width, first.height, first.position], [200, 400, 0]);
    assert.equal(product.images[1]?.url, '/media/products/img_fx03.svg');
  });

  test('alt text changes and images move; positions stay in display order', async () => {
    const before = AdminProduct.parse((await admin('/prod_fx03')).body).images;
    const moved = await admin(`/prod_fx03/images/${before[0]!.id}`, 'PATCH', { position: 1, alt: 'Blue, side' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const after = AdminProduct.parse(moved.body).images;
    assert.deepEqual(
      after.map((i) => [i.id, i.position]),
      [
        [before[1]!.id, 0],
        [before[0]!.id, 1],
      ],
    );
    assert.equal(after[1]?.alt, 'Blue, side');
  });

  test('removing an uploaded image takes it off the product and stops serving it', async () => {
    const images = AdminProduct.parse((await admin('/prod_fx02')).body).images;
    const uploaded = images[1]!;
    const res = await admin(`/prod_fx02/images/${uploaded.id}`, 'DELETE');
    assert.equal(res.status, 200);
    assert.deepEqual(
      AdminProduct.parse(res.body).images.map((i) => i.id),
      [images[0]!.id],
    );
    assert.equal((await fetch(`${app.url}${uploaded.url}`)).status, 404);
  });

  test('what is not an image, too large, or for no product is refused, and nothing is stored', async () => {
    const count = async () =>
      Number((await target.db.query<{ n: number }>('SELECT count(*)::int AS n FROM media_uploads')).rows[0]?.n);
    const stored = await count();
    const notImage = await upload('prod_fx04', Buffer.from('<svg onload="alert(1)"/>'), 'image/png');
    assert.equal(notImage.status, 400);
    assert.equal(ErrorBody.parse(await notImage.json()).error.code, 'image_invalid');
    const svg = await upload('prod_fx04', Buffer.from('<svg/>'), 'image/svg+xml');
    assert.equal(svg.status, 415);
    const empty = await upload('prod_fx04', Buffer.alloc(0));
    assert.equal(empty.status, 400);
    const missing = await upload('prod_nope', await png(10, 10));
    assert.equal(missing.status, 404);
    const big = await upload('prod_fx04', Buffer.alloc(11 * 1024 * 1024, 1));
    assert.equal(big.status, 413);
    assert.equal(await count(), stored);
    const noImage = await admin('/prod_fx04/images/img_nothere', 'PATCH', { alt: 'x' });
    assert.equal(noImage.status, 404);
    const emptyPatch = await admin('/prod_fx04/images/img_fx04', 'PATCH', {});
    assert.equal(emptyPatch.status, 400);
  });

  test('uploads need a secret key', async () => {
    const res = await fetch(`${app.url}/v1/admin/products/prod_fx04/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.publishableKey}`, 'content-type': 'image/png' },
      body: new Uint8Array(await png(10, 10)),
    });
    assert.equal(res.status, 403);
  });
});
