import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/index.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function problem(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/shop');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

test('an empty environment gives the embedded defaults', () => {
  const config = loadConfig({}, '/srv/shop');
  assert.equal(config.port, 3000);
  assert.equal(config.host, undefined);
  assert.equal(config.databaseUrl, undefined);
  assert.deepEqual(config.databaseReplicaUrls, []);
  assert.equal(config.redisUrl, undefined);
  assert.equal(config.stripe, undefined);
  assert.equal(config.dataDir, '/srv/shop/.shoptag');
  assert.equal(config.currency, 'USD');
  assert.deepEqual(config.allowedOrigins, []);
  assert.equal(config.logLevel, 'info');
  assert.equal(config.productCacheMb, 32);
});

test('every variable is parsed into its typed setting', () => {
  const config = loadConfig(
    {
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://shop:pw@db:5432/shop',
      DATABASE_REPLICA_URLS: 'postgres://r1/shop, postgresql://r2/shop',
      REDIS_URL: 'redis://cache:6379',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
      SHOPTAG_DATA_DIR: 'var/data',
      SHOPTAG_CURRENCY: 'EUR',
      SHOPTAG_ALLOWED_ORIGINS: 'https://shop.example, http://localhost:5173',
      LOG_LEVEL: 'debug',
      SHOPTAG_PRODUCT_CACHE_MB: '0',
    },
    '/srv/shop',
  );
  assert.equal(config.productCacheMb, 0);
  assert.equal(config.port, 8080);
  assert.deepEqual(config.databaseReplicaUrls, ['postgres://r1/shop', 'postgresql://r2/shop']);
  assert.deepEqual(config.stripe, {
    secretKey: 'sk_test_123',
    publishableKey: 'pk_test_123',
    webhookSecret: 'whsec_123',
  });
  assert.equal(config.dataDir, '/srv/shop/var/data');
  assert.deepEqual(config.allowedOrigins, ['https://shop.example', 'http://localhost:5173']);
});

test('crash recovery and idempotency leases have defaults and read their variables; fault injection is off unless set', () => {
  const defaults = loadConfig({}, '/srv/shop');
  assert.deepEqual(defaults.recovery, { intervalMs: 30_000, afterMs: 60_000 });
  assert.equal(defaults.idempotencyLeaseMs, 6_000);
  assert.equal(defaults.faultKillAt, null);
  const set = loadConfig(
    {
      SHOPTAG_RECOVERY_INTERVAL_SECONDS: '5',
      SHOPTAG_RECOVERY_AFTER_SECONDS: '20',
      SHOPTAG_IDEMPOTENCY_LEASE_SECONDS: '3',
      SHOPTAG_FAULT_KILL_AT: 'after-order',
    },
    '/srv/shop',
  );
  assert.deepEqual(set.recovery, { intervalMs: 5_000, afterMs: 20_000 });
  assert.equal(set.idempotencyLeaseMs, 3_000);
  assert.equal(set.faultKillAt, 'after-order');
  assert.match(
    problem({ SHOPTAG_FAULT_KILL_AT: 'sometimes' }).message,
    /SHOPTAG_FAULT_KILL_AT must be one of before-payment, after-authorization, after-order, after-capture/,
  );
  assert.equal(problem({ SHOPTAG_IDEMPOTENCY_LEASE_SECONDS: '1' }).variable, 'SHOPTAG_IDEMPOTENCY_LEASE_SECONDS');
  assert.equal(problem({ SHOPTAG_RECOVERY_INTERVAL_SECONDS: '0' }).variable, 'SHOPTAG_RECOVERY_INTERVAL_SECONDS');
});

test('a bad PORT names the variable, the rule and the value', () => {
  const error = problem({ PORT: 'abc' });
  assert.equal(error.variable, 'PORT');
  assert.equal(error.message, 'Invalid configuration: PORT must be an integer 1–65535 (got "abc")');
  assert.equal(problem({ PORT: '70000' }).variable, 'PORT');
  assert.equal(problem({ PORT: '0' }).variable, 'PORT');
});

test('each invalid variable is named in one message', () => {
  for (const [variable, value] of [
    ['DATABASE_URL', 'mysql://db/shop'],
    ['DATABASE_REPLICA_URLS', 'postgres://r1/shop,nonsense'],
    ['REDIS_URL', 'http://cache'],
    ['STRIPE_SECRET_KEY', 'pk_test_wrong'],
    ['SHOPTAG_CURRENCY', 'usd'],
    ['SHOPTAG_ALLOWED_ORIGINS', 'https://shop.example/path'],
    ['LOG_LEVEL', 'loud'],
    ['HOST', 'bad host!'],
    ['SHOPTAG_PRODUCT_CACHE_MB', '-1'],
    ['SHOPTAG_PRODUCT_CACHE_MB', '1.5'],
  ] as const) {
    const error = problem({ [variable]: value });
    assert.equal(error.variable, variable);
    assert.match(error.message, new RegExp(`^Invalid configuration: ${variable} `));
  }
});

test('secrets and URLs are not echoed back in errors', () => {
  assert.doesNotMatch(problem({ STRIPE_SECRET_KEY: 'not-a-secret-value' }).message, /not-a-secret-value/);
  assert.doesNotMatch(problem({ DATABASE_URL: 'mysql://u:hunter2@db/shop' }).message, /hunter2/);
});

test("an unknown SHOPTAG_ variable is an error naming it; SHOPTAG_TEST_ ones are the harness's", () => {
  const error = problem({ SHOPTAG_DATADIR: '/tmp/x' });
  assert.equal(error.variable, 'SHOPTAG_DATADIR');
  assert.match(error.message, /unknown variable SHOPTAG_DATADIR/);
  assert.doesNotThrow(() => loadConfig({ SHOPTAG_TEST_DATABASE_URL: 'postgres://x/y' }));
});

test('Stripe webhook or publishable keys without the secret key are refused', () => {
  assert.equal(problem({ STRIPE_WEBHOOK_SECRET: 'whsec_1' }).variable, 'STRIPE_SECRET_KEY');
});

test('empty values count as unset', () => {
  assert.equal(loadConfig({ PORT: '', REDIS_URL: ' ' }).port, 3000);
});

test('the CLI exits with one line naming the variable and no stack', () => {
  const run = spawnSync(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, 'start'], {
    env: { ...process.env, PORT: 'abc' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.notEqual(run.status, 0);
  assert.equal(run.stderr.trim(), 'Invalid configuration: PORT must be an integer 1–65535 (got "abc")');
  assert.equal(run.stdout, '');
});

test('the drain timeout is whole seconds, 10 by default', () => {
  assert.equal(loadConfig({}).drainTimeoutMs, 10_000);
  assert.equal(loadConfig({ SHOPTAG_DRAIN_TIMEOUT_SECONDS: '25' }).drainTimeoutMs, 25_000);
  for (const value of ['0', '1.5', '-3', '3601']) {
    assert.equal(problem({ SHOPTAG_DRAIN_TIMEOUT_SECONDS: value }).variable, 'SHOPTAG_DRAIN_TIMEOUT_SECONDS', value);
  }
});

test("frame ancestors are 'self' by default; origins, self and none may be listed, quoted or not", () => {
  assert.deepEqual(loadConfig({}).frameAncestors, ["'self'"]);
  assert.deepEqual(
    loadConfig({ SHOPTAG_FRAME_ANCESTORS: 'self, https://shop.example, https://*.example.com:8443' }).frameAncestors,
    ["'self'", 'https://shop.example', 'https://*.example.com:8443'],
  );
  assert.deepEqual(loadConfig({ SHOPTAG_FRAME_ANCESTORS: "'none'" }).frameAncestors, ["'none'"]);
  // Anything that could smuggle another directive or header into the policy is refused.
  for (const value of [
    "'none', 'self'",
    'https://shop.example/path',
    'https://a.example; script-src *',
    '*',
    'javascript:alert(1)',
  ]) {
    const error = problem({ SHOPTAG_FRAME_ANCESTORS: value });
    assert.equal(error.variable, 'SHOPTAG_FRAME_ANCESTORS', value);
    assert.match(error.message, /'self', 'none' \(alone\), or a comma-separated list/);
  }
});

test("the order email's shop name, locale and order page URL are read, and a URL without {id} and {token} is refused", () => {
  assert.deepEqual(loadConfig({}, '/srv/shop').email, { shopName: null, locale: null, orderUrl: null });
  const config = loadConfig(
    {
      SHOPTAG_SHOP_NAME: 'Alder & Co',
      SHOPTAG_SHOP_LOCALE: 'de-DE',
      SHOPTAG_ORDER_URL: 'https://alder.example/order#order={id}&token={token}',
    },
    '/srv/shop',
  );
  assert.deepEqual(config.email, {
    shopName: 'Alder & Co',
    locale: 'de-DE',
    orderUrl: 'https://alder.example/order#order={id}&token={token}',
  });
  assert.equal(problem({ SHOPTAG_ORDER_URL: 'https://alder.example/order' }).variable, 'SHOPTAG_ORDER_URL');
  assert.equal(problem({ SHOPTAG_ORDER_URL: 'ftp://x/{id}/{token}' }).variable, 'SHOPTAG_ORDER_URL');
  assert.equal(problem({ SHOPTAG_SHOP_LOCALE: 'not a locale' }).variable, 'SHOPTAG_SHOP_LOCALE');
});
