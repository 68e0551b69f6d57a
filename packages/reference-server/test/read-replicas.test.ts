import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AdminProduct, Product, ProductList } from '@shoptag/sdk/contract';
import { systemClock } from '../src/clock.js';
import { startServer } from '../src/server.js';
import { createCatalogService } from '../src/services/catalog/index.js';
import { seedCatalog } from '../src/seed/seed-service.js';
import { createCategoryRepository } from '../src/store/category-repository.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { createPgDb } from '../src/store/pg-driver.js';
import { createProductRepository } from '../src/store/product-repository.js';
import { createReadRouter, isConnectionError } from '../src/store/read-router.js';
import { findPgBin, startStreamingReplica, type StreamingReplica } from './support/streaming-replica.js';
import { searchCatalog } from './support/search-catalog.js';

const pgBin = findPgBin();

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('catalog reads on a streaming replica', { skip: pgBin ? false : 'no PostgreSQL server binaries' }, () => {
  let cluster: StreamingReplica;
  let primary: Db;
  let replica: Db;
  const dead = () => createPgDb({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', max: 1 });

  before(async () => {
    cluster = await startStreamingReplica(pgBin ?? '');
    primary = createPgDb({ connectionString: cluster.primaryUrl, max: 4 });
    replica = createPgDb({ connectionString: cluster.replicaUrl, max: 4 });
    await migrate(primary);
    await seedCatalog(primary, () => searchCatalog(), { clock: systemClock });
    await until('the seed to reach the replica', async () => {
      const { rows } = await replica.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
      return rows[0]?.n === 11 ? true : undefined;
    });
  });
  after(async () => {
    await Promise.allSettled([primary?.close(), replica?.close()]);
    cluster?.stop();
  });

  test('the replica is read-only: a write there fails', async () => {
    await assert.rejects(replica.query(`UPDATE products SET name = 'x'`), /read-only transaction/);
  });

  test('reads go to the replicas in turn, never the primary while they answer', async () => {
    const second = createPgDb({ connectionString: cluster.replicaUrl, max: 2 });
    const used: string[] = [];
    const tag = (db: Db, name: string): Db => ({ ...db, query: (t, p) => (used.push(name), db.query(t, p)) });
    const router = createReadRouter({
      primary: tag(primary, 'primary'),
      replicas: [tag(replica, 'r1'), tag(second, 'r2')],
    });
    try {
      const catalog = createCatalogService({
        products: createProductRepository(router),
        categories: createCategoryRepository(router),
      });
      // A page is one statement: four pages make four reads.
      for (let i = 0; i < 4; i++) {
        const list = await catalog.listProducts({ limit: 3 });
        assert.equal(ProductList.parse(list).total, 11);
      }
      assert.ok(!used.includes('primary'));
      assert.deepEqual(used.slice(0, 4), ['r1', 'r2', 'r1', 'r2']);
    } finally {
      await second.close();
    }
  });

  test('an unreachable replica is skipped, and with none left reads fall back to the primary', async () => {
    const down = dead();
    const router = createReadRouter({ primary, replicas: [down, replica] });
    const products = createProductRepository(router);
    assert.equal(await products.countAll(), 11);
    assert.equal(router.stats.replica, 1);
    const allDown = createReadRouter({ primary, replicas: [dead()] });
    assert.equal(await createProductRepository(allDown).countAll(), 11);
    assert.deepEqual(allDown.stats, { replica: 0, primary: 1 });
  });

  test('a wrong statement is not retried elsewhere', async () => {
    const router = createReadRouter({ primary, replicas: [replica] });
    await assert.rejects(router.query('SELECT no_such_column FROM products'), /no_such_column/);
    assert.deepEqual(router.stats, { replica: 0, primary: 0 });
    assert.equal(isConnectionError(Object.assign(new Error('x'), { code: '42703' })), false);
    assert.equal(isConnectionError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), true);
  });

  test('a server with DATABASE_REPLICA_URLS writes to the primary and reads from the replica, then the primary when the replica stops', async () => {
    const server = await startServer({
      port: 0,
      quiet: true,
      demo: true,
      seed: false,
      env: {
        DATABASE_URL: cluster.primaryUrl,
        DATABASE_REPLICA_URLS: cluster.replicaUrl,
        SHOPTAG_DATA_DIR: `/tmp/shoptag-replica-${process.pid}`,
      },
    });
    try {
      const created = await fetch(`${server.url}/v1/admin/products`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          handle: 'replica-mug',
          name: 'Replica Mug',
          category: 'shirts',
          variants: [{ sku: 'RM-1', price: 1200, stock: 3 }],
        }),
      });
      assert.equal(created.status, 201, await created.clone().text());
      AdminProduct.parse(await created.json());
      const read = () =>
        fetch(`${server.url}/v1/products/replica-mug`, {
          headers: { authorization: `Bearer ${server.publishableKey}` },
        });
      const product = await until('the new product on the replica', async () => {
        const res = await read();
        return res.status === 200 ? Product.parse(await res.json()) : undefined;
      });
      assert.equal(product.name, 'Replica Mug');
      cluster.stopReplica();
      const list = await fetch(`${server.url}/v1/products?limit=2&sort=newest`, {
        headers: { authorization: `Bearer ${server.publishableKey}` },
      });
      assert.equal(list.status, 200);
    } finally {
      await server.close();
      rmSync(`/tmp/shoptag-replica-${process.pid}`, { recursive: true, force: true });
    }
  });
});
