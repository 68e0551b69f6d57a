import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createPgliteDb } from '../src/store/pglite-driver.js';
import { migrate } from '../src/store/migrate.js';
import type { Db } from '../src/store/db.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('demo mode', () => {
  const root = mkdtempSync(join(tmpdir(), 'shoptag-demo-test-'));
  const shopDir = join(root, 'demo-shop');
  const cdnDir = join(root, 'cdn');
  let db: Db;
  let app: TestApp;
  let bare: TestApp;

  before(async () => {
    mkdirSync(join(shopDir, 'nested'), { recursive: true });
    writeFileSync(
      join(shopDir, 'index.html'),
      '<shop-store endpoint="%SHOPTAG_ENDPOINT%" publishable-key="%SHOPTAG_PUBLISHABLE_KEY%"></shop-store>',
    );
    writeFileSync(join(shopDir, 'nested', 'page.html'), '<p>%SHOPTAG_PUBLISHABLE_KEY%</p>');
    writeFileSync(join(shopDir, 'style.css'), 'body { color: %SHOPTAG_PUBLISHABLE_KEY%; }');
    mkdirSync(join(cdnDir, 'chunks'), { recursive: true });
    writeFileSync(join(cdnDir, 'shoptag.js'), 'import "./chunks/a-1234.js";');
    writeFileSync(join(cdnDir, 'chunks', 'a-1234.js'), 'export {};');
    db = await createPgliteDb({ dataDir: null });
    await migrate(db);
    app = await startTestApp(db, {
      catalog: fixtureCatalog(),
      overrides: { demo: { shopDir, cdnDir, publishableKey: 'pk_test_demo' } },
    });
    bare = await startTestApp(db, {
      catalog: fixtureCatalog(),
      overrides: { demo: { shopDir: null, cdnDir: join(root, 'not-built'), publishableKey: 'pk_test_demo' } },
    });
  });
  after(async () => {
    await app?.close();
    await bare?.close();
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test("the demo page gets its key and this server's endpoint filled in", async () => {
    const res = await app.request('/', { key: null });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(res.body, `<shop-store endpoint="${app.url}" publishable-key="pk_test_demo"></shop-store>`);
    assert.equal((await app.request('/nested/page.html', { key: null })).body, '<p>pk_test_demo</p>');
  });

  test('other demo files are served as they are', async () => {
    const res = await app.request('/style.css', { key: null });
    assert.equal(res.status, 200);
    assert.equal(res.body, 'body { color: %SHOPTAG_PUBLISHABLE_KEY%; }');
  });

  test('paths outside the demo directory are not served', async () => {
    for (const path of ['/../cdn/shoptag.js', '/%2e%2e/cdn/shoptag.js', '/nested/../../cdn/shoptag.js']) {
      assert.equal((await app.request(path, { key: null })).status, 404, path);
    }
  });

  test('the CDN bundle is served with a short cache, its hashed chunks immutable', async () => {
    const main = await app.request('/shoptag.js', { key: null });
    assert.equal(main.status, 200);
    assert.match(main.headers.get('content-type') ?? '', /javascript/);
    assert.equal(main.headers.get('cache-control'), 'public, max-age=300');
    const chunk = await app.request('/chunks/a-1234.js', { key: null });
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  test('an unbuilt bundle answers 404 with a hint to build', async () => {
    const res = await bare.request('/shoptag.js', { key: null });
    assert.equal(res.status, 404);
    assert.match(String(res.body), /npm run build/);
  });

  test('without the demo shop there is no page at /', async () => {
    assert.equal((await bare.request('/', { key: null })).status, 404);
  });
});
