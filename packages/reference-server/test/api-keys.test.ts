import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Clock } from '../src/clock.js';
import { AuthenticationError } from '../src/errors.js';
import { randomBase62 } from '../src/ids.js';
import { createApiKeyService, generateKey, hashKey } from '../src/services/keys/index.js';
import { demoOrigins, ensureDemoKeys } from '../src/seed/demo-keys.js';
import { createApiKeyRepository } from '../src/store/api-key-repository.js';
import { forEachDatabase } from './support/databases.js';

test('generated keys are pk_test_/sk_test_ plus 32 base62 characters, prefix shown, hash stored', () => {
  const pk = generateKey('publishable', 'test');
  assert.match(pk.plaintext, /^pk_test_[0-9A-Za-z]{32}$/);
  assert.equal(pk.keyHash, hashKey(pk.plaintext));
  assert.match(pk.keyHash, /^[0-9a-f]{64}$/);
  assert.equal(pk.displayPrefix, `${pk.plaintext.slice(0, 12)}…`);
  assert.match(generateKey('secret', 'test').plaintext, /^sk_test_/);
});

test('random base62 strings use every character and do not repeat', () => {
  const sample = Array.from({ length: 200 }, () => randomBase62(32));
  assert.equal(new Set(sample).size, sample.length);
  assert.equal(new Set(sample.join('')).size, 62);
});

test("the demo key allows the server's own origins plus the configured ones", () => {
  assert.deepEqual(demoOrigins(3000, undefined, ['https://shop.example']), [
    'http://localhost:3000',
    'http://127.0.0.1:3000',
    'https://shop.example',
  ]);
  assert.deepEqual(demoOrigins(8080, '192.168.1.5', []), [
    'http://localhost:8080',
    'http://127.0.0.1:8080',
    'http://192.168.1.5:8080',
  ]);
});

forEachDatabase('API key lookups', (target) => {
  test('the database keeps only hashes; a key is remembered for its TTL, then re-read', async () => {
    let now = Date.UTC(2026, 0, 1);
    const clock: Clock = { now: () => new Date(now) };
    const repository = createApiKeyRepository(target.db);
    const keys = await ensureDemoKeys({ keys: repository, file: null, origins: ['https://shop.example'] });
    const stored = await target.db.query<{ key_hash: string; display_prefix: string }>(
      'SELECT key_hash, display_prefix FROM api_keys',
    );
    assert.ok(stored.rows.some((r) => r.key_hash === hashKey(keys.publishableKey)));
    assert.doesNotMatch(JSON.stringify(stored.rows), new RegExp(keys.publishableKey));

    const service = createApiKeyService({ keys: repository, clock, cacheTtlMs: 1_000 });
    const principal = await service.authenticate(`Bearer ${keys.publishableKey}`);
    assert.deepEqual(
      [principal.kind, principal.mode, principal.allowedOrigins],
      ['publishable', 'test', ['https://shop.example']],
    );

    await target.db.query('UPDATE api_keys SET revoked_at = now() WHERE key_hash = $1', [hashKey(keys.publishableKey)]);
    await service.authenticate(`Bearer ${keys.publishableKey}`);
    now += 1_001;
    await assert.rejects(
      service.authenticate(`Bearer ${keys.publishableKey}`),
      (e: unknown) => e instanceof AuthenticationError && e.code === 'api_key_invalid',
    );
  });

  test('registering the same keys again changes nothing but their origins', async () => {
    const repository = createApiKeyRepository(target.db);
    const before = await target.db.query<{ n: number }>('SELECT count(*) AS n FROM api_keys');
    const pk = generateKey('publishable', 'test');
    const row = {
      id: 'key_again',
      kind: 'publishable' as const,
      mode: 'test' as const,
      keyHash: pk.keyHash,
      displayPrefix: pk.displayPrefix,
      label: 'x',
      allowedOrigins: [],
    };
    assert.deepEqual(await repository.insert([row]), ['key_again']);
    assert.deepEqual(await repository.insert([{ ...row, id: 'key_again2' }]), []);
    const after = await target.db.query<{ n: number }>('SELECT count(*) AS n FROM api_keys');
    assert.equal(after.rows[0]?.n, (before.rows[0]?.n ?? 0) + 1);
  });
});
