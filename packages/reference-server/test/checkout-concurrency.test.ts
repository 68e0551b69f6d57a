// 100 parallel completions competing for the last 5 units across two real server processes on one
// PostgreSQL and one Redis: exactly 5 orders, stock never negative, and no payment captured
// without an order.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { CheckoutSession, ProductList } from '@shoptag/sdk/contract';
import { ADDRESS } from './support/checkout-fixtures.js';
import { createScratchDatabase, TEST_REDIS_URL } from './support/databases.js';
import {
  skipWithoutPostgresAndRedis,
  spawnServer,
  stopServer,
  type ServerProcess as Proc,
} from './support/server-processes.js';

const SESSIONS = 100;
const UNITS = 5;

const skip = skipWithoutPostgresAndRedis;

describe('checkout completions across two server processes', { skip }, () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataDir: string;
  let a: Proc;
  let b: Proc;
  let sql: pg.Client;

  const call = async (p: Proc, path: string, init: { method?: string; body?: unknown; key?: string } = {}) => {
    const res = await fetch(`${p.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.key ?? p.publishableKey}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  before(async () => {
    scratch = await createScratchDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-checkout-'));
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: TEST_REDIS_URL!,
      SHOPTAG_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
    };
    a = await spawnServer(env);
    b = await spawnServer(env);
    sql = new pg.Client({ connectionString: scratch.url });
    await sql.connect();
  });
  after(async () => {
    await sql?.end();
    await Promise.all([stopServer(a), stopServer(b)]);
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${SESSIONS} parallel completions for the last ${UNITS} units make exactly ${UNITS} orders and capture only their payments`, async () => {
    const products = ProductList.parse((await call(a, '/v1/products?limit=1&in_stock=true')).body);
    const variantId = products.data[0]!.variants[0]!.id;
    assert.equal(
      (
        await call(a, `/v1/admin/inventory/${variantId}`, {
          method: 'PUT',
          key: a.secretKey,
          body: { on_hand: SESSIONS },
        })
      ).status,
      200,
    );
    // Every shopper reaches checkout while there is stock for all of them …
    const sessions: CheckoutSession[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const p = i % 2 ? a : b;
      const cart = await call(p, '/v1/carts', {
        method: 'POST',
        body: { items: [{ variant_id: variantId, quantity: 1 }] },
      });
      const s = await call(p, '/v1/checkout-sessions', {
        method: 'POST',
        body: { cart_id: (cart.body as { id: string }).id },
      });
      const id = (s.body as { id: string }).id;
      const ready = await call(p, `/v1/checkout-sessions/${id}`, {
        method: 'PATCH',
        body: { email: `shopper${i}@example.com`, shipping_address: ADDRESS, shipping_method_id: 'standard' },
      });
      assert.equal(ready.status, 200, JSON.stringify(ready.body));
      sessions.push(CheckoutSession.parse(ready.body));
    }
    // … then their holds lapse and only the last units remain.
    await sql.query('DELETE FROM inventory_holds WHERE variant_id = $1', [variantId]);
    await sql.query('UPDATE inventory_levels SET reserved = 0, on_hand = $2 WHERE variant_id = $1', [variantId, UNITS]);

    const attempts = sessions.map((s, i) =>
      call(i % 2 ? b : a, `/v1/checkout-sessions/${s.id}/complete`, {
        method: 'POST',
        body: { payment_method: 'pm_card_visa' },
      }),
    );
    // A few shoppers double-click: the same session completed on the other process too.
    const doubles = sessions.slice(0, 10).map((s, i) =>
      call(i % 2 ? a : b, `/v1/checkout-sessions/${s.id}/complete`, {
        method: 'POST',
        body: { payment_method: 'pm_card_visa' },
      }),
    );
    const answers = await Promise.all([...attempts, ...doubles]);
    for (const answer of answers) assert.ok([200, 409].includes(answer.status), JSON.stringify(answer.body));
    const conflicts = answers
      .filter((x) => x.status === 409)
      .map((x) => (x.body as { error: { code: string } }).error.code);
    assert.ok(
      conflicts.every((c) => ['out_of_stock', 'checkout_expired', 'idempotency_key_in_flight'].includes(c)),
      conflicts.join(','),
    );

    const orders = await sql.query<{ checkout_session_id: string; payment_reference: string; status: string }>(
      'SELECT checkout_session_id, payment_reference, status FROM orders',
    );
    assert.equal(orders.rowCount, UNITS);
    assert.equal(new Set(orders.rows.map((o) => o.checkout_session_id)).size, UNITS);
    assert.ok(orders.rows.every((o) => o.status === 'paid'));
    const level = await sql.query<{ on_hand: number; reserved: number }>(
      'SELECT on_hand, reserved FROM inventory_levels WHERE variant_id = $1',
      [variantId],
    );
    assert.deepEqual(level.rows[0], { on_hand: 0, reserved: 0 });
    const captured = await sql.query<{ id: string }>(
      'SELECT id FROM simulated_payment_intents WHERE amount_captured > 0',
    );
    assert.deepEqual(captured.rows.map((r) => r.id).sort(), orders.rows.map((o) => o.payment_reference).sort());
    const authorizedLeft = await sql.query("SELECT 1 FROM simulated_payment_intents WHERE status = 'requires_capture'");
    assert.equal(authorizedLeft.rowCount, 0, 'no authorization is left hanging');
  });
});
