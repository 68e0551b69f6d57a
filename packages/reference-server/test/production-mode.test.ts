// A production start seeds nothing and creates no key; the demo is seeded once per install, and
// what the owner deletes from it stays deleted across restarts.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { CouponList, ProductList } from '@shoptag/sdk/contract';
import { startServer, type StartedDemoServer } from '../src/index.js';
import { createPgliteDb } from '../src/store/pglite-driver.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'shoptag-production-'));

/** Counts rows in the data directory's database (the server must be closed). */
async function countRows(dataDir: string, table: 'products' | 'coupons' | 'api_keys'): Promise<number> {
  const db = await createPgliteDb({ dataDir: join(dataDir, 'data') });
  try {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0]?.n ?? 0;
  } finally {
    await db.close();
  }
}

async function call(server: StartedDemoServer, path: string, method = 'GET') {
  const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${server.secretKey}` } });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('shoptag-server start without --demo', () => {
  const dataDir = tempDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('leaves an empty install empty: no products, no coupons, no keys, no keys file', async () => {
    const server = await startServer({ env: {}, dataDir, port: 0, quiet: true });
    assert.equal('publishableKey' in server, false, 'no demo keys are handed out');
    await server.close();
    assert.equal(await countRows(dataDir, 'products'), 0);
    assert.equal(await countRows(dataDir, 'coupons'), 0);
    assert.equal(await countRows(dataDir, 'api_keys'), 0);
    assert.equal(existsSync(join(dataDir, 'keys.json')), false);
  });
});

describe('shoptag-server start --demo, twice', () => {
  const dataDir = tempDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('seeds the demo once: what the owner deleted is not added back by the next start', async () => {
    const first = await startServer({ env: {}, dataDir, port: 0, demo: true, quiet: true });
    let productCount: number;
    try {
      const products = ProductList.parse((await call(first, '/v1/products?limit=1')).body);
      productCount = products.total ?? 0;
      assert.ok(productCount > 0, 'the demo catalogue is there');
      const coupons = CouponList.parse((await call(first, '/v1/admin/coupons')).body).data;
      assert.deepEqual(coupons.map((c) => c.code).sort(), ['FREESHIP', 'SAVE5', 'WELCOME10']);
      // The owner removes a demo coupon and a demo product.
      const welcome = coupons.find((c) => c.code === 'WELCOME10')!;
      assert.equal((await call(first, `/v1/admin/coupons/${welcome.id}`, 'DELETE')).status, 200);
      assert.equal((await call(first, `/v1/admin/products/${products.data[0]!.id}`, 'DELETE')).status, 200);
    } finally {
      await first.close();
    }

    const second = await startServer({ env: {}, dataDir, port: 0, demo: true, quiet: true });
    try {
      assert.equal(second.secretKey, first.secretKey, 'the same demo keys');
      const coupons = CouponList.parse((await call(second, '/v1/admin/coupons')).body).data;
      assert.deepEqual(coupons.map((c) => c.code).sort(), ['FREESHIP', 'SAVE5'], 'WELCOME10 stays deleted');
      const products = ProductList.parse((await call(second, '/v1/products?limit=1')).body);
      assert.equal(products.total, productCount - 1, 'the deleted product stays deleted');
    } finally {
      await second.close();
    }
  });

  test('a later production start on the same install adds nothing and hands out no key', async () => {
    const before = await countRows(dataDir, 'coupons');
    const server = await startServer({ env: {}, dataDir, port: 0, quiet: true });
    assert.equal('secretKey' in server, false);
    await server.close();
    assert.equal(await countRows(dataDir, 'coupons'), before);
  });
});
