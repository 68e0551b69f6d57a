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

describe('the owner console at /admin', () => {
  const root = mkdtempSync(join(tmpdir(), 'shoptag-console-test-'));
  const consoleDir = join(root, 'admin');
  let db: Db;
  let app: TestApp;
  let unbuilt: TestApp;

  before(async () => {
    mkdirSync(join(consoleDir, 'chunks'), { recursive: true });
    writeFileSync(
      join(consoleDir, 'index.html'),
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'"><shop-admin></shop-admin>`,
    );
    writeFileSync(join(consoleDir, 'shoptag-admin.js'), `import './chunks/orders-abcd.js';${' '.repeat(2000)}`);
    writeFileSync(join(consoleDir, 'chunks', 'orders-abcd.js'), 'export {};');
    db = await createPgliteDb({ dataDir: null });
    await migrate(db);
    app = await startTestApp(db, { catalog: fixtureCatalog(), overrides: { adminConsoleDir: consoleDir } });
    unbuilt = await startTestApp(db, {
      catalog: fixtureCatalog(),
      overrides: { adminConsoleDir: join(root, 'not-built') },
    });
  });
  after(async () => {
    await app?.close();
    await unbuilt?.close();
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the page is sent uncached, never framed, kept out of search engines, with its own CSP', async () => {
    const res = await app.request('/admin/', { key: null });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'self'; frame-ancestors 'none'");
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-robots-tag'), 'noindex, nofollow');
    assert.match(String(res.body), /<shop-admin>/);
  });

  test('/admin without its slash redirects, so the page finds its scripts', async () => {
    const res = await fetch(`${app.url}/admin`, { redirect: 'manual' });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('location'), '/admin/');
  });

  test('its scripts are compressed; chunks, named by content, are cached for good', async () => {
    const entry = await fetch(`${app.url}/admin/shoptag-admin.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('content-encoding'), 'br');
    assert.equal(entry.headers.get('cache-control'), 'no-cache');
    const chunk = await fetch(`${app.url}/admin/chunks/orders-abcd.js`);
    assert.equal(chunk.status, 200);
    assert.match(chunk.headers.get('cache-control') ?? '', /immutable/);
  });

  test('nothing else under /admin is served from the console folder', async () => {
    assert.equal((await app.request('/admin/../package.json', { key: null })).status, 404);
    assert.equal((await app.request('/admin/secrets.txt', { key: null })).status, 404);
  });

  test('a console that is not built says how to build it', async () => {
    const res = await unbuilt.request('/admin/', { key: null });
    assert.equal(res.status, 503);
    assert.match(String(res.body), /npm run build/);
  });
});
