// Real server processes (the built server) on one PostgreSQL, each killed with SIGKILL at one step
// of order placement (SHOPTAG_FAULT_KILL_AT): before the payment call, after the authorization,
// after the order is written, after the capture. Then, in turn:
// - the shopper retries `complete` with the same Idempotency-Key on a live process: the dead
//   holder's key is free within its lease (2 s here) and the answer is the paid order;
// - nobody retries: a freshly started process's recovery job alone finishes every checkout.
// Either way no order is left pending and no authorization is left open: each checkout ends paid
// with its total captured, or (nothing was authorized) without an order and with its stock back.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CheckoutSession, ErrorBody, Order, ProductList } from '@shoptag/sdk/contract';
import { FAULT_POINTS, type FaultPoint } from '../src/fault-injection.js';
import type { Db } from '../src/store/db.js';
import { createPgDb } from '../src/store/pg-driver.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { createScratchDatabase, TEST_DATABASE_URL, TEST_REDIS_URL } from './support/databases.js';
import { serverIsBuilt, spawnServer, stopServer, type ServerProcess } from './support/server-processes.js';

const skip = !TEST_DATABASE_URL
  ? 'needs PostgreSQL (SHOPTAG_TEST_DATABASE_URL)'
  : !serverIsBuilt
    ? 'needs the built server (node scripts/build.mjs)'
    : false;

const LEASE_SECONDS = 2;
const QUANTITY = 2;
const ON_HAND = 10;
/** A retry must be answered within the dead holder's lease plus this (a loaded machine is slow). */
const RETRY_MARGIN_MS = 6_000;
/** The job (2 s delay, 1 s interval) must have finished everything within this of the restart. */
const JOB_DEADLINE_MS = 25_000;

interface Crashed {
  point: FaultPoint;
  variantId: string;
  sessionId: string;
  key: string;
  total: number;
  crashedAt: number;
}

