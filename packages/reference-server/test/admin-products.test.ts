import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { AdminProduct, DeletedProduct, ErrorBody, Product, SearchResult, SuggestResult } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { importAndWait, postImport } from './support/import-jobs.js';
import { searchCatalog } from './support/search-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CSV = readFileSync(new URL('./fixtures/shopify-products.csv', import.meta.url), 'utf8');

const newProduct = {
  handle: 'canvas-tote',
  name: 'Canvas Tote',
  sku: 'TOTE',
  brand: 'Kestrel',
  category: 'shirts',
  short_description: 'A sturdy bag.',
  description_html: '<p onclick="steal()">Carries <em>everything</em>.</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
  tags: ['bags'],
  attributes: { Material: 'Canvas' },
  seo: { title: 'Canvas Tote | Kestrel', keywords: ['tote', 'bag'] },
  images: [{ url: 'https://cdn.example.com/tote.jpg', alt: 'Tote', width: 1000, height: 1200 }],
  variants: [
    { sku: 'TOTE-NAT', options: { Colour: 'Natural' }, price: 2400, stock: 7, weight_grams: 300 },
    { sku: 'TOTE-BLK', options: { Colour: 'Black' }, price: 2600, compare_at_price: 3000, stock: 0, enabled: false },
  ],
};

