// A crash at each step of order placement, simulated in process (the fault points throw, leaving
// what a killed process leaves), then finished by a retry with the same Idempotency-Key, by the
// recovery job, or by an admin: the order paid with its total captured, or no order / a cancelled
// one with the authorization voided and the stock back. Never pending with money taken.
// (test/crash-recovery.test.ts kills real server processes at the same points.)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CheckoutSession, ErrorBody, Order, UnresolvedPaymentList } from '@shoptag/sdk/contract';
import type { FaultInjector, FaultPoint } from '../src/fault-injection.js';
import type { PaymentProvider } from '../src/payments/payment-provider.js';
import { createSimulatedPayments } from '../src/payments/simulated.js';
import type { PlacementRecovery } from '../src/services/checkout/index.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** Past SHOPTAG_RECOVERY_AFTER_SECONDS' default (60 s): the job's turn. */
const AFTER_THE_DELAY_MS = 61_000;
const HOLD_TTL_MS = 15 * 60_000;
/** One variant per test, so each compares its own stock before and after. */
const VARIANTS = [
  'var_fx010',
  'var_fx020',
  'var_fx060',
  'var_fx080',
  'var_fx030',
  'var_fx040',
  'var_fx041',
  'var_fx050',
  'var_fx070',
  'var_fx081',
  'var_fx090',
  'var_fx100',
  'var_fx110',
];

