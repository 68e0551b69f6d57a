// Keys through the admin API: created, used, listed, revoked, rotated with a grace period, their
// origins changed; a key is shown once and never again, and bad input answers the one error shape.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiKey, ApiKeyCreated, ApiKeyList, ErrorBody } from '@shoptag/sdk/contract';
import { createLogger } from '../src/logger.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const SHOP = 'https://shop.example';
const NEW_SHOP = 'https://new-shop.example';

/** A clock the test moves forward by hand. */
function manualClock() {
  let now = Date.now();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

function assertError(res: TestResponse, status: number, code: string, param?: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  const { error } = ErrorBody.parse(res.body);
  assert.equal(error.code, code, JSON.stringify(res.body));
  assert.equal(error.type, status === 401 || status === 403 ? 'authentication_error' : 'invalid_request_error');
  assert.equal(error.request_id, res.headers.get('request-id'));
  if (param !== undefined) assert.equal(error.param, param, JSON.stringify(res.body));
}

forEachDatabase('API keys through /v1/admin/keys', (target) => {
  let app: TestApp;
  const clock = manualClock();
  const logLines: string[] = [];

  before(async () => {
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      origins: [SHOP],
      clock,
      logger: createLogger('debug', (line) => logLines.push(line)),
    });
  });
  after(() => app.close());

  const admin = (path: string, method = 'GET', body?: unknown) =>
    app.request(`/v1/admin/keys${path}`, {
      method,
      key: app.secretKey,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const create = async (body: unknown) => {
    const res = await admin('', 'POST', body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return ApiKeyCreated.parse(res.body);
  };
  const products = (key: string, origin?: string) =>
    app.request('/v1/products?limit=1', { key, ...(origin ? { headers: { origin } } : {}) });

  test('a secret key created through the API works at once, and is refused with a 401 once revoked', async () => {
    const key = await create({ kind: 'secret', mode: 'live', name: 'back office' });
    assert.match(key.secret, /^sk_live_[A-Za-z0-9]{32}$/);
    assert.deepEqual([key.kind, key.mode, key.name, key.status], ['secret', 'live', 'back office', 'active']);
    assert.equal((await app.request('/v1/admin/coupons', { key: key.secret })).status, 200);

    const revoked = await admin(`/${key.id}/revoke`, 'POST');
    assert.equal(ApiKey.parse(revoked.body).status, 'revoked');
    assertError(await app.request('/v1/admin/coupons', { key: key.secret }), 401, 'api_key_invalid');
  });

  test('a publishable key accepts the origins it was created with, reduced to origins', async () => {
    const key = await create({ kind: 'publishable', mode: 'test', allowed_origins: [`${SHOP}/cart?x=1`] });
    assert.deepEqual(key.allowed_origins, [SHOP]);
    assert.equal((await products(key.secret, SHOP)).status, 200);
    assertError(await products(key.secret, NEW_SHOP), 403, 'origin_not_allowed');
  });

  test('adding and removing origins changes which pages may call with the key, at once in this process', async () => {
    const key = await create({ kind: 'publishable', mode: 'live', allowed_origins: [SHOP] });
    assert.equal((await products(key.secret, SHOP)).status, 200, 'cached as allowed before the change');
    const res = await admin(`/${key.id}/origins`, 'PATCH', { add: [NEW_SHOP], remove: [SHOP] });
    assert.deepEqual(ApiKey.parse(res.body).allowed_origins, [NEW_SHOP]);
    assert.equal((await products(key.secret, NEW_SHOP)).status, 200);
    assertError(await products(key.secret, SHOP), 403, 'origin_not_allowed');
  });

  test('a rotated key answers a new key with the same settings; the old one works through its grace period, then not', async () => {
    const old = await create({ kind: 'publishable', mode: 'live', name: 'storefront', allowed_origins: [SHOP] });
    const res = await admin(`/${old.id}/rotate`, 'POST', { grace_seconds: 60 });
    const fresh = ApiKeyCreated.parse(res.body);
    assert.notEqual(fresh.secret, old.secret);
    assert.deepEqual(
      [fresh.kind, fresh.mode, fresh.name, fresh.allowed_origins],
      ['publishable', 'live', 'storefront', [SHOP]],
    );
    const oldNow = ApiKey.parse((await admin(`/${old.id}`)).body);
    assert.equal(oldNow.status, 'expiring');
    assert.equal(Date.parse(oldNow.expires_at ?? ''), clock.now().getTime() + 60_000);
    assert.equal((await products(old.secret)).status, 200, 'the old key works during the grace period');
    assert.equal((await products(fresh.secret)).status, 200);

    clock.advance(61_000);
    assertError(await products(old.secret), 401, 'api_key_invalid');
    assert.equal((await products(fresh.secret)).status, 200);
    assert.equal(ApiKey.parse((await admin(`/${old.id}`)).body).status, 'expired');
    assertError(await admin(`/${old.id}/rotate`, 'POST', {}), 409, 'api_key_inactive');
  });

  test('rotating with no grace period stops the old key at once', async () => {
    const old = await create({ kind: 'secret', mode: 'test' });
    const fresh = ApiKeyCreated.parse((await admin(`/${old.id}/rotate`, 'POST', { grace_seconds: 0 })).body);
    assertError(await products(old.secret), 401, 'api_key_invalid');
    assert.equal((await products(fresh.secret)).status, 200);
  });

  test("a key's use is recorded by a periodic write, never by the request itself", async () => {
    const key = await create({ kind: 'secret', mode: 'test', name: 'touch' });
    assert.equal(key.last_used_at, null);
    const usedAt = clock.now().toISOString();
    await products(key.secret);
    const lastUsed = async () => ApiKey.parse((await admin(`/${key.id}`)).body).last_used_at;
    assert.equal(await lastUsed(), null, 'the request wrote nothing');
    await app.flushKeyUse();
    assert.equal(await lastUsed(), usedAt);
  });

  test("the list shows a key's last use at once, without waiting for the periodic write", async () => {
    const key = await create({ kind: 'secret', mode: 'test', name: 'listed-use' });
    const usedAt = clock.now().toISOString();
    await products(key.secret);
    const listed = ApiKeyList.parse((await admin('')).body).data.find((k) => k.id === key.id);
    assert.equal(listed?.last_used_at, usedAt);
  });

  test('the list shows kind, mode, name, origins and dates of every key, never a key or its hash', async () => {
    const key = await create({ kind: 'secret', mode: 'live', name: 'listed' });
    const res = await admin('');
    const list = ApiKeyList.parse(res.body);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const shown = list.data.find((k) => k.id === key.id);
    assert.ok(shown, 'the new key is listed');
    assert.equal(shown.name, 'listed');
    assert.ok(shown.display_prefix.startsWith(key.secret.slice(0, 12)));
    const text = JSON.stringify(res.body);
    assert.ok(!text.includes(key.secret), 'the key itself is not listed');
    assert.doesNotMatch(text, /key_hash|[0-9a-f]{64}/, 'nor any hash');
    assert.ok(!JSON.stringify((await admin(`/${key.id}`)).body).includes(key.secret));
  });

  test('no log line holds a key that was created or rotated', async () => {
    const key = await create({ kind: 'secret', mode: 'live' });
    const rotated = ApiKeyCreated.parse((await admin(`/${key.id}/rotate`, 'POST', {})).body);
    await products(rotated.secret);
    assert.ok(logLines.length > 0, 'the requests were logged');
    for (const line of logLines) {
      assert.ok(!line.includes(key.secret) && !line.includes(rotated.secret), `a key in the log: ${line}`);
    }
  });

  test('bad input answers the one error shape, naming the parameter', async () => {
    assertError(await admin('', 'POST', { mode: 'live' }), 400, 'parameter_invalid', 'kind');
    assertError(await admin('', 'POST', { kind: 'root', mode: 'live' }), 400, 'parameter_invalid', 'kind');
    assertError(await admin('', 'POST', { kind: 'secret', mode: 'prod' }), 400, 'parameter_invalid', 'mode');
    assertError(
      await admin('', 'POST', { kind: 'secret', mode: 'live', secret: 'sk_live_x' }),
      400,
      'parameter_unknown',
      'secret',
    );
    assertError(
      await admin('', 'POST', { kind: 'publishable', mode: 'live', allowed_origins: ['ftp://files.example'] }),
      400,
      'parameter_invalid',
      'allowed_origins.0',
    );
    assertError(
      await admin('', 'POST', { kind: 'secret', mode: 'live', allowed_origins: [SHOP] }),
      400,
      'parameter_invalid',
      'allowed_origins',
    );
    const secret = await create({ kind: 'secret', mode: 'test' });
    assertError(await admin(`/${secret.id}/origins`, 'PATCH', { add: [SHOP] }), 409, 'api_key_not_publishable');
    assertError(await admin(`/${secret.id}/origins`, 'PATCH', {}), 400, 'parameter_invalid', 'add');
    assertError(
      await admin(`/${secret.id}/rotate`, 'POST', { grace_seconds: -1 }),
      400,
      'parameter_invalid',
      'grace_seconds',
    );
    assertError(await admin('/key_doesNotExist/revoke', 'POST'), 404, 'resource_missing', 'id');
    assertError(await admin('/not-a-key/revoke', 'POST'), 404, 'resource_missing', 'id');
  });

  test('a publishable key cannot manage keys', async () => {
    const res = await app.request('/v1/admin/keys', { key: app.publishableKey });
    assertError(res, 403, 'secret_key_required');
  });
});
