// Stock on both databases: storefront availability (cached, invalidated on change), the admin
// routes, and the reservation service's rules (all or nothing, expiry, refresh, sale).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AvailabilityList, ErrorBody, InventoryHold, InventoryLevel, InventoryLevelList } from '@shoptag/sdk/contract';
import type { Queryable, QueryOptions } from '../src/store/db.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const MINUTE = 60_000;

function errorOf(res: TestResponse, status: number, code: string): ErrorBody['error'] {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const { error } = ErrorBody.parse(res.body);
  assert.equal(error.code, code, JSON.stringify(error));
  return error;
}

forEachDatabase('inventory', (target) => {
  let app: TestApp;
  const clock = manualClock();
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog(), clock, commerce: { holdTtlMs: 15 * MINUTE } });
  });
  after(() => app?.close());

  const admin = (path: string, method = 'GET', body?: unknown) =>
    app.request(path, { method, key: app.secretKey, ...(body === undefined ? {} : json(body)) });
  const level = async (variantId: string) =>
    InventoryLevel.parse((await admin(`/v1/admin/inventory/${variantId}`)).body);
  const available = async (ids: string) =>
    AvailabilityList.parse((await app.request(`/v1/inventory?variant_ids=${ids}`)).body).data;

  test('availability answers known variants in request order and leaves unknown ones out', async () => {
    assert.deepEqual(await available('var_fx050,var_fx020,var_nope99'), [
      {
        variant_id: 'var_fx050',
        available: 10,
        in_stock: true,
        backorder: false,
        track_inventory: true,
        inventory_policy: 'deny',
      },
      {
        variant_id: 'var_fx020',
        available: 0,
        in_stock: false,
        backorder: false,
        track_inventory: true,
        inventory_policy: 'deny',
      },
    ]);
  });

  test('every stock change is visible at once, though availability is cached', async () => {
    assert.equal((await available('var_fx090'))[0]!.available, 2);
    const set = await admin('/v1/admin/inventory/var_fx090', 'PUT', { on_hand: 7 });
    assert.equal(InventoryLevel.parse(set.body).on_hand, 7);
    assert.equal((await available('var_fx090'))[0]!.available, 7);
    await app.commerce.reservations.reserve([{ variantId: 'var_fx090', quantity: 3 }]);
    assert.equal((await available('var_fx090'))[0]!.available, 4);
    await admin('/v1/admin/inventory/var_fx090/adjust', 'POST', { delta: -2 });
    assert.equal((await available('var_fx090'))[0]!.available, 2);
  });

  test('admins read, set and adjust a level, never below what is reserved', async () => {
    const hold = await app.commerce.reservations.reserve([{ variantId: 'var_fx100', quantity: 4 }]);
    assert.deepEqual(await level('var_fx100').then((l) => [l.on_hand, l.reserved, l.available]), [6, 4, 2]);
    const error = errorOf(
      await admin('/v1/admin/inventory/var_fx100', 'PUT', { on_hand: 3 }),
      409,
      'inventory_reserved',
    );
    assert.equal(error.details?.reserved, 4);
    errorOf(await admin('/v1/admin/inventory/var_fx100/adjust', 'POST', { delta: -3 }), 409, 'inventory_reserved');
    assert.equal(
      InventoryLevel.parse((await admin('/v1/admin/inventory/var_fx100/adjust', 'POST', { delta: -2 })).body).on_hand,
      4,
    );
    await app.commerce.reservations.release(hold.id);
    assert.deepEqual(await level('var_fx100').then((l) => [l.on_hand, l.reserved, l.available]), [4, 0, 4]);
  });

  test('the low-stock report lists active variants at or below the threshold, lowest first', async () => {
    const report = InventoryLevelList.parse((await admin('/v1/admin/inventory/low-stock?threshold=1')).body).data;
    assert.ok(report.length > 0);
    for (const row of report) assert.ok(row.available <= 1);
    const values = report.map((r) => r.available);
    assert.deepEqual(
      values,
      [...values].sort((a, b) => a - b),
    );
    assert.ok(report.some((r) => r.variant_id === 'var_fx020'));
  });

  test('a hold takes all of its items or none of them', async () => {
    const before = [await level('var_fx030'), await level('var_fx040')];
    const res = await admin('/v1/admin/inventory/holds', 'POST', {
      items: [
        { variant_id: 'var_fx030', quantity: 1 },
        { variant_id: 'var_fx040', quantity: 2 },
      ],
    });
    const error = errorOf(res, 409, 'out_of_stock');
    assert.equal(error.details?.variant_id, 'var_fx040');
    assert.equal(error.details?.available, 1);
    assert.deepEqual([await level('var_fx030'), await level('var_fx040')], before);
  });

  test('quantities of one variant named twice are summed before reserving', async () => {
    await assert.rejects(
      app.commerce.reservations.reserve([{ variantId: 'var_fx031', quantity: 1 }]),
      /No such variant/,
    );
    const ok = await admin('/v1/admin/inventory/holds', 'POST', {
      items: [
        { variant_id: 'var_fx030', quantity: 2 },
        { variant_id: 'var_fx030', quantity: 1 },
      ],
    });
    const hold = InventoryHold.parse(ok.body);
    assert.deepEqual(hold.items, [{ variant_id: 'var_fx030', quantity: 3 }]);
    assert.equal((await level('var_fx030')).available, 0);
    errorOf(
      await admin('/v1/admin/inventory/holds', 'POST', { items: [{ variant_id: 'var_fx030', quantity: 1 }] }),
      409,
      'out_of_stock',
    );
    assert.equal((await admin(`/v1/admin/inventory/holds/${hold.id}`, 'DELETE')).status, 200);
    assert.equal((await level('var_fx030')).available, 3);
    errorOf(await admin(`/v1/admin/inventory/holds/${hold.id}`, 'DELETE'), 404, 'resource_missing');
  });

  test('lapsed holds return to stock when the sweeper runs, and a refreshed hold stays', async () => {
    const reservations = app.commerce.reservations;
    const lapsing = await reservations.reserve([{ variantId: 'var_fx070', quantity: 5 }]);
    const kept = await reservations.reserve([{ variantId: 'var_fx070', quantity: 2 }]);
    assert.equal((await level('var_fx070')).available, 1);
    clock.advance(10 * MINUTE);
    await reservations.refresh(kept.id);
    clock.advance(6 * MINUTE);
    // Holds of earlier tests lapse too.
    assert.ok((await reservations.releaseExpired()) >= 1);
    assert.equal(await reservations.get(lapsing.id), undefined);
    assert.ok(await reservations.get(kept.id));
    assert.deepEqual(await level('var_fx070').then((l) => [l.on_hand, l.reserved]), [8, 2]);
    await assert.rejects(reservations.refresh(lapsing.id), /lapsed/);
    clock.advance(15 * MINUTE);
    assert.equal(await reservations.releaseExpired(), 1);
    assert.deepEqual(await level('var_fx070').then((l) => [l.on_hand, l.reserved]), [8, 0]);
  });

  test('converting a hold to a sale takes the units out of stock for good, once', async () => {
    const reservations = app.commerce.reservations;
    const hold = await reservations.reserve([
      { variantId: 'var_fx050', quantity: 2 },
      { variantId: 'var_fx081', quantity: 1 },
    ]);
    const availableNow = async () => [(await level('var_fx050')).available, (await level('var_fx081')).available];
    const availableBefore = await availableNow();
    const sold = await target.db.transaction((tx) => reservations.convertToSale(tx, hold.id));
    // Held units became sold ones: what shoppers can buy is the same, so nothing cached goes stale.
    assert.deepEqual(await availableNow(), availableBefore);
    assert.deepEqual(sold, [
      { variantId: 'var_fx050', quantity: 2, backordered: 0 },
      { variantId: 'var_fx081', quantity: 1, backordered: 0 },
    ]);
    assert.deepEqual(await level('var_fx050').then((l) => [l.on_hand, l.reserved]), [8, 0]);
    assert.deepEqual(await level('var_fx081').then((l) => [l.on_hand, l.reserved]), [3, 0]);
    await assert.rejects(
      target.db.transaction((tx) => reservations.convertToSale(tx, hold.id)),
      /lapsed/,
    );
    assert.equal((await level('var_fx050')).on_hand, 8);
  });

  test('a lapsed and swept hold cannot be sold', async () => {
    const reservations = app.commerce.reservations;
    const hold = await reservations.reserve([{ variantId: 'var_fx050', quantity: 1 }], { ttlMs: MINUTE });
    clock.advance(2 * MINUTE);
    await reservations.releaseExpired();
    await assert.rejects(
      target.db.transaction((tx) => reservations.convertToSale(tx, hold.id)),
      (e: unknown) => (e as { code?: string }).code === 'hold_expired',
    );
    assert.equal((await level('var_fx050')).on_hand, 8);
  });

  test('a hold the sweeper releases while the sale waits for its stock locks is not sold', async () => {
    const reservations = app.commerce.reservations;
    const hold = await reservations.reserve([{ variantId: 'var_fx050', quantity: 1 }]);
    const before = await level('var_fx050');
    const sale = target.db.transaction((tx) => {
      // The sweeper's release lands between the lock being granted and the hold being deleted.
      const racing: Queryable = {
        exec: (text) => tx.exec(text),
        query: (async (text: string, params?: readonly unknown[], options?: QueryOptions) => {
          const result = await tx.query(text, params, options);
          if (text.includes('FOR UPDATE OF l')) await tx.query('DELETE FROM inventory_holds WHERE id = $1', [hold.id]);
          return result;
        }) as Queryable['query'],
      };
      return reservations.convertToSale(racing, hold.id);
    });
    await assert.rejects(sale, (e: unknown) => (e as { code?: string }).code === 'hold_expired');
    assert.deepEqual(await level('var_fx050'), before, 'nothing sold');
    await reservations.release(hold.id);
  });

  test('bad input on every inventory route is a clear 4xx and changes nothing', async () => {
    const before = await level('var_fx050');
    const cases: [string, string, unknown, number, string, string | undefined, string?][] = [
      ['GET', '/v1/inventory', undefined, 400, 'parameter_missing', 'variant_ids'],
      ['GET', '/v1/inventory?variant_ids=', undefined, 400, 'parameter_invalid', 'variant_ids'],
      ['GET', '/v1/inventory?variant_ids=prod_1', undefined, 400, 'parameter_invalid', 'variant_ids.0'],
      [
        'GET',
        `/v1/inventory?variant_ids=${Array.from({ length: 101 }, (_, i) => `var_${i}`).join(',')}`,
        undefined,
        400,
        'parameter_invalid',
        'variant_ids',
      ],
      ['GET', '/v1/inventory?variant_ids=var_fx050&x=1', undefined, 400, 'parameter_unknown', 'x'],
      ['GET', '/v1/admin/inventory/var_fx050', undefined, 403, 'secret_key_required', undefined, 'publishable'],
      ['GET', '/v1/admin/inventory/var_nope', undefined, 404, 'resource_missing', 'variantId'],
      ['GET', '/v1/admin/inventory/nonsense', undefined, 404, 'resource_missing', 'variantId'],
      ['PUT', '/v1/admin/inventory/var_fx050', { on_hand: -1 }, 400, 'parameter_invalid', 'on_hand'],
      ['PUT', '/v1/admin/inventory/var_fx050', { on_hand: 'ten' }, 400, 'parameter_invalid', 'on_hand'],
      ['PUT', '/v1/admin/inventory/var_fx050', { on_hand: 5, reserved: 0 }, 400, 'parameter_unknown', 'reserved'],
      ['PUT', '/v1/admin/inventory/var_nope', { on_hand: 5 }, 404, 'resource_missing', 'variantId'],
      ['POST', '/v1/admin/inventory/var_fx050/adjust', { delta: 0 }, 400, 'parameter_invalid', 'delta'],
      ['POST', '/v1/admin/inventory/var_fx050/adjust', { delta: 0.5 }, 400, 'parameter_invalid', 'delta'],
      ['POST', '/v1/admin/inventory/var_fx050/adjust', { delta: -100 }, 409, 'inventory_reserved', 'delta'],
      ['GET', '/v1/admin/inventory/low-stock?threshold=-1', undefined, 400, 'parameter_invalid', 'threshold'],
      ['POST', '/v1/admin/inventory/holds', { items: [] }, 400, 'parameter_invalid', 'items'],
      [
        'POST',
        '/v1/admin/inventory/holds',
        { items: [{ variant_id: 'var_fx050', quantity: 0 }] },
        400,
        'parameter_invalid',
        'items.0.quantity',
      ],
      [
        'POST',
        '/v1/admin/inventory/holds',
        { items: [{ variant_id: 'var_nope', quantity: 1 }] },
        404,
        'resource_missing',
        'variant_id',
      ],
      ['DELETE', '/v1/admin/inventory/holds/hold_nope', undefined, 404, 'resource_missing', 'hold_id'],
    ];
    for (const [method, path, body, status, code, param, key] of cases) {
      const res = await app.request(path, {
        method,
        key: key === 'publishable' ? app.publishableKey : app.secretKey,
        ...(body === undefined ? {} : json(body)),
      });
      const error = errorOf(res, status, code);
      if (param) assert.equal(error.param, param, `${method} ${path}`);
    }
    assert.deepEqual(await level('var_fx050'), before);
  });
});