forEachDatabase('admin products API', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: searchCatalog() });
  });
  after(() => app.close());

  const admin = (path: string, method = 'GET', body?: unknown, contentType = 'application/json') =>
    app.request(`/v1/admin/products${path}`, {
      method,
      key: app.secretKey,
      headers: body === undefined ? {} : { 'content-type': contentType },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const productCount = async () => Number((await target.db.query<{ n: number }>('SELECT count(*)::int AS n FROM products')).rows[0]?.n);

  test('creates a product with sanitized HTML, options from its variants, stock and SEO', async () => {
    const res = await admin('', 'POST', newProduct);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const p = AdminProduct.parse(res.body);
    assert.equal(p.status, 'active');
    assert.equal(p.description_html, '<p>Carries <em>everything</em>.</p><a rel="noopener nofollow">x</a>');
    assert.deepEqual(p.options, [{ name: 'Colour', values: ['Natural', 'Black'] }]);
    assert.deepEqual(p.variants.map((v) => [v.sku, v.available_quantity, v.enabled, v.weight_grams]), [['TOTE-NAT', 7, true, 300], ['TOTE-BLK', 0, false, null]]);
    assert.deepEqual(p.seo, { title: 'Canvas Tote | Kestrel', description: 'A sturdy bag.', keywords: ['tote', 'bag'], canonical_url: null, og_image: 'https://cdn.example.com/tote.jpg' });
    assert.deepEqual(p.category_path.map((c) => c.slug), ['apparel', 'shirts']);
    assert.deepEqual(p.attributes, { Material: 'Canvas' });
  });

  test('a created product is listed and found by search at once (the cache is invalidated)', async () => {
    const search = SearchResult.parse((await app.request('/v1/search?q=tote')).body);
    assert.deepEqual(search.data.map((d) => d.handle), ['canvas-tote']);
    assert.equal(Product.parse((await app.request('/v1/products/canvas-tote')).body).name, 'Canvas Tote');
  });

  test('updates fields, keeps unchanged variants and their stock, and the storefront sees it', async () => {
    await app.request('/v1/products/canvas-tote'); // cached before the write
    const res = await admin('/canvas-tote', 'PATCH', { name: 'Canvas Tote Bag', variants: [{ sku: 'TOTE-NAT', options: { Colour: 'Natural' }, price: 2200 }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const p = AdminProduct.parse(res.body);
    assert.equal(p.name, 'Canvas Tote Bag');
    assert.deepEqual(p.variants.map((v) => [v.sku, v.price.amount, v.available_quantity]), [['TOTE-NAT', 2200, 7]]);
    assert.equal(p.seo.title, 'Canvas Tote | Kestrel');
    assert.equal(Product.parse((await app.request('/v1/products/canvas-tote')).body).name, 'Canvas Tote Bag');
    // Search and suggestions follow the new name and price at once.
    const found = SearchResult.parse((await app.request('/v1/search?q=bag&sort=price_asc')).body);
    assert.deepEqual(found.data.map((d) => [d.handle, d.price.amount]), [['canvas-tote', 2200]]);
    const suggested = SuggestResult.parse((await app.request('/v1/search/suggest?q=tote%20ba')).body);
    assert.deepEqual(suggested.data.map((d) => d.name), ['Canvas Tote Bag']);
  });

  test('a draft product is readable by admin but not listed', async () => {
    assert.equal((await admin('/canvas-tote', 'PATCH', { status: 'draft' })).status, 200);
    assert.equal((await app.request('/v1/products/canvas-tote')).status, 404);
    assert.equal(AdminProduct.parse((await admin('/canvas-tote')).body).status, 'draft');
    assert.equal(SearchResult.parse((await app.request('/v1/search?q=tote')).body).total, 0);
    assert.deepEqual(SuggestResult.parse((await app.request('/v1/search/suggest?q=tote')).body).data, []);
  });

  test('deletes a product', async () => {
    const res = await admin('/canvas-tote', 'DELETE');
    assert.equal(res.status, 200);
    assert.deepEqual(DeletedProduct.parse(res.body).deleted, true);
    assert.equal((await admin('/canvas-tote')).status, 404);
    assert.equal((await admin('/canvas-tote', 'DELETE')).status, 404);
  });

  test('bad input is a 4xx naming the field, and nothing is written', async () => {
    const before = await productCount();
    const cases: [unknown, number, string | undefined][] = [
      [{ ...newProduct, handle: 'Not A Handle' }, 400, 'handle'],
      [{ ...newProduct, variants: [] }, 400, 'variants'],
      [{ ...newProduct, variants: [{ sku: 'A', price: -1 }] }, 400, 'variants.0.price'],
      [{ ...newProduct, variants: [{ sku: 'A', price: 1.5 }] }, 400, 'variants.0.price'],
      [{ ...newProduct, variants: [{ sku: 'A', price: 1 }, { sku: 'A', price: 2 }] }, 400, 'variants.1.sku'],
      [{ ...newProduct, price: 100 }, 400, 'price'],
      [{ ...newProduct, category: 'nope' }, 404, 'category'],
      [{ ...newProduct, handle: 'linen-shirt' }, 409, 'handle'],
      [{ ...newProduct, variants: [{ sku: 'SX-01-0', price: 100 }] }, 409, 'variants'],
    ];
    for (const [body, status, param] of cases) {
      const res = await admin('', 'POST', body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(ErrorBody.parse(res.body).error.param, param);
    }
    assert.equal((await admin('', 'POST', '{not json')).status, 400);
    assert.equal((await admin('/linen-shirt', 'PATCH', {})).status, 400);
    assert.equal((await admin('/nope', 'PATCH', { name: 'x' })).status, 404);
    assert.equal(await productCount(), before);
  });

  test('image, variant image, canonical and og:image URLs must be http(s) or a path on the server', async () => {
    const before = await productCount();
    const image = (url: string) => ({ ...newProduct, images: [{ url }] });
    const cases: [unknown, string][] = [
      [image('javascript:alert(1)'), 'images.0.url'],
      [image(' JavaScript:alert(1)'), 'images.0.url'],
      [image('data:image/svg+xml,<svg onload=alert(1)>'), 'images.0.url'],
      [image('//evil.example/x.png'), 'images.0.url'],
      [image('/\\evil.example/x.png'), 'images.0.url'],
      [{ ...newProduct, variants: [{ sku: 'A', price: 1, image_url: 'vbscript:msgbox(1)' }] }, 'variants.0.image_url'],
      [{ ...newProduct, seo: { canonical_url: 'javascript:alert(1)' } }, 'seo.canonical_url'],
      [{ ...newProduct, seo: { og_image: 'data:text/html,<script>alert(1)</script>' } }, 'seo.og_image'],
    ];
    for (const [body, param] of cases) {
      const res = await admin('', 'POST', body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(ErrorBody.parse(res.body).error.param, param);
    }
    assert.equal(await productCount(), before);
    const ok = await admin('', 'POST', { ...newProduct, handle: 'relative-image', sku: 'REL', images: [{ url: '/media/products/x.webp' }], variants: [{ sku: 'REL-1', price: 100 }], seo: { canonical_url: 'https://shop.example/p/relative-image' } });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  test('a publishable key cannot reach the admin API', async () => {
    const res = await app.request('/v1/admin/products', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(newProduct) });
    assert.equal(res.status, 403);
  });
});

forEachDatabase('Shopify CSV import', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: searchCatalog() });
  });
  after(() => app.close());

  const importCsv = (csv: string, contentType = 'text/csv') => postImport(app, csv, contentType);
  const importedHandles = async () =>
    (await target.db.query<{ handle: string }>('SELECT handle FROM products WHERE import_checksum IS NOT NULL ORDER BY position')).rows.map((r) => r.handle);

  test('groups rows by Handle into products, variants and images, and reports skipped rows', async () => {
    const job = await importAndWait(app, CSV);
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.deepEqual([job.rows_total, job.rows_done], [10, 10]);
    assert.deepEqual([job.created, job.updated, job.unchanged, job.skipped], [4, 0, 0, 3]);
    assert.deepEqual(await importedHandles(), ['ocean-hoodie', 'plain-mug', 'secret-draft', 'old-archived']);
    assert.deepEqual(job.errors.map((s) => [s.row, s.handle]), [[9, 'bad-price'], [10, null], [11, 'Bad Handle!']]);
    assert.match(job.errors[0]?.reason ?? '', /Variant Price 'ten dollars'/);

    const hoodie = Product.parse((await app.request('/v1/products/ocean-hoodie')).body);
    assert.equal(hoodie.brand, 'Tidewell');
    assert.equal(hoodie.category.name, 'Hoodies');
    assert.deepEqual(hoodie.tags, ['fleece', 'winter']);
    assert.equal(hoodie.description_html, '<p>Warm <strong>fleece</strong> hoodie.</p><img src="https://cdn.example.com/x.png" />');
    assert.deepEqual(hoodie.options, [{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Navy', 'Sand'] }]);
    assert.deepEqual(
      hoodie.variants.map((v) => [v.sku, v.title, v.price.amount, v.compare_at_price?.amount ?? null, v.available_quantity, v.weight_grams]),
      [['OH-S-NAVY', 'S / Navy', 5900, 7900, 5, 450], ['OH-M-NAVY', 'M / Navy', 5900, 7900, 0, 480], ['OH-M-SAND', 'M / Sand', 6250, null, 2, 480]],
    );
    assert.deepEqual(hoodie.images.map((i) => [i.url.replace('https://cdn.example.com/', ''), i.alt]), [
      ['hoodie-front.jpg', 'Hoodie front'], ['hoodie-back.jpg', 'Hoodie back'], ['hoodie-detail.jpg', 'Hoodie detail'], ['hoodie-navy.jpg', 'Ocean Hoodie'],
    ]);
    const navy = hoodie.images.find((i) => i.url.endsWith('hoodie-navy.jpg'));
    assert.equal(hoodie.variants[0]?.image_id, navy?.id);
    assert.deepEqual([hoodie.seo.title, hoodie.seo.description], ['Ocean Hoodie | Tidewell', 'A warm fleece hoodie']);

    const mug = Product.parse((await app.request('/v1/products/plain-mug')).body);
    assert.deepEqual(mug.options, []);
    assert.deepEqual(mug.variants.map((v) => [v.sku, v.price.amount, v.available_quantity]), [['PLAIN-MUG-1', 1450, 12]]);
  });

  test('draft and archived products are imported but not listed', async () => {
    assert.equal((await app.request('/v1/products/secret-draft')).status, 404);
    assert.equal((await app.request('/v1/products/old-archived')).status, 404);
    const admin = await app.request('/v1/admin/products/secret-draft', { key: app.secretKey });
    assert.equal(AdminProduct.parse(admin.body).status, 'draft');
  });

  test('re-importing the same file changes nothing', async () => {
    const before = (await target.db.query<{ updated_at: Date }>(`SELECT updated_at FROM products WHERE handle = 'ocean-hoodie'`)).rows[0]?.updated_at;
    const job = await importAndWait(app, CSV);
    assert.deepEqual([job.status, job.created, job.updated, job.unchanged], ['succeeded', 0, 0, 4]);
    const after = (await target.db.query<{ updated_at: Date }>(`SELECT updated_at FROM products WHERE handle = 'ocean-hoodie'`)).rows[0]?.updated_at;
    assert.deepEqual(after, before);
  });

  test('a changed row updates its product and keeps variant ids', async () => {
    const ids = Product.parse((await app.request('/v1/products/ocean-hoodie')).body).variants.map((v) => v.id);
    const job = await importAndWait(app, CSV.replace('62.50', '64.00'));
    assert.deepEqual([job.status, job.created, job.updated, job.unchanged], ['succeeded', 0, 1, 3]);
    const hoodie = Product.parse((await app.request('/v1/products/ocean-hoodie')).body);
    assert.deepEqual(hoodie.variants.map((v) => v.id), ids);
    assert.equal(hoodie.variants[2]?.price.amount, 6400);
  });

  test('a file that is not a Shopify export, or no file, is a 400 and writes nothing, not even a job', async () => {
    const count = async (table: string) => (await target.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;
    const before = [await count('products'), await count('import_jobs')];
    const code = (res: { body: unknown }) => ErrorBody.parse(res.body).error.code;
    const notShopify = await importCsv('Name,Price\nA,1\n');
    assert.deepEqual([notShopify.status, code(notShopify)], [400, 'csv_invalid']);
    const unterminated = await importCsv('Handle,Title\n"unterminated,x\n');
    assert.deepEqual([unterminated.status, code(unterminated)], [400, 'csv_invalid']);
    // The fault is at the end of the file: the whole file is checked before anything is written.
    const malformed = await importCsv(`${CSV}ocean-hoodie,"unterminated,x\n`);
    assert.deepEqual([malformed.status, code(malformed)], [400, 'csv_invalid']);
    assert.equal((await importCsv('')).status, 400);
    assert.equal((await importCsv('{"a":1}', 'application/json')).status, 400);
    assert.deepEqual([await count('products'), await count('import_jobs')], before);
  });
});
