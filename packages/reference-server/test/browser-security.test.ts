// What browsers are told and what they may do: security headers on every response, the demo
// pages' CSP header with frame-ancestors, HSTS only behind a trusted HTTPS proxy, and secret keys
// refused from anything that looks like a browser.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ErrorBody } from '@shoptag/sdk/contract';
import { pageContentSecurityPolicy } from '../src/api/demo/page-security.js';
import { migrate } from '../src/store/migrate.js';
import { createPgliteDb } from '../src/store/pglite-driver.js';
import type { Db } from '../src/store/db.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SHOP = 'https://shop.example';
const PAGE_POLICY = "default-src 'self'; script-src 'self' %SHOPTAG_ENDPOINT%; style-src 'self'; base-uri 'none'";
const PAGE = `<!doctype html><html><head>
  <meta
    http-equiv="Content-Security-Policy"
    content="${PAGE_POLICY}"
  />
</head><body><shop-store endpoint="%SHOPTAG_ENDPOINT%" publishable-key="%SHOPTAG_PUBLISHABLE_KEY%"></shop-store></body></html>`;

/** A request with exactly these headers (fetch would add its own `Sec-Fetch-Mode`). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function assertApiHeaders(headers: Headers, what: string): void {
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(headers.get('referrer-policy'), 'no-referrer', what);
  assert.equal(headers.get('x-frame-options'), 'DENY', what);
  assert.equal(headers.get('content-security-policy'), "default-src 'none';frame-ancestors 'none'", what);
  assert.equal(headers.get('cross-origin-opener-policy'), 'same-origin', what);
  assert.equal(headers.get('strict-transport-security'), null, `${what}: no HSTS over plain HTTP`);
  assert.equal(headers.get('x-powered-by'), null, what);
}

describe('security headers and browsers', () => {
  const root = mkdtempSync(join(tmpdir(), 'shoptag-browser-security-'));
  const shopDir = join(root, 'demo-shop');
  const demo = (frameAncestors?: string[]) => ({
    shopDir,
    cdnDir: join(root, 'cdn'),
    publishableKey: 'pk_test_demo',
    ...(frameAncestors ? { frameAncestors } : {}),
  });
  let db: Db;
  let app: TestApp;
  before(async () => {
    mkdirSync(shopDir, { recursive: true });
    writeFileSync(join(shopDir, 'checkout.html'), PAGE);
    writeFileSync(join(shopDir, 'plain.html'), '<p>no policy of its own</p>');
    db = await createPgliteDb({ dataDir: null });
    await migrate(db);
    app = await startTestApp(db, { catalog: fixtureCatalog(), origins: [SHOP], overrides: { demo: demo() } });
  });
  after(async () => {
    await app?.close();
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('API responses, errors, preflights and unknown paths all carry the security headers', async () => {
    assertApiHeaders((await app.request('/v1/products?limit=1')).headers, 'a product list');
    assertApiHeaders((await app.request('/v1/health', { key: null })).headers, 'health');
    assertApiHeaders((await app.request('/v1/products?limit=0')).headers, 'a 400');
    assertApiHeaders((await app.request('/v1/admin/orders')).headers, 'a 403');
    assertApiHeaders((await app.request('/nothing-here', { key: null })).headers, 'a 404 outside /v1');
    const preflight = await app.request('/v1/carts', {
      method: 'OPTIONS',
      key: null,
      headers: {
        origin: SHOP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assertApiHeaders(preflight.headers, 'a preflight');
  });

  test('a storefront on an allowed origin still reads the API across origins', async () => {
    const res = await app.request('/v1/products?limit=1', { headers: { origin: SHOP } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
    // The resource policy does not apply to CORS reads; public assets allow any embedder.
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'same-origin');
    const media = await app.request('/media/products/img_doesnotexist.svg', { key: null });
    assert.equal(media.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(media.headers.get('x-content-type-options'), 'nosniff');
  });

  test('a demo page sends its CSP as a header, with frame-ancestors that only a header can carry', async () => {
    const res = await app.request('/checkout.html', { key: null });
    assert.equal(res.status, 200);
    const policy = res.headers.get('content-security-policy');
    assert.equal(policy, `${PAGE_POLICY.replace('%SHOPTAG_ENDPOINT%', app.url)}; frame-ancestors 'self'`);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const plain = await app.request('/plain.html', { key: null });
    assert.equal(
      plain.headers.get('content-security-policy'),
      "default-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'self'",
    );
  });

  test('frame-ancestors lets a shop frame its own checkout; X-Frame-Options only when it can say the same', async () => {
    const embedding = await startTestApp(db, {
      catalog: fixtureCatalog(),
      overrides: { demo: demo(["'self'", 'https://shop.example', 'https://*.shop.example']) },
    });
    const closed = await startTestApp(db, { catalog: fixtureCatalog(), overrides: { demo: demo(["'none'"]) } });
    try {
      const res = await embedding.request('/checkout.html', { key: null });
      assert.match(
        res.headers.get('content-security-policy') ?? '',
        /; frame-ancestors 'self' https:\/\/shop\.example https:\/\/\*\.shop\.example$/,
      );
      assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options cannot name other origins');
      const none = await closed.request('/checkout.html', { key: null });
      assert.match(none.headers.get('content-security-policy') ?? '', /; frame-ancestors 'none'$/);
      assert.equal(none.headers.get('x-frame-options'), 'DENY');
    } finally {
      await embedding.close();
      await closed.close();
    }
  });

  test('a frame-ancestors directive in the page itself is replaced by the configured one', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-ancestors *">`;
    assert.equal(pageContentSecurityPolicy(html, ["'self'"]), "default-src 'self'; frame-ancestors 'self'");
  });

  test('HSTS is sent only for HTTPS that a trusted proxy reports', async () => {
    const proxied = await startTestApp(db, { catalog: fixtureCatalog(), overrides: { trustProxy: 1 } });
    try {
      const https = await proxied.request('/v1/health', { key: null, headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(https.headers.get('strict-transport-security'), 'max-age=31536000');
      const http = await proxied.request('/v1/health', { key: null, headers: { 'x-forwarded-proto': 'http' } });
      assert.equal(http.headers.get('strict-transport-security'), null);
    } finally {
      await proxied.close();
    }
    const direct = await app.request('/v1/health', { key: null, headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(
      direct.headers.get('strict-transport-security'),
      null,
      "an untrusted X-Forwarded-Proto is anyone's claim",
    );
  });

  const browserLike: [string, Record<string, string>][] = [
    ['an Origin', { origin: SHOP }],
    ['an empty Origin', { origin: '' }],
    ['Origin: null (sandboxed frame)', { origin: 'null' }],
    ['Sec-Fetch-Site alone', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Dest alone', { 'sec-fetch-dest': 'empty' }],
    ['a navigation (Sec-Fetch-Mode: navigate)', { 'sec-fetch-mode': 'navigate' }],
    [
      "Chromium's same-origin GET: fetch metadata, no Origin",
      { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' },
    ],
  ];
  for (const [what, headers] of browserLike) {
    test(`a secret key with ${what} is refused: secret_key_in_browser`, async () => {
      const res = await rawGet(`${app.url}/v1/admin/orders`, { authorization: `Bearer ${app.secretKey}`, ...headers });
      assert.equal(res.status, 403, res.body);
      const { error } = ErrorBody.parse(JSON.parse(res.body));
      assert.deepEqual([error.type, error.code], ['authentication_error', 'secret_key_in_browser']);
    });
  }

  test("a secret key from Node still works: plain node:http, and Node's fetch (Sec-Fetch-Mode: cors alone)", async () => {
    assert.equal(
      (await rawGet(`${app.url}/v1/admin/orders`, { authorization: `Bearer ${app.secretKey}` })).status,
      200,
    );
    assert.equal(
      (
        await rawGet(`${app.url}/v1/admin/orders`, {
          authorization: `Bearer ${app.secretKey}`,
          'sec-fetch-mode': 'cors',
        })
      ).status,
      200,
    );
    assert.equal((await app.request('/v1/admin/orders', { key: app.secretKey })).status, 200);
  });

  test('a publishable key from a browser is served as before', async () => {
    const res = await rawGet(`${app.url}/v1/products?limit=1`, {
      authorization: `Bearer ${app.publishableKey}`,
      origin: SHOP,
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
      'sec-fetch-dest': 'empty',
    });
    assert.equal(res.status, 200, res.body);
  });
});
