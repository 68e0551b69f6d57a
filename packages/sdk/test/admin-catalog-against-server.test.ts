// The SDK's admin catalogue resources against a real reference server (PGlite in memory, demo
// catalogue, its secret key): products listed in every status, created, given an uploaded image,
// stock counted and adjusted with a reason and read back from the history, a CSV imported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import { InvalidRequestError } from '@shoptag/sdk';
import { createAdminClient, type AdminClient } from '@shoptag/sdk/admin';
import { AdminProduct, AdminProductList, ImportJob, InventoryMovementList } from '@shoptag/sdk/contract';

let server: StartedDemoServer;
let admin: AdminClient;

// A 2×2 PNG.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    'base64',
  ),
);

before(async () => {
  server = await startServer({ port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true });
  assert.ok(server.secretKey);
  admin = createAdminClient({ endpoint: server.url, secretKey: server.secretKey, retries: 0 });
});
after(() => server?.close());

test('a draft created through the SDK is listed with drafts, not in the storefront', async () => {
  const created = await admin.products.create({
    handle: 'sdk-draft-lamp',
    name: 'SDK Draft Lamp',
    category: (await admin.products.list({ limit: 1 })).data[0]!.category.id,
    status: 'draft',
    variants: [
      { sku: 'SDK-LAMP-S', options: { Size: 'S' }, price: 2000, stock: 3 },
      { sku: 'SDK-LAMP-L', options: { Size: 'L' }, price: 2500, stock: 1 },
    ],
  });
  AdminProduct.parse(created);
  const drafts = await admin.products.list({ status: 'draft', q: 'sdk draft' });
  AdminProductList.parse(drafts);
  assert.deepEqual(
    drafts.data.map((p) => [p.handle, p.variant_count]),
    [['sdk-draft-lamp', 2]],
  );
});

test('an image uploaded as bytes is added to the product with its alt text', async () => {
  const product = await admin.products.uploadImage('sdk-draft-lamp', { data: PNG, type: 'image/png' }, { alt: 'Lit' });
  const image = product.images.at(-1)!;
  assert.deepEqual([image.alt, image.width, image.height], ['Lit', 2, 2]);
  const moved = await admin.products.updateImage('sdk-draft-lamp', image.id, { alt: 'Lit, at night' });
  assert.equal(moved.images.at(-1)?.alt, 'Lit, at night');
  const removed = await admin.products.removeImage('sdk-draft-lamp', image.id);
  assert.equal(removed.images.length, product.images.length - 1);
});

test('stock set and adjusted with a reason comes back in the history, newest first', async () => {
  const product = await admin.products.get('sdk-draft-lamp');
  const variant = product.variants[0]!;
  await admin.inventory.set(variant.id, { on_hand: 10, reason: 'received', note: 'delivery' });
  const level = await admin.inventory.adjust(variant.id, { delta: -2, reason: 'damaged' });
  assert.equal(level.on_hand, 8);
  const history = await admin.inventory.history(variant.id, { limit: 2 });
  InventoryMovementList.parse(history);
  assert.deepEqual(
    history.data.map((m) => [m.delta, m.on_hand, m.reason, m.note]),
    [
      [-2, 8, 'damaged', ''],
      [7, 10, 'received', 'delivery'],
    ],
  );
});

test('errors arrive typed: a bad reason is an InvalidRequestError naming it; an unknown product one with status 404', async () => {
  const variant = (await admin.products.get('sdk-draft-lamp')).variants[0]!;
  await assert.rejects(
    admin.inventory.adjust(variant.id, { delta: 1, reason: 'whim' as 'other' }),
    (e: unknown) => e instanceof InvalidRequestError && e.param === 'reason',
  );
  await assert.rejects(
    admin.products.get('no-such-product'),
    (e: unknown) => e instanceof InvalidRequestError && e.statusCode === 404,
  );
});

test('a CSV import is started, followed to its end, and reports each product', async () => {
  const csv =
    'Handle,Title,Type,Variant SKU,Variant Price,Variant Inventory Qty\nsdk-csv-cup,SDK Cup,Mugs,SDK-CUP,9.50,4\n';
  let job = await admin.imports.start(csv);
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    job = await admin.imports.get(job.id);
  }
  ImportJob.parse(job);
  assert.equal(job.status, 'succeeded');
  assert.deepEqual(job.products, [{ row: 2, handle: 'sdk-csv-cup', outcome: 'created' }]);
});