describe('a server process killed mid-checkout (SIGKILL) on PostgreSQL', { skip }, () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataDir: string;
  let db: Db;
  let base: Record<string, string>;
  /** A live process that shoppers retry on; its own recovery job waits far longer than these tests. */
  let live: ServerProcess;
  const processes: ServerProcess[] = [];
  const variants: string[] = [];

  const call = (
    p: ServerProcess,
    path: string,
    init: { method?: string; body?: unknown; key?: string; idempotencyKey?: string } = {},
  ) =>
    fetch(`${p.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.key ?? p.publishableKey}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const level = async (variantId: string) =>
    (
      await db.query<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM inventory_levels WHERE variant_id = $1',
        [variantId],
      )
    ).rows[0]!;
  const ordersOf = async (sessionId: string) =>
    (
      await db.query<{ status: string; captured: string; total: string }>(
        'SELECT status, captured, total FROM orders WHERE checkout_session_id = $1',
        [sessionId],
      )
    ).rows;
  const intentOf = async (sessionId: string) =>
    (
      await db.query<{ status: string; amount_captured: string; completing_at: Date | null }>(
        'SELECT i.status, i.amount_captured, s.completing_at FROM checkout_sessions s JOIN simulated_payment_intents i ON i.id = s.payment_intent_id WHERE s.id = $1',
        [sessionId],
      )
    ).rows[0];

  before(async () => {
    scratch = await createScratchDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-crash-'));
    db = createPgDb({ connectionString: scratch.url, max: 2 });
    base = {
      DATABASE_URL: scratch.url,
      ...(TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {}),
      SHOPTAG_DATA_DIR: dataDir,
      SHOPTAG_IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS),
      TEST_SWEEP_INTERVAL_MS: '500',
      LOG_LEVEL: 'error',
    };
    // Migrates, seeds and creates the keys the others share.
    live = await spawnServer({ ...base, SHOPTAG_RECOVERY_AFTER_SECONDS: '3600' }, { built: true });
    processes.push(live);
    const products = ProductList.parse(await (await call(live, '/v1/products?limit=8')).json());
    for (const product of products.data) {
      const variantId = product.variants[0]!.id;
      assert.equal(
        (
          await call(live, `/v1/admin/inventory/${variantId}`, {
            method: 'PUT',
            body: { on_hand: ON_HAND },
            key: live.secretKey,
          })
        ).status,
        200,
      );
      variants.push(variantId);
    }
    assert.equal(variants.length, 2 * FAULT_POINTS.length);
  });
  after(async () => {
    await Promise.all(processes.map((p) => stopServer(p)));
    await db?.close();
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts a process that dies at `point`: it runs no recovery itself. */
  function startDoomed(point: FaultPoint): Promise<ServerProcess> {
    // Before the payment, a short hold shows the stock coming back; after it, a long one keeps
    // the stock held until recovery places the order.
    const holdSeconds = point === 'before-payment' ? '3' : '120';
    return spawnServer(
      {
        ...base,
        SHOPTAG_FAULT_KILL_AT: point,
        SHOPTAG_HOLD_TTL_SECONDS: holdSeconds,
        SHOPTAG_RECOVERY_INTERVAL_SECONDS: '3600',
      },
      { built: true },
    );
  }

  /** Takes a checkout of `variantId` up to `complete` on `doomed`, and waits for its SIGKILL. */
  async function crash(doomed: ServerProcess, point: FaultPoint, variantId: string): Promise<Crashed> {
    const cart = (await (
      await call(doomed, '/v1/carts', {
        method: 'POST',
        body: { items: [{ variant_id: variantId, quantity: QUANTITY }] },
      })
    ).json()) as { id: string };
    const session = CheckoutSession.parse(
      await (await call(doomed, '/v1/checkout-sessions', { method: 'POST', body: { cart_id: cart.id } })).json(),
    );
    const ready = CheckoutSession.parse(
      await (
        await call(doomed, `/v1/checkout-sessions/${session.id}`, {
          method: 'PATCH',
          body: { email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' },
        })
      ).json(),
    );
    const exited = once(doomed.child, 'exit');
    const key = randomUUID();
    const answer = await call(doomed, `/v1/checkout-sessions/${session.id}/complete`, {
      method: 'POST',
      body: { payment_method: 'pm_card_visa' },
      idempotencyKey: key,
    }).then(
      (r) => r.status,
      () => 'no answer',
    );
    await exited;
    assert.equal(answer, 'no answer', `the process died before answering (${point})`);
    assert.equal(doomed.child.signalCode, 'SIGKILL');
    return { point, variantId, sessionId: session.id, key, total: ready.totals.total.amount, crashedAt: Date.now() };
  }

  /** One process per crash point, all started together, each killed in the middle of a checkout. */
  async function crashEverywhere(): Promise<Crashed[]> {
    const doomed = await Promise.all(FAULT_POINTS.map((point) => startDoomed(point)));
    processes.push(...doomed);
    const mine = FAULT_POINTS.map(() => variants.shift()!);
    return Promise.all(FAULT_POINTS.map((point, i) => crash(doomed[i]!, point, mine[i]!)));
  }

  async function assertPaid(c: Crashed): Promise<void> {
    const orders = await ordersOf(c.sessionId);
    assert.equal(orders.length, 1, `one order (${c.point})`);
    assert.equal(orders[0]!.status, 'paid', `paid (${c.point})`);
    assert.equal(Number(orders[0]!.captured), c.total, `its total captured (${c.point})`);
    assert.equal(Number(orders[0]!.total), c.total);
    assert.equal((await intentOf(c.sessionId))?.status, 'succeeded');
    assert.deepEqual(
      await level(c.variantId),
      { on_hand: ON_HAND - QUANTITY, reserved: 0 },
      `sold, nothing left reserved (${c.point})`,
    );
  }

  async function nothingLeftHanging(): Promise<void> {
    assert.equal((await db.query("SELECT 1 FROM orders WHERE status = 'pending'")).rowCount, 0, 'no order is pending');
    assert.equal(
      (await db.query("SELECT 1 FROM simulated_payment_intents WHERE status = 'requires_capture'")).rowCount,
      0,
      'no authorization is left open',
    );
    const unpaid = await db.query(
      `SELECT i.id FROM simulated_payment_intents i LEFT JOIN orders o ON o.payment_reference = i.id
        WHERE i.amount_captured > i.amount_refunded AND (o.id IS NULL OR o.status <> 'paid' OR o.captured <> i.amount_captured)`,
    );
    assert.equal(unpaid.rowCount, 0, 'every capture belongs to a paid order for exactly that amount');
  }

  test('a retry with the same Idempotency-Key on a live process is answered within seconds with the paid order, whatever the step of the crash', async (t) => {
    const crashed = await crashEverywhere();
    const answers = await Promise.all(
      crashed.map(async (c) => {
        // The dead process's lease on the key runs out within LEASE_SECONDS; until then, 409.
        for (;;) {
          const res = await call(live, `/v1/checkout-sessions/${c.sessionId}/complete`, {
            method: 'POST',
            body: { payment_method: 'pm_card_visa' },
            idempotencyKey: c.key,
          });
          const body: unknown = await res.json();
          if (
            res.status === 409 &&
            ErrorBody.parse(body).error.code === 'idempotency_key_in_flight' &&
            Date.now() - c.crashedAt < LEASE_SECONDS * 1000 + RETRY_MARGIN_MS
          ) {
            await new Promise((r) => setTimeout(r, 100));
            continue;
          }
          return { c, status: res.status, body, ms: Date.now() - c.crashedAt };
        }
      }),
    );
    t.diagnostic(`answered after the crash: ${answers.map(({ c, ms }) => `${c.point} ${ms} ms`).join(', ')}`);
    for (const { c, status, body, ms } of answers) {
      assert.equal(status, 200, `${c.point}: ${JSON.stringify(body)}`);
      const order = Order.parse(body);
      assert.equal(order.status, 'paid', c.point);
      assert.equal(order.payment.captured.amount, order.totals.total.amount, c.point);
      assert.ok(ms < LEASE_SECONDS * 1000 + RETRY_MARGIN_MS, `${c.point}: answered ${ms} ms after the crash`);
      await assertPaid(c);
    }
    await nothingLeftHanging();
  });

  test('without any retry, the recovery job of a restarted process finishes every checkout in bounded time', async (t) => {
    const crashed = await crashEverywhere();
    const restarted = Date.now();
    processes.push(
      await spawnServer(
        { ...base, SHOPTAG_RECOVERY_AFTER_SECONDS: '2', SHOPTAG_RECOVERY_INTERVAL_SECONDS: '1' },
        { built: true },
      ),
    );
    const finished = async (c: Crashed) => {
      if (c.point === 'before-payment') {
        // Nothing was authorized: no order, the job forgets the mark, the lapsed hold is released.
        const intent = await intentOf(c.sessionId);
        const stock = await level(c.variantId);
        return (await ordersOf(c.sessionId)).length === 0 && intent?.completing_at === null && stock.reserved === 0;
      }
      return (await ordersOf(c.sessionId))[0]?.status === 'paid';
    };
    const pending = new Set(crashed);
    while (pending.size > 0 && Date.now() - restarted < JOB_DEADLINE_MS) {
      for (const c of [...pending]) if (await finished(c)) pending.delete(c);
      if (pending.size > 0) await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(
      [...pending].map((c) => c.point),
      [],
      `finished within ${JOB_DEADLINE_MS} ms of the restart`,
    );
    t.diagnostic(
      `the job finished every checkout ${Date.now() - restarted} ms after the restart began (process start included)`,
    );
    for (const c of crashed) {
      if (c.point !== 'before-payment') {
        await assertPaid(c);
        continue;
      }
      assert.deepEqual(await ordersOf(c.sessionId), []);
      assert.equal((await intentOf(c.sessionId))?.status, 'requires_payment_method', 'never authorized, nothing taken');
      assert.deepEqual(await level(c.variantId), { on_hand: ON_HAND, reserved: 0 }, 'the stock is back');
    }
    await nothingLeftHanging();
  });
});
