import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Coupon, CouponList, ErrorBody } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

forEachDatabase('admin coupons', (target) => {
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

  test('a coupon is created, read, listed, changed and deleted', async () => {
    const created = Coupon.parse(
      (
        await admin('/v1/admin/coupons', 'POST', {
          code: 'save-5',
          type: 'fixed_amount',
          amount_off: 500,
          minimum_subtotal: 4000,
          usage_limit: 100,
        })
      ).body,
    );
    assert.equal(created.code, 'SAVE-5');
    assert.deepEqual(created.amount_off, { amount: 500, currency: 'USD' });
    assert.equal(created.times_redeemed, 0);
    assert.deepEqual(Coupon.parse((await admin(`/v1/admin/coupons/${created.id}`)).body), created);
    const changed = Coupon.parse(
      (
        await admin(`/v1/admin/coupons/${created.id}`, 'PATCH', {
          amount_off: 700,
          active: false,
          ends_at: '2030-01-01T00:00:00Z',
        })
      ).body,
    );
    assert.deepEqual(
      [changed.amount_off?.amount, changed.active, changed.ends_at],
      [700, false, '2030-01-01T00:00:00.000Z'],
    );
    assert.ok(CouponList.parse((await admin('/v1/admin/coupons')).body).data.some((c) => c.id === created.id));
    assert.equal((await admin(`/v1/admin/coupons/${created.id}`, 'DELETE')).status, 200);
    assert.equal((await admin(`/v1/admin/coupons/${created.id}`)).status, 404);
  });

  test('the coupon list pages newest first with a cursor', async () => {
    for (const code of ['P1', 'P2', 'P3']) await admin('/v1/admin/coupons', 'POST', { code, type: 'free_shipping' });
    const first = CouponList.parse((await admin('/v1/admin/coupons?limit=2')).body);
    assert.equal(first.data.length, 2);
    assert.ok(first.next_cursor);
    const second = CouponList.parse((await admin(`/v1/admin/coupons?limit=2&cursor=${first.next_cursor}`)).body);
    const ids = [...first.data, ...second.data].map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('bad coupon input is a 4xx naming the field, and nothing is created', async () => {
    const before = CouponList.parse((await admin('/v1/admin/coupons?limit=100')).body).data.length;
    const cases: [unknown, number, string, string][] = [
      [{ code: 'X1', type: 'percentage' }, 400, 'parameter_invalid', 'percent_off'],
      [{ code: 'X2', type: 'percentage', percent_off: 101 }, 400, 'parameter_invalid', 'percent_off'],
      [{ code: 'X3', type: 'fixed_amount', amount_off: 0 }, 400, 'parameter_invalid', 'amount_off'],
      [{ code: 'X4', type: 'free_shipping', percent_off: 10 }, 400, 'parameter_invalid', 'percent_off'],
      [{ code: 'bad code!', type: 'free_shipping' }, 400, 'parameter_invalid', 'code'],
      [{ code: 'X5', type: 'bogo' }, 400, 'parameter_invalid', 'type'],
      [
        { code: 'X6', type: 'free_shipping', starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' },
        400,
        'parameter_invalid',
        'ends_at',
      ],
      [{ code: 'X7', type: 'free_shipping', ends_at: 'tomorrow' }, 400, 'parameter_invalid', 'ends_at'],
      [{ code: 'X8', type: 'free_shipping', times_redeemed: 0 }, 400, 'parameter_unknown', 'times_redeemed'],
      [{ code: 'P1', type: 'free_shipping' }, 409, 'coupon_code_taken', 'code'],
    ];
    for (const [body, status, code, param] of cases) {
      const res = await admin('/v1/admin/coupons', 'POST', body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      const { error } = ErrorBody.parse(res.body);
      assert.deepEqual([error.code, error.param], [code, param], JSON.stringify(body));
    }
    assert.equal((await app.request('/v1/admin/coupons')).status, 403, 'a publishable key is refused');
    assert.equal((await admin('/v1/admin/coupons/cpn_nope', 'PATCH', { active: false })).status, 404);
    assert.equal(CouponList.parse((await admin('/v1/admin/coupons?limit=100')).body).data.length, before);
  });
});
