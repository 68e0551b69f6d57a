// Staff accounts: owners manage staff and keys, staff may not; invitations and password resets by
// one-use emailed links; the first owner from the setup link; the last owner is kept.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody, StaffList, StaffMember, StaffSession } from '@shoptag/sdk/contract';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import {
  createStaff,
  sessionCookieOf,
  signIn,
  signInRaw,
  STRONG_PASSWORD,
  withSession,
} from './support/staff-session.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

function assertError(res: TestResponse, status: number, code: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(ErrorBody.parse(res.body).error.code, code, JSON.stringify(res.body));
}

const tokenOf = (link: string) => new URL(link.replace('#/', '')).searchParams.get('token')!;
const post = (app: TestApp, path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    key: null,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

forEachDatabase('staff accounts', (target) => {
  let app: TestApp;
  const clock = manualClock();

  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog(), clock });
  });
  after(() => app.close());

  test('the first owner is created once from the setup link, and is signed in by it', async () => {
    const link = await app.staff.accounts.createSetupLink(app.url);
    assert.ok(link);
    assert.match(link, /\/admin\/#\/setup\?token=[A-Za-z0-9]{43}$/);
    const body = { token: tokenOf(link), email: 'owner@shop.example', name: 'Olive', password: STRONG_PASSWORD };
    const weak = await post(app, '/v1/admin/setup', { ...body, password: 'short' });
    assert.equal(weak.status, 400, 'a weak password leaves the link usable');
    const res = await post(app, '/v1/admin/setup', body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(StaffSession.parse(res.body).staff.role, 'owner');
    assert.ok(sessionCookieOf(res));
    assertError(await post(app, '/v1/admin/setup', { ...body, email: 'second@shop.example' }), 400, 'link_expired');
    assert.equal(await app.staff.accounts.createSetupLink(app.url), null, 'no setup link once an account exists');
  });

  test('a password shorter than 12 characters, or the email itself, is refused', async () => {
    await assert.rejects(
      app.staff.accounts.create({ email: 'short@shop.example', role: 'staff', password: 'elevenchars' }),
      { code: 'password_too_short' },
    );
    await assert.rejects(
      app.staff.accounts.create({ email: 'same@shop.example', role: 'staff', password: 'Same@Shop.Example' }),
      { code: 'password_is_email' },
    );
  });

  test('a staff account cannot manage keys or staff, nor read the audit log or change settings', async () => {
    await createStaff(app, 'clerk@shop.example', 'staff');
    const clerk = await signIn(app, 'clerk@shop.example');
    assertError(await clerk.request('/v1/admin/keys'), 403, 'owner_required');
    assertError(
      await clerk.request('/v1/admin/keys', { method: 'POST', body: { kind: 'secret', mode: 'live' } }),
      403,
      'owner_required',
    );
    assertError(await clerk.request('/v1/admin/staff'), 403, 'owner_required');
    assertError(
      await clerk.request('/v1/admin/staff', { method: 'POST', body: { email: 'x@shop.example', role: 'owner' } }),
      403,
      'owner_required',
    );
    assertError(await clerk.request('/v1/admin/audit-log'), 403, 'owner_required');
    assertError(await clerk.request('/v1/admin/settings', { method: 'PATCH', body: {} }), 403, 'owner_required');
    // What staff do: products, orders, coupons.
    assert.equal((await clerk.request('/v1/admin/coupons')).status, 200);
    assert.equal((await clerk.request('/v1/admin/orders')).status, 200);
  });

  test('an owner lists staff and invites someone, who sets a password from the emailed link and signs in', async () => {
    const owner = await signIn(app, 'owner@shop.example');
    const invited = await owner.request('/v1/admin/staff', {
      method: 'POST',
      body: { email: 'new@shop.example', name: 'Nia', role: 'staff' },
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    const member = StaffMember.parse(invited.body);
    assert.equal(member.status, 'invited');
    const email = app.staffEmails.at(-1)!;
    assert.deepEqual([email.to, email.kind, email.invitedBy], ['new@shop.example', 'invitation', 'owner@shop.example']);
    assert.ok(email.link.startsWith(`${app.url}/admin/#/reset?token=`));
    assertError(await signInRaw(app, 'new@shop.example', STRONG_PASSWORD), 401, 'sign_in_failed');

    const done = await post(app, '/v1/admin/password-resets/complete', {
      token: tokenOf(email.link),
      password: 'a brand new password',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const nia = await signIn(app, 'new@shop.example', 'a brand new password');
    assert.equal(nia.session.staff.role, 'staff');
    const list = StaffList.parse((await owner.request('/v1/admin/staff')).body);
    assert.equal(list.data.find((s) => s.email === 'new@shop.example')?.status, 'active');
    assertError(
      await owner.request('/v1/admin/staff', { method: 'POST', body: { email: 'NEW@shop.example', role: 'staff' } }),
      409,
      'staff_email_taken',
    );
  });

  test('a reset link sets a new password once, and ends the sessions signed in with the old one', async () => {
    await createStaff(app, 'forgetful@shop.example', 'staff');
    const before = await signIn(app, 'forgetful@shop.example');
    const requested = await post(app, '/v1/admin/password-resets', { email: 'Forgetful@shop.example' });
    assert.equal(requested.status, 202);
    const email = app.staffEmails.at(-1)!;
    assert.deepEqual([email.to, email.kind], ['forgetful@shop.example', 'reset']);
    const token = tokenOf(email.link);

    assertError(
      await post(app, '/v1/admin/password-resets/complete', { token, password: 'forgetful@shop.example' }),
      400,
      'password_is_email',
    );
    assert.equal(
      (await post(app, '/v1/admin/password-resets/complete', { token, password: 'remembered at last' })).status,
      200,
    );
    assertError(
      await post(app, '/v1/admin/password-resets/complete', { token, password: 'and once more please' }),
      400,
      'link_expired',
    );
    assertError(await before.request('/v1/admin/coupons'), 401, 'not_signed_in');
    assertError(await signInRaw(app, 'forgetful@shop.example', STRONG_PASSWORD), 401, 'sign_in_failed');
    await signIn(app, 'forgetful@shop.example', 'remembered at last');
  });

  test('a reset link expires after an hour', async () => {
    await createStaff(app, 'slow@shop.example', 'staff');
    await post(app, '/v1/admin/password-resets', { email: 'slow@shop.example' });
    const token = tokenOf(app.staffEmails.at(-1)!.link);
    clock.advance(61 * 60_000);
    assertError(
      await post(app, '/v1/admin/password-resets/complete', { token, password: 'too late for this' }),
      400,
      'link_expired',
    );
  });

  test('asking a reset for an unknown email answers the same 202 and sends nothing', async () => {
    const sent = app.staffEmails.length;
    const res = await post(app, '/v1/admin/password-resets', { email: 'stranger@shop.example' });
    assert.equal(res.status, 202);
    assert.equal(app.staffEmails.length, sent);
  });

  test('an owner changes a role and disables an account, which ends its sessions and its sign-in', async () => {
    const id = await createStaff(app, 'leaver@shop.example', 'staff');
    const leaver = await signIn(app, 'leaver@shop.example');
    const owner = await signIn(app, 'owner@shop.example');
    const promoted = await owner.request(`/v1/admin/staff/${id}`, { method: 'PATCH', body: { role: 'owner' } });
    assert.equal(StaffMember.parse(promoted.body).role, 'owner');
    const disabled = await owner.request(`/v1/admin/staff/${id}`, { method: 'PATCH', body: { disabled: true } });
    assert.equal(StaffMember.parse(disabled.body).status, 'disabled');
    assertError(await leaver.request('/v1/admin/coupons'), 401, 'not_signed_in');
    assertError(await signInRaw(app, 'leaver@shop.example', STRONG_PASSWORD), 401, 'sign_in_failed');
  });

  test('the last owner can be neither demoted nor disabled', async () => {
    const owners = (await app.staff.accounts.list()).filter((s) => s.role === 'owner' && s.status !== 'disabled');
    assert.equal(owners.length, 1);
    const owner = await signIn(app, 'owner@shop.example');
    const id = owners[0]!.id;
    assertError(
      await owner.request(`/v1/admin/staff/${id}`, { method: 'PATCH', body: { role: 'staff' } }),
      409,
      'last_owner',
    );
    assertError(
      await owner.request(`/v1/admin/staff/${id}`, { method: 'PATCH', body: { disabled: true } }),
      409,
      'last_owner',
    );
    assert.equal((await owner.request('/v1/admin/session')).status, 200, 'still signed in');
  });

  test('a session cookie for another server, or made up, is refused', async () => {
    const fake = withSession(app, `shoptag_admin_session=${'A'.repeat(43)}`, {
      object: 'staff_session',
      staff: { id: 'stf_x', email: 'x@x.example', name: '', role: 'owner' },
      csrf_token: 'x',
      expires_at: new Date().toISOString(),
    });
    assertError(await fake.request('/v1/admin/keys'), 401, 'not_signed_in');
  });
});
