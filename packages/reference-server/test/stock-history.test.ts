// Stock history on both databases: every count and adjustment is recorded with its reason, note
// and who made it, and every sale with its order; a refused change records nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody, InventoryLevel, InventoryMovementList } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

forEachDatabase('stock history', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app?.close());

  const admin = (path: string, method = 'GET', body?: unknown) =>
    app.request(path, {
      method,
      key: app.secretKey,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const history = async (variantId: string, query = '') => {
    const res = await admin(`/v1/admin/inventory/${variantId}/history${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return InventoryMovementList.parse(res.body);
  };

  test('a variant nobody has touched has an empty history', async () => {
    const empty = await history('var_fx030');
    assert.deepEqual([empty.data, empty.has_more, empty.next_cursor], [[], false, null]);
  });

  test('a count and an adjustment are recorded newest first, with reason, note, who and what was left', async () => {
    const set = await admin('/v1/admin/inventory/var_fx050', 'PUT', {
      on_hand: 14,
      reason: 'received',
      note: 'PO 118',
    });
    assert.equal(InventoryLevel.parse(set.body).on_hand, 14);
    const adjusted = await admin('/v1/admin/inventory/var_fx050/adjust', 'POST', { delta: -3, reason: 'damaged' });
    assert.equal(InventoryLevel.parse(adjusted.body).on_hand, 11);
    await admin('/v1/admin/inventory/var_fx050/adjust', 'POST', { delta: 1 });
    const { data } = await history('var_fx050');
    assert.deepEqual(
      data.map((m) => [m.delta, m.on_hand, m.reason, m.note, m.actor.type]),
      [
        [1, 12, 'correction', '', 'key'],
        [-3, 11, 'damaged', '', 'key'],
        [4, 14, 'received', 'PO 118', 'key'],
      ],
    );
    assert.match(data[0]?.actor.id ?? '', /^key_/);
    assert.ok(data.every((m) => m.variant_id === 'var_fx050' && m.reference === null));
  });

  test('a count without a reason is recorded as a count, even when nothing changed', async () => {
    await admin('/v1/admin/inventory/var_fx100', 'PUT', { on_hand: 6 });
    const [latest] = (await history('var_fx100')).data;
    assert.deepEqual([latest?.delta, latest?.on_hand, latest?.reason], [0, 6, 'count']);
  });

  test('a refused change leaves no line in the history', async () => {
    const before = (await history('var_fx090')).data.length;
    const res = await admin('/v1/admin/inventory/var_fx090/adjust', 'POST', { delta: -500, reason: 'lost' });
    assert.equal(res.status, 409);
    assert.equal((await history('var_fx090')).data.length, before);
  });

  test('a sale is recorded with its order', async () => {
    const hold = await app.commerce.reservations.reserve([{ variantId: 'var_fx110', quantity: 1 }]);
    await target.db.transaction((tx) => app.commerce.reservations.convertToSale(tx, hold.id, 'ord_test1'));
    const [sale] = (await history('var_fx110')).data;
    assert.deepEqual(
      [sale?.delta, sale?.on_hand, sale?.reason, sale?.actor, sale?.reference],
      [-1, 0, 'sale', { type: 'system', id: null }, 'ord_test1'],
    );
  });

  test('a backorder sale below zero is recorded with what is owed', async () => {
    const created = await admin('/v1/admin/products', 'POST', {
      handle: 'backorder-kettle',
      name: 'Backorder Kettle',
      category: 'cat_home',
      variants: [{ sku: 'KETTLE', price: 3000, stock: 1, inventory_policy: 'continue' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const variantId = (created.body as { variants: { id: string }[] }).variants[0]!.id;
    const hold = await app.commerce.reservations.reserve([{ variantId, quantity: 3 }]);
    await target.db.transaction((tx) => app.commerce.reservations.convertToSale(tx, hold.id, 'ord_test2'));
    const [sale] = (await history(variantId)).data;
    assert.deepEqual([sale?.delta, sale?.on_hand, sale?.reason, sale?.reference], [-3, -2, 'sale', 'ord_test2']);
  });

  test('a long history comes in pages that never repeat a change', async () => {
    // Ten or more changes: the order is by number, not by text ("10" after "9").
    for (let i = 0; i < 5; i += 1) {
      const res = await admin('/v1/admin/inventory/var_fx040/adjust', 'POST', { delta: 1 });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const first = await history('var_fx040', '?limit=3');
    assert.equal(first.has_more, true);
    const second = await history('var_fx040', `?limit=3&cursor=${first.next_cursor}`);
    assert.equal(second.has_more, false);
    const onHands = [...first.data, ...second.data].map((m) => m.on_hand);
    assert.deepEqual(onHands, [6, 5, 4, 3, 2]);
  });

  test('bad input is a clear 4xx: unknown reason, long note, unknown variant, forged cursor', async () => {
    const reason = await admin('/v1/admin/inventory/var_fx050/adjust', 'POST', { delta: 1, reason: 'whim' });
    assert.equal(reason.status, 400);
    assert.equal(ErrorBody.parse(reason.body).error.param, 'reason');
    const note = await admin('/v1/admin/inventory/var_fx050', 'PUT', { on_hand: 1, note: 'x'.repeat(501) });
    assert.equal(ErrorBody.parse(note.body).error.param, 'note');
    assert.equal((await admin('/v1/admin/inventory/var_nope99/history')).status, 404);
    const cursor = await admin('/v1/admin/inventory/var_fx050/history?cursor=abc');
    assert.equal(ErrorBody.parse(cursor.body).error.param, 'cursor');
  });
});
