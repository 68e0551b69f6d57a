// A Shopify export's stock and shipping columns, and image alt text from any row: a gift card with
// no inventory tracker is untracked and buyable, `continue` sells on backorder, `Requires
// Shipping = FALSE` is a digital product, and an image-only row's alt text is kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Cart, Product } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { importAndWait } from './support/import-jobs.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CSV = readFileSync(new URL('./fixtures/shopify-stock-policy.csv', import.meta.url), 'utf8');
const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

forEachDatabase('Shopify import of stock policy, shipping and alt text', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
    const job = await importAndWait(app, CSV);
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.deepEqual([job.skipped, job.errors], [0, []]);
  });
  after(() => app?.close());

  const product = async (handle: string) => {
    const res = await app.request(`/v1/products/${handle}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return Product.parse(res.body);
  };
  const settings = (p: Product) =>
    p.variants.map((v) => ({
      sku: v.sku,
      track_inventory: v.track_inventory,
      inventory_policy: v.inventory_policy,
      requires_shipping: v.requires_shipping,
      in_stock: v.in_stock,
    }));

  test('a gift card with an empty Variant Inventory Tracker is untracked, needs no shipping, and can be bought', async () => {
    const card = await product('shop-gift-card');
    assert.deepEqual(settings(card), [
      { sku: 'GC-25', track_inventory: false, inventory_policy: 'deny', requires_shipping: false, in_stock: true },
      { sku: 'GC-50', track_inventory: false, inventory_policy: 'deny', requires_shipping: false, in_stock: true },
    ]);
    const res = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: card.variants[0]!.id, quantity: 3 }] }),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(Cart.parse(res.body).lines[0]!.quantity, 3);
  });

  test('Variant Inventory Policy continue sells on backorder beyond the units on hand', async () => {
    const vase = await product('handmade-vase');
    assert.deepEqual(settings(vase), [
      { sku: 'VASE-1', track_inventory: true, inventory_policy: 'continue', requires_shipping: true, in_stock: true },
    ]);
    assert.equal(vase.variants[0]!.available_quantity, 1);
    const res = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: vase.variants[0]!.id, quantity: 4 }] }),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(Cart.parse(res.body).lines[0]!.backorder_quantity, 3);
  });

  test('Variant Requires Shipping FALSE is a product with nothing to ship', async () => {
    assert.deepEqual(settings(await product('field-guide-ebook')), [
      { sku: 'EBOOK-1', track_inventory: false, inventory_policy: 'deny', requires_shipping: false, in_stock: true },
    ]);
  });

  test("an image's alt text comes from the image-only row that gives it, not from the product name", async () => {
    const vase = await product('handmade-vase');
    assert.deepEqual(
      vase.images.map((i) => [i.url, i.alt]),
      [
        ['https://cdn.example.com/vase-front.jpg', 'A blue vase on a wooden table'],
        ['https://cdn.example.com/vase-side.jpg', 'The vase from the side'],
      ],
    );
    assert.equal(vase.variants[0]!.image_id, vase.images[0]!.id);
  });
});
