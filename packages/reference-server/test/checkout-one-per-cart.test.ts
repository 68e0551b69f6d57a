// A cart checks out once at a time: however many sessions are started for it at once, there is
// one open session and one stock hold, and every start is answered with that session. A cart that
// changed starts a new session, and the old one gives its stock back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Cart, CheckoutSession } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const STARTS = 30;

function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}

forEachDatabase('one open checkout session per cart', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app?.close());

  const newCart = async (items: { variant_id: string; quantity: number }[]) =>
    ok(await app.request('/v1/carts', { method: 'POST', ...json({ items }) }), Cart);
  const start = (cartId: string) =>
    app.request('/v1/checkout-sessions', { method: 'POST', ...json({ cart_id: cartId }) });
  const sessionsOf = async (cartId: string) =>
    (
      await target.db.query<{ id: string; status: string }>(
        'SELECT id, status FROM checkout_sessions WHERE cart_id = $1 ORDER BY created_at, id',
        [cartId],
      )
    ).rows;
  const holdsOf = async (variantId: string) =>
    (
      await target.db.query<{ id: string; quantity: number }>(
        'SELECT id, quantity FROM inventory_holds WHERE variant_id = $1',
        [variantId],
      )
    ).rows;
  const reserved = async (variantId: string) =>
    (
      await target.db.query<{ reserved: number }>('SELECT reserved FROM inventory_levels WHERE variant_id = $1', [
        variantId,
      ])
    ).rows[0]!.reserved;

  test(`${STARTS} concurrent starts for one cart make one session and one hold, and all ${STARTS} answers name it`, async () => {
    const cart = await newCart([{ variant_id: 'var_fx050', quantity: 2 }]);
    const answers = await Promise.all(Array.from({ length: STARTS }, () => start(cart.id)));
    const ids = new Set(answers.map((res) => ok(res, CheckoutSession).id));
    assert.equal(ids.size, 1, `one session named by every answer, saw ${[...ids].join(', ')}`);
    assert.deepEqual(await sessionsOf(cart.id), [{ id: [...ids][0], status: 'open' }]);
    assert.deepEqual(
      (await holdsOf('var_fx050')).map((h) => h.quantity),
      [2],
      'one hold for the cart',
    );
    assert.equal(await reserved('var_fx050'), 2);
  });

  test('starting again for an unchanged cart answers the open session with what was filled in', async () => {
    const cart = await newCart([{ variant_id: 'var_fx070', quantity: 1 }]);
    const first = ok(await start(cart.id), CheckoutSession);
    ok(
      await app.request(`/v1/checkout-sessions/${first.id}`, {
        method: 'PATCH',
        ...json({ email: 'ada@example.com' }),
      }),
      CheckoutSession,
    );
    const again = ok(await start(cart.id), CheckoutSession);
    assert.equal(again.id, first.id);
    assert.equal(again.email, 'ada@example.com');
    assert.equal(await reserved('var_fx070'), 1);
  });

  test('a cart that changed starts a new session; the old one ends and its stock is back', async () => {
    const cart = await newCart([{ variant_id: 'var_fx100', quantity: 1 }]);
    const first = ok(await start(cart.id), CheckoutSession);
    ok(
      await app.request(`/v1/carts/${cart.id}/items`, {
        method: 'POST',
        ...json({ variant_id: 'var_fx100', quantity: 1 }),
      }),
      Cart,
    );
    const second = ok(await start(cart.id), CheckoutSession);
    assert.notEqual(second.id, first.id);
    assert.equal(second.lines[0]?.quantity, 2);
    assert.deepEqual(await sessionsOf(cart.id), [
      { id: first.id, status: 'expired' },
      { id: second.id, status: 'open' },
    ]);
    assert.deepEqual(
      (await holdsOf('var_fx100')).map((h) => h.quantity),
      [2],
      'only the new session holds stock',
    );
    assert.equal(await reserved('var_fx100'), 2);
  });

  test('the database itself refuses a second open session for a cart', async () => {
    const cart = await newCart([{ variant_id: 'var_fx030', quantity: 1 }]);
    const open = ok(await start(cart.id), CheckoutSession);
    await assert.rejects(
      target.db.query(
        `INSERT INTO checkout_sessions (id, cart_id, status, currency, lines, expires_at, created_at, updated_at)
         VALUES ('cs_duplicate', $1, 'open', 'USD', '[]', now(), now(), now())`,
        [cart.id],
      ),
      /checkout_sessions_one_open_per_cart_idx|duplicate key/,
    );
    assert.deepEqual(await sessionsOf(cart.id), [{ id: open.id, status: 'open' }]);
  });
});
