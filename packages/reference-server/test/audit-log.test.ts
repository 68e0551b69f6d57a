// The audit log records every admin write once — by a staff session or a secret key — with its
// actor, action, target and request id, plus sign-ins and staff changes; owners read it filtered
// and a page at a time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AuditLogList, ErrorBody, type AuditLogEntry } from '@shoptag/sdk/contract';
import { deriveAction } from '../src/services/audit/index.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { createStaff, signIn, signInRaw, type SignedIn } from './support/staff-session.js';
import { startTestApp, type TestApp } from './support/test-app.js';

test('actions are named from the method and the route pattern', () => {
  const cases: [string, string, string, [string, string | null, string | null]][] = [
    ['POST', '/v1/admin/products', '/v1/admin/products', ['product.create', 'product', null]],
    ['PATCH', '/v1/admin/products/:id', '/v1/admin/products/prod_1', ['product.update', 'product', 'prod_1']],
    ['DELETE', '/v1/admin/coupons/:id', '/v1/admin/coupons/cpn_9?x=1', ['coupon.delete', 'coupon', 'cpn_9']],
    ['POST', '/v1/admin/orders/:id/refunds', '/v1/admin/orders/ord_2/refunds', ['order.refund', 'order', 'ord_2']],
    ['POST', '/v1/admin/orders/:id/fulfil', '/v1/admin/orders/ord_2/fulfil', ['order.fulfil', 'order', 'ord_2']],
    ['POST', '/v1/admin/keys/:id/revoke', '/v1/admin/keys/key_3/revoke', ['key.revoke', 'key', 'key_3']],
    ['PATCH', '/v1/admin/keys/:id/origins', '/v1/admin/keys/key_3/origins', ['key.origin.update', 'key', 'key_3']],
    ['PUT', '/v1/admin/inventory/:variantId', '/v1/admin/inventory/var_4', ['inventory.update', 'inventory', 'var_4']],
    [
      'POST',
      '/v1/admin/inventory/:variantId/adjust',
      '/v1/admin/inventory/var_4/adjust',
      ['inventory.adjust', 'inventory', 'var_4'],
    ],
    ['PATCH', '/v1/admin/settings', '/v1/admin/settings', ['settings.update', 'settings', null]],
  ];
  for (const [method, pattern, path, [action, type, id]] of cases)
    assert.deepEqual(
      deriveAction(method, pattern, path),
      { action, targetType: type, targetId: id },
      `${method} ${pattern}`,
    );
});