forEachDatabase('placement recovery after a crash', (target) => {
  const clock = manualClock();
  let crashAt: FaultPoint | null = null;
  const faults: FaultInjector = {
    reach(point) {
      if (point !== crashAt) return;
      crashAt = null;
      throw new Error(`simulated crash at ${point}`);
    },
  };
  /** The payment provider unreachable (every call), or only its captures. */
  const outage = { all: false, capture: false };
  let simulated: PaymentProvider;
  let app: TestApp;
  let recovery: PlacementRecovery;
  const unused = [...VARIANTS];

  before(async () => {
    simulated = createSimulatedPayments({ db: target.db, clock });
    const down = () => Promise.reject(new Error('payment provider unreachable'));
    const payments: PaymentProvider = {
      ...simulated,
      retrieveIntent: (id) => (outage.all ? down() : simulated.retrieveIntent(id)),
      captureIntent: (id, options) => (outage.all || outage.capture ? down() : simulated.captureIntent(id, options)),
      cancelIntent: (id, options) => (outage.all ? down() : simulated.cancelIntent(id, options)),
    };
    app = await startTestApp(target.db, { catalog: fixtureCatalog(), clock, faults, payments });
    recovery = app.checkout.recovery;
    await target.db.query('UPDATE inventory_levels SET on_hand = 20 WHERE variant_id = ANY($1::text[])', [VARIANTS]);
  });
  after(() => app?.close());

  const level = async (variantId: string) =>
    (
      await target.db.query<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM inventory_levels WHERE variant_id = $1',
        [variantId],
      )
    ).rows[0]!;
  const orderOf = async (sessionId: string) =>
    (
      await target.db.query<{ id: string; status: string; captured: number; total: number }>(
        'SELECT id, status, captured, total FROM orders WHERE checkout_session_id = $1',
        [sessionId],
      )
    ).rows[0];
  const intentOf = async (sessionId: string) => {
    const { rows } = await target.db.query<{ payment_intent_id: string }>(
      'SELECT payment_intent_id FROM checkout_sessions WHERE id = $1',
      [sessionId],
    );
    return simulated.retrieveIntent(rows[0]!.payment_intent_id);
  };
  const complete = (sessionId: string, key: string) =>
    app.request(`/v1/checkout-sessions/${sessionId}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ payment_method: 'pm_card_visa' }),
    });
  const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
    app.request(path, {
      key: app.secretKey,
      method: init.method ?? 'GET',
      ...(init.body === undefined ? {} : json(init.body)),
    });

  /** A ready checkout of one unit of a fresh variant, completed with a crash at `point`. */
  async function crashedCheckout(point: FaultPoint) {
    const variantId = unused.shift()!;
    const stock = await level(variantId);
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: variantId, quantity: 1 }] }),
    });
    const created = await app.request('/v1/checkout-sessions', {
      method: 'POST',
      ...json({ cart_id: (cart.body as { id: string }).id }),
    });
    const id = CheckoutSession.parse(created.body).id;
    const ready = await app.request(`/v1/checkout-sessions/${id}`, {
      method: 'PATCH',
      ...json({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    const total = CheckoutSession.parse(ready.body).totals.total.amount;
    const key = randomUUID();
    crashAt = point;
    const crashed = await complete(id, key);
    assert.ok(crashed.status >= 500, `the crash cut the request short (${crashed.status})`);
    return { id, key, variantId, stock, total };
  }

  test('a crash before the payment call takes no money; the job only forgets the mark, and a retry places the order', async () => {
    const c = await crashedCheckout('before-payment');
    assert.equal(await orderOf(c.id), undefined);
    assert.equal((await intentOf(c.id)).status, 'requires_payment_method');
    clock.advance(AFTER_THE_DELAY_MS);
    const report = await recovery.runOnce();
    assert.equal(report.cleared, 1);
    assert.deepEqual(
      (await recovery.events(c.id)).map((e) => [e.actor, e.action]),
      [['job', 'cleared']],
    );
    const retried = await complete(c.id, c.key);
    assert.equal(retried.status, 200);
    const order = Order.parse(retried.body);
    assert.equal(order.status, 'paid');
    assert.equal(order.payment.captured.amount, c.total);
    assert.deepEqual(await level(c.variantId), { on_hand: c.stock.on_hand - 1, reserved: c.stock.reserved });
  });

  test('a crash after authorization: a live request is left alone, then the job places the order and captures its total', async () => {
    const c = await crashedCheckout('after-authorization');
    assert.equal((await intentOf(c.id)).status, 'requires_capture');
    assert.equal((await recovery.runOnce()).placed, 0, 'within the delay, the checkout may still be finishing');
    clock.advance(AFTER_THE_DELAY_MS);
    assert.equal((await recovery.runOnce()).placed, 1);
    const order = (await orderOf(c.id))!;
    assert.equal(order.status, 'paid');
    assert.equal(Number(order.captured), Number(order.total));
    assert.equal(Number(order.total), c.total);
    assert.equal((await intentOf(c.id)).status, 'succeeded');
    assert.deepEqual(await level(c.variantId), { on_hand: c.stock.on_hand - 1, reserved: c.stock.reserved });
    assert.deepEqual(
      (await recovery.events(c.id)).map((e) => [e.actor, e.action]),
      [['job', 'placed']],
    );
    // The shopper's retry then answers the paid order.
    assert.equal(Order.parse((await complete(c.id, c.key)).body).status, 'paid');
  });

  test('a crash after authorization whose stock hold has lapsed: the job voids the authorization and the stock is back', async () => {
    const c = await crashedCheckout('after-authorization');
    clock.advance(HOLD_TTL_MS + AFTER_THE_DELAY_MS);
    await app.commerce.reservations.releaseExpired();
    const report = await recovery.runOnce();
    assert.equal(report.cancelled, 1);
    assert.equal(await orderOf(c.id), undefined);
    assert.equal((await intentOf(c.id)).status, 'canceled');
    assert.deepEqual(await level(c.variantId), c.stock);
    assert.deepEqual(
      (await recovery.events(c.id)).map((e) => e.action),
      ['authorization_cancelled'],
    );
  });

  test('a payment captured without an order that can be placed is refunded', async () => {
    const c = await crashedCheckout('after-authorization');
    await simulated.captureIntent((await intentOf(c.id)).id, { idempotencyKey: 'test-capture' });
    clock.advance(HOLD_TTL_MS + AFTER_THE_DELAY_MS);
    await app.commerce.reservations.releaseExpired();
    assert.equal((await recovery.runOnce()).cancelled, 1);
    assert.equal(await orderOf(c.id), undefined);
    const refunded = await target.db.query<{ amount_refunded: number; amount_captured: number }>(
      'SELECT amount_refunded, amount_captured FROM simulated_payment_intents WHERE id = $1',
      [(await intentOf(c.id)).id],
    );
    assert.equal(Number(refunded.rows[0]!.amount_refunded), c.total);
    assert.deepEqual(await level(c.variantId), c.stock);
  });

  test('a crash after the order is written: the retry with the same key finishes it and answers it paid, never pending', async () => {
    const c = await crashedCheckout('after-order');
    assert.equal((await orderOf(c.id))?.status, 'pending');
    const retried = await complete(c.id, c.key);
    assert.equal(retried.status, 200);
    const order = Order.parse(retried.body);
    assert.equal(order.status, 'paid');
    assert.equal(order.payment.captured.amount, order.totals.total.amount);
    assert.deepEqual(
      (await recovery.events(c.id)).map((e) => [e.actor, e.action]),
      [['retry', 'captured']],
    );
    const replayed = await complete(c.id, c.key);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replayed.body, retried.body);
    assert.deepEqual(await level(c.variantId), { on_hand: c.stock.on_hand - 1, reserved: c.stock.reserved });
  });

  test('a crash after the order is written: the job captures it', async () => {
    const c = await crashedCheckout('after-order');
    clock.advance(AFTER_THE_DELAY_MS);
    assert.equal((await recovery.runOnce()).paid, 1);
    const order = (await orderOf(c.id))!;
    assert.equal(order.status, 'paid');
    assert.equal(Number(order.captured), c.total);
  });

  test('a crash after the capture: the job marks the order paid with what was captured', async () => {
    const c = await crashedCheckout('after-capture');
    assert.equal((await orderOf(c.id))?.status, 'pending');
    assert.equal((await intentOf(c.id)).status, 'succeeded');
    clock.advance(AFTER_THE_DELAY_MS);
    assert.equal((await recovery.runOnce()).paid, 1);
    const order = (await orderOf(c.id))!;
    assert.equal(order.status, 'paid');
    assert.equal(Number(order.captured), c.total);
    assert.deepEqual(
      (await recovery.events(c.id)).map((e) => e.action),
      ['marked_paid'],
    );
  });

  test('a pending order whose payment was cancelled is cancelled with its sale reverted; a retry answers it cancelled', async () => {
    const c = await crashedCheckout('after-order');
    await simulated.cancelIntent((await intentOf(c.id)).id, { idempotencyKey: 'test-cancel' });
    clock.advance(AFTER_THE_DELAY_MS);
    assert.equal((await recovery.runOnce()).cancelled, 1);
    assert.equal((await orderOf(c.id))?.status, 'cancelled');
    assert.deepEqual(await level(c.variantId), c.stock);
    assert.equal(Order.parse((await complete(c.id, c.key)).body).status, 'cancelled');
  });

  test('a declined card leaves nothing for the job: the checkout is not marked as paying', async () => {
    const variantId = unused.shift()!;
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: variantId, quantity: 1 }] }),
    });
    const id = CheckoutSession.parse(
      (
        await app.request('/v1/checkout-sessions', {
          method: 'POST',
          ...json({ cart_id: (cart.body as { id: string }).id }),
        })
      ).body,
    ).id;
    await app.request(`/v1/checkout-sessions/${id}`, {
      method: 'PATCH',
      ...json({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    const declined = await app.request(`/v1/checkout-sessions/${id}/complete`, {
      method: 'POST',
      ...json({ payment_method: 'pm_card_chargeDeclined' }),
    });
    assert.equal(declined.status, 402);
    const { rows } = await target.db.query<{ completing_at: Date | null }>(
      'SELECT completing_at FROM checkout_sessions WHERE id = $1',
      [id],
    );
    assert.equal(rows[0]!.completing_at, null);
    clock.advance(AFTER_THE_DELAY_MS);
    assert.equal((await recovery.runOnce()).cleared, 0);
    assert.deepEqual(await recovery.events(id), []);
  });

  test('a capture that fails answers 503 and stores nothing for the key; the retry answers the order paid', async () => {
    const variantId = unused.shift()!;
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({ items: [{ variant_id: variantId, quantity: 1 }] }),
    });
    const id = CheckoutSession.parse(
      (
        await app.request('/v1/checkout-sessions', {
          method: 'POST',
          ...json({ cart_id: (cart.body as { id: string }).id }),
        })
      ).body,
    ).id;
    await app.request(`/v1/checkout-sessions/${id}`, {
      method: 'PATCH',
      ...json({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    const key = randomUUID();
    outage.capture = true;
    const failed = await complete(id, key);
    outage.capture = false;
    assert.equal(failed.status, 503);
    assert.equal(ErrorBody.parse(failed.body).error.code, 'order_pending');
    const retried = await complete(id, key);
    assert.equal(retried.status, 200);
    assert.equal(Order.parse(retried.body).status, 'paid');
  });

  test('what the job cannot decide is listed for admins, who capture one order and cancel the other', async () => {
    const a = await crashedCheckout('after-order');
    const b = await crashedCheckout('after-order');
    clock.advance(AFTER_THE_DELAY_MS);
    outage.all = true;
    try {
      assert.equal((await recovery.runOnce()).left, 2);
      assert.equal(
        (await app.request('/v1/admin/payments/unresolved')).status,
        403,
        'a publishable key cannot see them',
      );
      const listed = UnresolvedPaymentList.parse(
        (await admin('/v1/admin/payments/unresolved?older_than_seconds=0')).body,
      );
      const ids = listed.data.map((u) => u.checkout_session_id);
      assert.ok(ids.includes(a.id) && ids.includes(b.id));
      const item = listed.data.find((u) => u.checkout_session_id === a.id)!;
      assert.equal(item.kind, 'pending_order');
      assert.equal(item.payment_status, null, 'the provider did not answer');
      assert.ok(item.age_seconds >= 60);
      assert.equal(item.amount?.amount, a.total);
    } finally {
      outage.all = false;
    }
    const paid = await admin(`/v1/admin/orders/${(await orderOf(a.id))!.id}/resolve`, {
      method: 'POST',
      body: { action: 'capture' },
    });
    assert.equal(paid.status, 200);
    assert.equal(Order.parse(paid.body).status, 'paid');
    const cancelled = await admin(`/v1/admin/orders/${(await orderOf(b.id))!.id}/resolve`, {
      method: 'POST',
      body: { action: 'cancel', reason: 'payment unclear' },
    });
    assert.equal(cancelled.status, 200);
    assert.equal(Order.parse(cancelled.body).status, 'cancelled');
    assert.equal((await intentOf(b.id)).status, 'canceled');
    assert.deepEqual(await level(b.variantId), b.stock);
    const again = await admin(`/v1/admin/orders/${(await orderOf(a.id))!.id}/resolve`, {
      method: 'POST',
      body: { action: 'cancel' },
    });
    assert.equal(again.status, 409, 'a paid order is cancelled through /cancel, not resolved');
    assert.equal(
      (
        await admin(`/v1/admin/orders/${(await orderOf(a.id))!.id}/resolve`, {
          method: 'POST',
          body: { action: 'refund' },
        })
      ).status,
      400,
    );
    const left = UnresolvedPaymentList.parse((await admin('/v1/admin/payments/unresolved?older_than_seconds=0')).body);
    assert.deepEqual(
      left.data.filter((u) => u.checkout_session_id === a.id || u.checkout_session_id === b.id),
      [],
    );
    assert.deepEqual((await recovery.events(b.id)).map((e) => [e.actor, e.action]).slice(-2), [
      ['admin', 'authorization_cancelled'],
      ['admin', 'cancelled'],
    ]);
  });
});
