// Staff sign in to the console with a password and a session cookie: the cookie's attributes,
// failed sign-ins limited per account and per address, CSRF on every write made with the cookie,
// sessions that end when idle, when too old, and on sign-out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody, StaffSession } from '@shoptag/sdk/contract';
import { createRedisRateLimiter } from '../src/cache/redis-rate-limiter.js';
import { createSignInThrottle } from '../src/services/staff/index.js';
import { forEachDatabase, TEST_REDIS_URL } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { manualClock } from './support/manual-clock.js';
import { createStaff, sessionCookieOf, signIn, signInRaw, STRONG_PASSWORD } from './support/staff-session.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const HOUR = 3_600_000;

function assertError(res: TestResponse, status: number, code: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(ErrorBody.parse(res.body).error.code, code, JSON.stringify(res.body));
}

forEachDatabase('staff sessions', (target) => {
  let app: TestApp;
  const clock = manualClock();

  before(async () => {
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      clock,
      // X-Forwarded-For names the client, so a test can sign in from several addresses.
      overrides: { trustProxy: 1 },
    });
    await createStaff(app, 'owner@shop.example', 'owner');
  });
  after(() => app.close());

  test('an owner signs in with email and password and gets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await signInRaw(app, 'Owner@Shop.Example', STRONG_PASSWORD);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const session = StaffSession.parse(res.body);
    assert.deepEqual([session.staff.email, session.staff.role], ['owner@shop.example', 'owner']);
    assert.ok(session.csrf_token.length >= 32);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('shoptag_admin_session='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/, 'plain HTTP: a Secure cookie would never come back');
    assert.equal(res.headers.get('cache-control'), 'no-store');

    const read = await app.request('/v1/admin/session', { key: null, headers: { cookie: sessionCookieOf(res)! } });
    assert.equal(read.status, 200);
    assert.equal(StaffSession.parse(read.body).staff.id, session.staff.id);
  });

  test('behind a TLS-terminating proxy the cookie is Secure', async () => {
    const res = await signInRaw(app, 'owner@shop.example', STRONG_PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.equal(res.status, 200);
    assert.match(res.headers.getSetCookie().join('\n'), /shoptag_admin_session=[^;]+;.*Secure/);
  });

  test('a session reaches admin routes with its cookie alone, without any key', async () => {
    const owner = await signIn(app, 'owner@shop.example');
    const res = await owner.request('/v1/admin/coupons');
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });

  test('a wrong password and an unknown email answer the same 401', async () => {
    const wrong = await signInRaw(app, 'owner@shop.example', 'not the password', { 'x-forwarded-for': '198.51.100.1' });
    const unknown = await signInRaw(app, 'nobody@shop.example', 'not the password', {
      'x-forwarded-for': '198.51.100.1',
    });
    assertError(wrong, 401, 'sign_in_failed');
    assertError(unknown, 401, 'sign_in_failed');
    assert.equal(ErrorBody.parse(wrong.body).error.message, ErrorBody.parse(unknown.body).error.message);
    assert.equal(sessionCookieOf(wrong), undefined);
  });

  test('after five wrong passwords for an account, even the right one is refused for a while (429 with Retry-After)', async () => {
    await createStaff(app, 'target@shop.example', 'staff');
    for (let i = 0; i < 5; i++)
      assertError(
        await signInRaw(app, 'target@shop.example', `guess number ${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` }),
        401,
        'sign_in_failed',
      );
    const refused = await signInRaw(app, 'target@shop.example', STRONG_PASSWORD, { 'x-forwarded-for': '203.0.113.99' });
    assertError(refused, 429, 'sign_in_rate_limited');
    assert.equal(ErrorBody.parse(refused.body).error.type, 'rate_limit_error');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    // Another account is not affected.
    assert.equal((await signInRaw(app, 'owner@shop.example', STRONG_PASSWORD)).status, 200);
    clock.advance(15 * 60_000);
    assert.equal((await signInRaw(app, 'target@shop.example', STRONG_PASSWORD)).status, 200, 'the window has passed');
  });

  test('an unknown email is limited like a real one, so the limit does not tell which addresses exist', async () => {
    for (let i = 0; i < 5; i++)
      await signInRaw(app, 'ghost@shop.example', `guess ${i}`, { 'x-forwarded-for': `192.0.2.${i + 1}` });
    assertError(
      await signInRaw(app, 'ghost@shop.example', 'guess 6', { 'x-forwarded-for': '192.0.2.50' }),
      429,
      'sign_in_rate_limited',
    );
  });

  test('twenty failures from one address refuse that address for every account, others go on', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.77' };
    for (let i = 0; i < 20; i++)
      assertError(await signInRaw(app, `spray${i}@shop.example`, 'a wrong password', ip), 401, 'sign_in_failed');
    assertError(await signInRaw(app, 'owner@shop.example', STRONG_PASSWORD, ip), 429, 'sign_in_rate_limited');
    assert.equal(
      (await signInRaw(app, 'owner@shop.example', STRONG_PASSWORD, { 'x-forwarded-for': '198.51.100.78' })).status,
      200,
    );
  });

  test('a write with the cookie but without the CSRF token, or with a wrong one, is refused', async () => {
    const owner = await signIn(app, 'owner@shop.example');
    const body = { code: 'CSRF1', type: 'free_shipping' };
    assertError(
      await owner.request('/v1/admin/coupons', { method: 'POST', body, csrf: null }),
      403,
      'csrf_token_invalid',
    );
    assertError(
      await owner.request('/v1/admin/coupons', { method: 'POST', body, csrf: 'x'.repeat(43) }),
      403,
      'csrf_token_invalid',
    );
    const other = await signIn(app, 'owner@shop.example');
    assertError(
      await owner.request('/v1/admin/coupons', { method: 'POST', body, csrf: other.csrf }),
      403,
      'csrf_token_invalid',
    );
    assert.equal((await owner.request('/v1/admin/coupons', { method: 'POST', body })).status, 200);
  });

  test('a write with the cookie from a foreign Origin is refused even with the right token', async () => {
    const owner = await signIn(app, 'owner@shop.example');
    const body = { code: 'CSRF2', type: 'free_shipping' };
    assertError(
      await owner.request('/v1/admin/coupons', { method: 'POST', body, origin: 'https://evil.example' }),
      403,
      'origin_not_allowed',
    );
    assertError(
      await owner.request('/v1/admin/coupons', {
        method: 'POST',
        body,
        origin: null,
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
      403,
      'origin_not_allowed',
    );
  });

  test('a secret key still works on admin routes as before, without any CSRF token', async () => {
    const res = await app.request('/v1/admin/coupons', {
      method: 'POST',
      key: app.secretKey,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'KEYED1', type: 'free_shipping' }),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });

  test('a publishable key is still refused on admin routes', async () => {
    assertError(await app.request('/v1/admin/coupons'), 403, 'secret_key_required');
  });

  test('signing out ends the session: the same cookie is refused afterwards', async () => {
    const owner = await signIn(app, 'owner@shop.example');
    const out = await owner.request('/v1/admin/session', { method: 'DELETE' });
    assert.equal(out.status, 200);
    assert.match(out.headers.getSetCookie().join('\n'), /shoptag_admin_session=;/, 'the cookie is cleared');
    assertError(await owner.request('/v1/admin/session'), 401, 'not_signed_in');
    assertError(await owner.request('/v1/admin/coupons'), 401, 'not_signed_in');
  });

  test('a session unused for 12 hours ends; one used within them lives on', async () => {
    const idle = await signIn(app, 'owner@shop.example');
    const busy = await signIn(app, 'owner@shop.example');
    clock.advance(11 * HOUR);
    assert.equal((await busy.request('/v1/admin/session')).status, 200);
    clock.advance(2 * HOUR);
    assertError(await idle.request('/v1/admin/coupons'), 401, 'not_signed_in');
    assert.equal((await busy.request('/v1/admin/coupons')).status, 200);
  });

  test('a session ends 7 days after sign-in however active it is', async () => {
    const owner = await signIn(app, 'owner@shop.example');
    for (let h = 0; h < 7 * 24 - 11; h += 11) {
      clock.advance(11 * HOUR);
      assert.equal((await owner.request('/v1/admin/session')).status, 200, `after ${h + 11} h`);
    }
    clock.advance(11 * HOUR);
    assertError(await owner.request('/v1/admin/session'), 401, 'not_signed_in');
  });

  test('the session answers when it will end if unused', async () => {
    const owner = await signIn(app, 'owner@shop.example');
    assert.equal(Date.parse(owner.session.expires_at), clock.now().getTime() + 12 * HOUR);
  });
});

test(
  'with Redis, failed sign-ins counted by one process refuse the next sign-in at another',
  { skip: TEST_REDIS_URL ? false : 'no SHOPTAG_TEST_REDIS_URL' },
  async () => {
    const clock = manualClock();
    const keyPrefix = `shoptag-test:signin:${Date.now()}:`;
    const [a, b] = await Promise.all(
      [1, 2].map(() => createRedisRateLimiter({ url: TEST_REDIS_URL!, clock, keyPrefix })),
    );
    try {
      const one = createSignInThrottle({ limiter: a! });
      const two = createSignInThrottle({ limiter: b! });
      for (let i = 0; i < 3; i++) await one.fail('shared@shop.example', `203.0.113.${i}`);
      for (let i = 3; i < 5; i++) await two.fail('shared@shop.example', `203.0.113.${i}`);
      await assert.rejects(one.check('shared@shop.example', '198.51.100.9'), { code: 'sign_in_rate_limited' });
      await assert.rejects(two.check('Shared@Shop.Example', '198.51.100.9'), { code: 'sign_in_rate_limited' });
      await two.check('other@shop.example', '198.51.100.9');
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  },
);
