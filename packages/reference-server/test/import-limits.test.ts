// The CSV import holds every field to the same limits as POST /v1/admin/products: a row that
// breaks them is skipped with its reason, and nothing unsafe or oversized is stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AdminProduct } from '@shoptag/sdk/contract';
import { systemClock } from '../src/clock.js';
import { silentLogger } from '../src/logger.js';
import { createImportJobs, createShopifyImporter, textSource } from '../src/services/catalog/index.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { importAndWait } from './support/import-jobs.js';
import { SHOPIFY_HEADER, shopifyRow } from './support/shopify-csv.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const product = (handle: string, fields: Record<string, string> = {}) =>
  shopifyRow({
    Handle: handle,
    Title: `Product ${handle}`,
    'Variant SKU': `${handle.toUpperCase()}-1`,
    'Variant Price': '10.00',
    ...fields,
  });

forEachDatabase('CSV import limits', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app.close());

  const reasons = (job: { errors: { row: number; reason: string }[] }) =>
    new Map(job.errors.map((e) => [e.row, e.reason]));
  const exists = async (handle: string) =>
    (await app.request(`/v1/admin/products/${handle}`, { key: app.secretKey })).status === 200;

  test('a 100,000-character name and a javascript: image URL are refused per row, with the reason, and the rest imports', async () => {
    const csv = [
      SHOPIFY_HEADER,
      product('huge-name', { Title: 'N'.repeat(100_000) }), // row 2
      product('script-image', { 'Image Src': 'javascript:alert(document.cookie)' }), // row 3
      product('data-image', { 'Image Src': 'data:image/svg+xml,<svg onload=alert(1)>' }), // row 4
      product('fine'), // row 5
    ].join('\n');
    const job = await importAndWait(app, csv);
    assert.deepEqual([job.status, job.created, job.skipped], ['succeeded', 1, 3]);
    const why = reasons(job);
    assert.equal(why.get(2), 'Title must be at most 300 characters long (got 100,000 characters)');
    assert.equal(
      why.get(3),
      'Image Src must be an http or https URL, or a path starting with / (got "javascript:alert(document.cookie)")',
    );
    assert.match(why.get(4) ?? '', /^Image Src must be an http or https URL/);
    assert.deepEqual(await Promise.all(['huge-name', 'script-image', 'data-image', 'fine'].map(exists)), [
      false,
      false,
      false,
      true,
    ]);
    const { rows } = await target.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM products WHERE length(name) > 300) + (SELECT count(*) FROM product_images WHERE url !~* '^(https?://|/)') AS n`,
    );
    assert.equal(Number(rows[0]?.n), 0, 'nothing oversized or unsafe was stored');
  });

  test('a variant row that breaks a limit is skipped alone; a product field or image that does skips the product', async () => {
    const csv = [
      SHOPIFY_HEADER,
      product('two-sizes', { 'Option1 Name': 'Size', 'Option1 Value': 'S' }), // row 2
      shopifyRow({
        Handle: 'two-sizes',
        'Option1 Value': 'M',
        'Variant SKU': 'TWO-M',
        'Variant Price': '10.00',
        'Variant Image': 'vbscript:msgbox(1)',
      }), // row 3
      shopifyRow({
        Handle: 'two-sizes',
        'Option1 Value': 'L'.repeat(201),
        'Variant SKU': 'TWO-L',
        'Variant Price': '10.00',
      }), // row 4
      shopifyRow({
        Handle: 'two-sizes',
        'Option1 Value': 'XL',
        'Variant SKU': 'X'.repeat(101),
        'Variant Price': '10.00',
      }), // row 5
      product('long-vendor', { Vendor: 'V'.repeat(201) }), // row 6
      shopifyRow({ Handle: 'long-vendor', 'Image Src': 'https://cdn.example.com/ok.jpg' }), // row 7
      product('bad-alt', { 'Image Src': 'https://cdn.example.com/a.jpg', 'Image Alt Text': 'A'.repeat(501) }), // row 8
    ].join('\n');
    const job = await importAndWait(app, csv);
    assert.deepEqual([job.status, job.created], ['succeeded', 1]);
    const why = reasons(job);
    assert.match(why.get(3) ?? '', /^Variant Image must be an http or https URL/);
    assert.match(why.get(4) ?? '', /^Option1 Value must be at most 200 characters long/);
    assert.match(why.get(5) ?? '', /^Variant SKU must be at most 100 characters long/);
    assert.equal(why.get(6), 'Vendor must be at most 200 characters long (got 201 characters)');
    assert.equal(
      why.get(7),
      'not imported with its product (row 6: Vendor must be at most 200 characters long (got 201 characters))',
    );
    assert.match(why.get(8) ?? '', /^Image Alt Text must be at most 500 characters long/);
    const sized = AdminProduct.parse((await app.request('/v1/admin/products/two-sizes', { key: app.secretKey })).body);
    assert.deepEqual(
      sized.variants.map((v) => v.sku),
      ['TWO-SIZES-1'],
    );
    assert.equal(await exists('long-vendor'), false);
  });

  test("rows of one product split by another product's rows are skipped, not merged or overwritten", async () => {
    const csv = [
      SHOPIFY_HEADER,
      product('split-a'),
      product('split-b'),
      shopifyRow({ Handle: 'split-a', 'Variant SKU': 'SPLIT-A-2', 'Variant Price': '12.00' }),
    ].join('\n');
    const job = await importAndWait(app, csv);
    assert.deepEqual([job.created, job.skipped], [2, 1]);
    assert.match(reasons(job).get(4) ?? '', /must follow one another/);
    const a = AdminProduct.parse((await app.request('/v1/admin/products/split-a', { key: app.secretKey })).body);
    assert.deepEqual(
      a.variants.map((v) => v.sku),
      ['SPLIT-A-1'],
    );
  });

  test('a file (the CLI reads files) with a NUL character in a row skips that row; the API refuses such a body whole', async () => {
    const csv = [
      SHOPIFY_HEADER,
      product('nul-option', { 'Option1 Name': 'Size', 'Option1 Value': 'S' }), // row 2
      shopifyRow({
        Handle: 'nul-option',
        'Option1 Value': 'M\u0000',
        'Variant SKU': 'NUL-M',
        'Variant Price': '10.00',
      }), // row 3
      product('nul-title', { Title: 'Bad\u0000Title' }), // row 4
    ].join('\n');
    const jobs = createImportJobs({
      db: target.db,
      clock: systemClock,
      logger: silentLogger,
      importer: createShopifyImporter({ db: target.db, currency: 'USD', invalidate: () => app.invalidateCache() }),
    });
    const job = await jobs.wait((await jobs.submit(textSource(csv), 'cli')).id);
    await jobs.shutdown();
    assert.deepEqual([job.status, job.created, job.skipped], ['succeeded', 1, 2]);
    const why = reasons(job);
    assert.equal(why.get(3), 'Option1 Value contains a NUL character');
    assert.equal(why.get(4), 'Title contains a NUL character');
    assert.equal(
      (
        await app.request('/v1/admin/products/import', {
          method: 'POST',
          key: app.secretKey,
          headers: { 'content-type': 'text/csv' },
          body: csv,
        })
      ).status,
      400,
    );
  });
});