forEachDatabase('the audit log', (target) => {
  let app: TestApp;
  let owner: SignedIn;
  let ownerId: string;

  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
    ownerId = await createStaff(app, 'owner@shop.example', 'owner');
    owner = await signIn(app, 'owner@shop.example');
  });
  after(() => app.close());

  const read = async (query = '') => {
    const res = await owner.request(`/v1/admin/audit-log${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return AuditLogList.parse(res.body);
  };
  const keyed = (path: string, method: string, body?: unknown) =>
    app.request(path, {
      method,
      key: app.secretKey,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });

  test('a write by a staff session is recorded with its actor, action, target and request id', async () => {
    const res = await owner.request('/v1/admin/coupons', {
      method: 'POST',
      body: { code: 'AUDIT1', type: 'free_shipping' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const couponId = (res.body as { id: string }).id;
    const [entry] = (await read('?action=coupon')).data;
    assert.ok(entry);
    assert.deepEqual(entry.actor, { kind: 'staff', id: ownerId, label: 'owner@shop.example' });
    assert.equal(entry.action, 'coupon.create');
    assert.deepEqual(entry.target, { type: 'coupon', id: couponId });
    assert.equal(entry.request_id, res.headers.get('request-id'));
    assert.deepEqual(entry.changes, { code: 'AUDIT1', type: 'free_shipping' });
    assert.match(entry.summary, /AUDIT1/);
  });

  test('a write by a secret key is recorded with the key as its actor', async () => {
    const created = await keyed('/v1/admin/coupons', 'POST', { code: 'AUDIT2', type: 'free_shipping' });
    const id = (created.body as { id: string }).id;
    assert.equal((await keyed(`/v1/admin/coupons/${id}`, 'PATCH', { active: false })).status, 200);
    assert.equal((await keyed(`/v1/admin/coupons/${id}`, 'DELETE')).status, 200);
    const entries = (await read(`?target_type=coupon&target_id=${id}`)).data;
    assert.deepEqual(
      entries.map((e) => e.action),
      ['coupon.delete', 'coupon.update', 'coupon.create'],
      'each write once, newest first',
    );
    for (const e of entries) {
      assert.equal(e.actor.kind, 'api_key');
      assert.match(e.actor.id ?? '', /^key_/);
      assert.ok(e.actor.label.length > 0);
    }
  });

  test('a write retried with the same Idempotency-Key is recorded once', async () => {
    const send = () =>
      app.request('/v1/admin/coupons', {
        method: 'POST',
        key: app.secretKey,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'audit-once' },
        body: JSON.stringify({ code: 'ONCE1', type: 'free_shipping' }),
      });
    const first = await send();
    const again = await send();
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const id = (first.body as { id: string }).id;
    assert.equal((await read(`?target_id=${id}`)).data.length, 1);
  });

  test('reads and refused writes are not recorded', async () => {
    const before = (await read()).data.length;
    await owner.request('/v1/admin/coupons');
    await owner.request('/v1/admin/coupons', { method: 'POST', body: { code: '' } });
    await owner.request('/v1/admin/coupons', {
      method: 'POST',
      body: { code: 'NOPE', type: 'free_shipping' },
      csrf: null,
    });
    assert.equal((await read()).data.length, before);
  });

  test('sign-ins, failed sign-ins and sign-outs are recorded', async () => {
    await createStaff(app, 'clerk@shop.example', 'staff');
    await signInRaw(app, 'clerk@shop.example', 'not my password');
    const clerk = await signIn(app, 'clerk@shop.example');
    await clerk.request('/v1/admin/session', { method: 'DELETE' });
    const actions = (await read('?action=staff&limit=3')).data.map((e: AuditLogEntry) => [e.action, e.actor.label]);
    assert.deepEqual(actions, [
      ['staff.sign_out', 'clerk@shop.example'],
      ['staff.sign_in', 'clerk@shop.example'],
      ['staff.sign_in_failed', 'clerk@shop.example'],
    ]);
  });

  test('inviting and changing staff is recorded, without any password or token in it', async () => {
    const invited = await owner.request('/v1/admin/staff', {
      method: 'POST',
      body: { email: 'inv@shop.example', role: 'staff' },
    });
    const id = (invited.body as { id: string }).id;
    await owner.request(`/v1/admin/staff/${id}`, { method: 'PATCH', body: { role: 'owner' } });
    const entries = (await read(`?target_id=${id}`)).data;
    assert.deepEqual(
      entries.map((e) => e.action),
      ['staff.update', 'staff.invite'],
    );
    assert.doesNotMatch(JSON.stringify(entries), /token=|password/i);
  });

  test('a password in a write is never stored', async () => {
    const link = app.staffEmails.at(-1)!.link;
    const token = new URL(link.replace('#/', '')).searchParams.get('token')!;
    await app.request('/v1/admin/password-resets/complete', {
      method: 'POST',
      key: null,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'a secret nobody sees' }),
    });
    const all = JSON.stringify((await read('?limit=100')).data);
    assert.doesNotMatch(all, /a secret nobody sees/);
    assert.doesNotMatch(all, new RegExp(token));
  });

  test('the log pages with a cursor and filters by actor and time', async () => {
    for (let i = 0; i < 5; i++) await keyed('/v1/admin/coupons', 'POST', { code: `PAGE${i}`, type: 'free_shipping' });
    const first = await read('?action=coupon.create&limit=3');
    assert.equal(first.data.length, 3);
    assert.equal(first.has_more, true);
    const second = await read(`?action=coupon.create&limit=3&cursor=${first.next_cursor}`);
    const ids = [...first.data, ...second.data].map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no entry on two pages');
    const mine = await read(`?actor=${ownerId}`);
    assert.ok(mine.data.length > 0 && mine.data.every((e) => e.actor.id === ownerId));
    const future = await read(`?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    assert.equal(future.data.length, 0);
    const bad = await owner.request('/v1/admin/audit-log?cursor=nonsense');
    assert.equal(ErrorBody.parse(bad.body).error.param, 'cursor');
  });

  test('a secret key reads the audit log too', async () => {
    assert.equal((await keyed('/v1/admin/audit-log?limit=1', 'GET')).status, 200);
  });
});
