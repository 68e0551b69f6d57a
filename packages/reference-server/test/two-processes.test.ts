// Two real server processes on one PostgreSQL and one Redis: no oversell when requests for the
// last units arrive at both, availability shared through the Redis cache, and lapsed holds
// returned to stock by whichever process holds the sweeper's lock.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AvailabilityList, InventoryLevel, ProductList } from '@shoptag/sdk/contract';
import { createScratchDatabase, TEST_REDIS_URL } from './support/databases.js';
import {
  skipWithoutPostgresAndRedis,
  spawnServer,
  stopServer,
  type ServerProcess as Proc,
} from './support/server-processes.js';

const skip = skipWithoutPostgresAndRedis;

describe('two server processes on one PostgreSQL and one Redis', { skip }, () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataDir: string;
  let a: Proc;
  let b: Proc;
  let variantId: string;

  const call = (p: Proc, path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
    fetch(`${p.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.key ?? p.secretKey}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  before(async () => {
    scratch = await createScratchDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-two-'));
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: TEST_REDIS_URL!,
      SHOPTAG_DATA_DIR: dataDir,
      TEST_SWEEP_INTERVAL_MS: '200',
      LOG_LEVEL: 'error',
    };
    // One after the other: the first migrates and seeds, the second finds it done and shares its keys.
    a = await spawnServer(env);
    b = await spawnServer(env);
    const products = ProductList.parse(await (await call(a, '/v1/products?limit=1', { key: a.publishableKey })).json());
    variantId = products.data[0]!.variants[0]!.id;
  });
  after(async () => {
    await Promise.all([stopServer(a), stopServer(b)]);
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('200 hold requests split across both processes for 10 units: exactly 10 succeed and stock never goes negative', async () => {
    assert.equal(
      (await call(a, `/v1/admin/inventory/${variantId}`, { method: 'PUT', body: { on_hand: 10 } })).status,
      200,
    );
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(i % 2 ? a : b, '/v1/admin/inventory/holds', {
          method: 'POST',
          body: { items: [{ variant_id: variantId, quantity: 1 }], ttl_seconds: 10 },
        }).then(async (r) => (await r.arrayBuffer(), r.status)),
      ),
    );
    assert.equal(statuses.filter((s) => s === 200).length, 10);
    assert.equal(statuses.filter((s) => s === 409).length, 190);
    const level = InventoryLevel.parse(await (await call(b, `/v1/admin/inventory/${variantId}`)).json());
    assert.deepEqual([level.on_hand, level.reserved, level.available], [10, 10, 0]);
    // Either process answers availability from the shared cache, invalidated by the other's writes.
    for (const p of [a, b]) {
      const list = AvailabilityList.parse(
        await (await call(p, `/v1/inventory?variant_ids=${variantId}`, { key: p.publishableKey })).json(),
      );
      assert.equal(list.data[0]!.available, 0);
    }
  });

  test('the lapsed holds return to stock, swept by one of the processes', async () => {
    const deadline = Date.now() + 30_000;
    let available = 0;
    while (Date.now() < deadline) {
      const list = AvailabilityList.parse(
        await (await call(a, `/v1/inventory?variant_ids=${variantId}`, { key: a.publishableKey })).json(),
      );
      available = list.data[0]!.available ?? 0;
      if (available === 10) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(available, 10);
    const level = InventoryLevel.parse(await (await call(b, `/v1/admin/inventory/${variantId}`)).json());
    assert.deepEqual([level.on_hand, level.reserved], [10, 0]);
  });
});
