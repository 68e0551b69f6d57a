// No oversell under real concurrency, on real PostgreSQL (PGlite has one connection, so nothing
// contends there): the reservation service on a pg pool, the hold route over HTTP, and the
// atomic coupon redeem.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConflictError, UnprocessableError } from '../src/errors.js';
import { createPgDb } from '../src/store/pg-driver.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { createScratchDatabase, TEST_DATABASE_URL } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ATTEMPTS = 200;
const UNITS = 10;

describe(
  'reservations under concurrency (PostgreSQL)',
  { skip: TEST_DATABASE_URL ? false : 'no PostgreSQL (SHOPTAG_TEST_DATABASE_URL unset)' },
  () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let db: Db;
    let app: TestApp;

    before(async () => {
      scratch = await createScratchDatabase();
      db = createPgDb({ connectionString: scratch.url, max: 20 });
      await migrate(db);
      app = await startTestApp(db, { catalog: fixtureCatalog() });
    });
    after(async () => {
      await app?.close();
      await db?.close();
      await scratch?.drop();
    });

    const setStock = (variantId: string, onHand: number) =>
      db
        .query('UPDATE inventory_levels SET on_hand = $2, reserved = 0 WHERE variant_id = $1', [variantId, onHand])
        .then(() => db.query('DELETE FROM inventory_holds WHERE variant_id = $1', [variantId]));
    const stock = async (variantId: string) => {
      const { rows } = await db.query<{ on_hand: number; reserved: number; held: number }>(
        `SELECT on_hand, reserved, (SELECT coalesce(sum(quantity), 0)::int FROM inventory_holds h WHERE h.variant_id = l.variant_id) AS held
         FROM inventory_levels l WHERE variant_id = $1`,
        [variantId],
      );
      return rows[0]!;
    };

    test(`${ATTEMPTS} concurrent holds on ${UNITS} units: exactly ${UNITS} succeed, the rest are out of stock`, async () => {
      await setStock('var_fx050', UNITS);
      const results = await Promise.allSettled(
        Array.from({ length: ATTEMPTS }, () =>
          app.commerce.reservations.reserve([{ variantId: 'var_fx050', quantity: 1 }]),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(ok.length, UNITS);
      for (const r of refused)
        assert.ok(r.reason instanceof ConflictError && r.reason.code === 'out_of_stock', String(r.reason));
      assert.deepEqual(await stock('var_fx050'), { on_hand: UNITS, reserved: UNITS, held: UNITS });
    });

    test('holds over several variants named in opposite orders never deadlock or oversell, while the sweeper runs', async () => {
      await setStock('var_fx090', 30);
      await setStock('var_fx100', 30);
      const reservations = app.commerce.reservations;
      const attempts = Array.from({ length: 100 }, (_, i) =>
        reservations.reserve(
          i % 2 === 0
            ? [
                { variantId: 'var_fx090', quantity: 1 },
                { variantId: 'var_fx100', quantity: 1 },
              ]
            : [
                { variantId: 'var_fx100', quantity: 1 },
                { variantId: 'var_fx090', quantity: 1 },
              ],
          { ttlMs: i % 3 === 0 ? 1 : 60_000 },
        ),
      );
      const sweeps = Array.from({ length: 10 }, () => reservations.releaseExpired());
      const results = await Promise.allSettled(attempts);
      await Promise.all(sweeps);
      await reservations.releaseExpired();
      for (const r of results)
        if (r.status === 'rejected') assert.ok(r.reason instanceof ConflictError, String(r.reason));
      for (const id of ['var_fx090', 'var_fx100']) {
        const s = await stock(id);
        assert.ok(s.reserved <= s.on_hand && s.on_hand === 30, JSON.stringify(s));
        assert.equal(s.reserved, s.held, 'reserved always equals the units held');
      }
    });

    // What lets the hold sweeper fall back to an in-process lock while Redis is down.
    test('sweepers running at once, as in several processes without a shared lock, release each lapsed hold exactly once', async () => {
      await setStock('var_fx110', 50);
      const reservations = app.commerce.reservations;
      await Promise.all(
        Array.from({ length: 40 }, () => reservations.reserve([{ variantId: 'var_fx110', quantity: 1 }], { ttlMs: 1 })),
      );
      await new Promise((r) => setTimeout(r, 20));
      const released = await Promise.all(Array.from({ length: 5 }, () => reservations.releaseExpired()));
      assert.equal(
        released.reduce((a, b) => a + b, 0),
        40,
        `released per sweeper: ${released.join(', ')}`,
      );
      assert.deepEqual(await stock('var_fx110'), { on_hand: 50, reserved: 0, held: 0 });
    });

    test(`${ATTEMPTS} concurrent hold requests over HTTP on ${UNITS} units: exactly ${UNITS} answer 200, the rest 409`, async () => {
      await setStock('var_fx070', UNITS);
      const responses = await Promise.all(
        Array.from({ length: ATTEMPTS }, () =>
          app.request('/v1/admin/inventory/holds', {
            method: 'POST',
            key: app.secretKey,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ items: [{ variant_id: 'var_fx070', quantity: 1 }] }),
          }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 200).length, UNITS);
      assert.equal(statuses.filter((s) => s === 409).length, ATTEMPTS - UNITS);
      assert.deepEqual(await stock('var_fx070'), { on_hand: UNITS, reserved: UNITS, held: UNITS });
    });

    test('a coupon limited to 5 uses is redeemed exactly 5 times by 50 concurrent orders', async () => {
      const coupon = await app.commerce.coupons.create({ code: 'FIVE', type: 'free_shipping', usage_limit: 5 });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          db.transaction((tx) => app.commerce.coupons.redeem(tx, coupon.id, `buyer${i}@example.com`, `order_${i}`)),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 5);
      for (const r of results)
        if (r.status === 'rejected')
          assert.ok(r.reason instanceof UnprocessableError && r.reason.code === 'coupon_used_up');
      assert.equal((await app.commerce.coupons.get(coupon.id)).times_redeemed, 5);
    });

    test('a once-per-email coupon is redeemed once by 20 concurrent orders from one email, and the failures leave no use behind', async () => {
      const coupon = await app.commerce.coupons.create({
        code: 'ONCE',
        type: 'percentage',
        percent_off: 10,
        per_email_limit: 1,
      });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          db.transaction((tx) =>
            app.commerce.coupons.redeem(tx, coupon.id, i % 2 ? 'Same@Example.com' : ' same@example.com', `order_${i}`),
          ),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.equal((await app.commerce.coupons.get(coupon.id)).times_redeemed, 1);
      await db.transaction((tx) => app.commerce.coupons.redeem(tx, coupon.id, 'other@example.com', 'order_x'));
      assert.equal((await app.commerce.coupons.get(coupon.id)).times_redeemed, 2);
    });
  },
);
