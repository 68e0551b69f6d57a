// /metrics serves Prometheus text from a registry of the app's own (prom-client), off unless a
// setting turns it on: behind a bearer token on the public app, or on a listener of its own.
// Requests count under their route pattern; the services count holds, orders, payments, cache
// lookups and job runs through the sink they are given.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMemoryLocks } from '../src/cache/memory-locks.js';
import { systemClock } from '../src/clock.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { createPrometheusMetrics, type PrometheusMetrics } from '../src/metrics/prometheus-metrics.js';
import { startServer, type StartedServer } from '../src/server.js';
import { startHoldSweeper } from '../src/services/inventory/index.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { placeOrder } from './support/place-order.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const TOKEN = 'metrics-token-0123456789abcdef';
/** A request is counted when its response has finished, which may be just after the client has it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The value of one series (`series`: a histogram's `_count` …), 0 when it has not been counted. */
async function valueOf(
  metrics: PrometheusMetrics,
  name: string,
  labels: Record<string, string>,
  series: string = name,
): Promise<number> {
  const metric = metrics.registry.getSingleMetric(name);
  assert.ok(metric, `no metric ${name}`);
  // Histograms name each series (`_bucket`, `_sum`, `_count`); prom-client's type leaves that out.
  const values = (await metric.get()).values as {
    value: number;
    labels: Record<string, unknown>;
    metricName?: string;
  }[];
  const found = values.find(
    (v) => (v.metricName ?? name) === series && Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return found?.value ?? 0;
}

forEachDatabase('metrics', (target) => {
  let metrics: PrometheusMetrics;
  let app: TestApp;
  before(async () => {
    metrics = createPrometheusMetrics({
      pools: [{ name: 'primary', poolStats: () => target.db.poolStats!() }],
      processMetrics: false,
    });
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      metrics: metrics.sink,
      overrides: { metrics: { sink: metrics.sink, expose: { metrics, token: TOKEN } } },
    });
  });
  after(() => app?.close());

  test('with a token set, /metrics is a 401 without it or with another, and Prometheus text with it', async () => {
    const none = await app.request('/metrics', { key: null });
    assert.equal(none.status, 401);
    assert.equal((none.body as { error: { code: string } }).error.code, 'metrics_token_invalid');
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal((await app.request('/metrics', { key: `${TOKEN}x` })).status, 401);
    assert.equal((await app.request('/metrics', { key: app.secretKey })).status, 401, 'a secret key is not the token');
    const ok = await app.request('/metrics', { key: TOKEN });
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.match(String(ok.body), /^# HELP shoptag_http_request_duration_seconds /m);
    assert.equal(ok.headers.get('cache-control'), 'no-store');
  });

  test('a request adds to the latency histogram under its route pattern, method and status class, never its URL', async () => {
    const labels = { method: 'GET', route: '/v1/products/:idOrHandle', status_class: '2xx' };
    const histogram = 'shoptag_http_request_duration_seconds';
    const before = await valueOf(metrics, histogram, labels, `${histogram}_count`);
    assert.equal((await app.request('/v1/products/fixture-product-1')).status, 200);
    assert.equal((await app.request('/v1/products/no-such-product')).status, 404);
    await settle();
    assert.equal(await valueOf(metrics, histogram, labels, `${histogram}_count`), before + 1);
    assert.equal(
      await valueOf(metrics, 'shoptag_http_requests_total', {
        method: 'GET',
        route: '/v1/products/:idOrHandle',
        status: '404',
      }),
      1,
    );
    const text = (await metrics.render()).body;
    assert.doesNotMatch(text, /fixture-product-1|no-such-product/, 'no raw URL in any label');
  });

  test('catalog reads count a response cache miss, then a hit', async () => {
    const count = (result: string) => valueOf(metrics, 'shoptag_cache_lookups_total', { cache: 'responses', result });
    const [hits, misses] = [await count('hit'), await count('miss')];
    await app.request('/v1/categories?metrics-probe=1');
    await app.request('/v1/categories');
    await app.request('/v1/categories');
    assert.ok((await count('miss')) >= misses + 1, 'the first read missed');
    assert.ok((await count('hit')) >= hits + 1, 'a later one hit');
  });

  test('an order counts a hold taken and converted, an order placed then paid, and a confirmed payment', async () => {
    const hold = (event: string) => valueOf(metrics, 'shoptag_stock_holds_total', { event });
    const order = (outcome: string) => valueOf(metrics, 'shoptag_orders_total', { outcome });
    const before = [await hold('taken'), await hold('converted'), await order('placed'), await order('paid')];
    const placed = await placeOrder(app);
    assert.equal(placed.status, 200);
    assert.deepEqual(
      [await hold('taken'), await hold('converted'), await order('placed'), await order('paid')],
      before.map((n) => n + 1),
    );
    assert.ok((await valueOf(metrics, 'shoptag_payments_total', { operation: 'confirm' })) >= 1);
    assert.ok((await valueOf(metrics, 'shoptag_payments_total', { operation: 'capture', outcome: 'succeeded' })) >= 1);
  });

  test('a declined card counts as a declined payment', async () => {
    const before = await valueOf(metrics, 'shoptag_payments_total', { operation: 'confirm', outcome: 'declined' });
    const declined = await placeOrder(app, { paymentMethod: 'pm_card_chargeDeclined' });
    assert.equal(declined.status, 402);
    assert.equal(
      await valueOf(metrics, 'shoptag_payments_total', { operation: 'confirm', outcome: 'declined' }),
      before + 1,
    );
  });

  test('database pool use is read at each scrape', async () => {
    const text = (await metrics.render()).body;
    const total = /^shoptag_db_pool_total_connections\{pool="primary"\} (\d+)$/m.exec(text);
    assert.ok(total, text);
    assert.ok(Number(total[1]) >= 1);
    assert.match(text, /^shoptag_db_pool_idle_connections\{pool="primary"\} \d+$/m);
    assert.match(text, /^shoptag_db_pool_waiting_connections\{pool="primary"\} \d+$/m);
  });

  test('the hold sweeper counts its runs', async () => {
    const sweeper = startHoldSweeper({
      reservations: app.commerce.reservations,
      locks: createMemoryLocks({ clock: systemClock }),
      logger: { error() {}, warn() {}, info() {}, debug() {} },
      intervalMs: 60_000,
      metrics: metrics.sink,
    });
    try {
      const before = await valueOf(metrics, 'shoptag_job_runs_total', { job: 'hold_sweeper', outcome: 'ran' });
      await sweeper.sweep();
      assert.equal(
        await valueOf(metrics, 'shoptag_job_runs_total', { job: 'hold_sweeper', outcome: 'ran' }),
        before + 1,
      );
    } finally {
      await sweeper.stop();
    }
  });

  test('without a setting, /metrics is a 404', async () => {
    const plain = await startTestApp(target.db, { catalog: fixtureCatalog() });
    try {
      assert.equal((await plain.request('/metrics', { key: null })).status, 404);
    } finally {
      await plain.close();
    }
  });
});

test('two apps in one process count into registries of their own', async () => {
  const a = createPrometheusMetrics({ processMetrics: false });
  const b = createPrometheusMetrics({ processMetrics: false });
  a.sink.order('paid');
  assert.equal(await valueOf(a, 'shoptag_orders_total', { outcome: 'paid' }), 1);
  assert.equal(await valueOf(b, 'shoptag_orders_total', { outcome: 'paid' }), 0);
});

describe('metrics on a port of their own', () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({
      env: { SHOPTAG_METRICS_TOKEN: TOKEN },
      metricsPort: 0,
      memory: true,
      seed: false,
      port: 0,
      host: '127.0.0.1',
      quiet: true,
    });
  });
  after(() => server?.close());

  test('are served there (with the token when one is set) and not on the public app', async () => {
    assert.ok(server.metricsUrl);
    assert.notEqual(new URL(server.metricsUrl).port, new URL(server.url).port);
    assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 404);
    assert.equal((await fetch(server.metricsUrl)).status, 401);
    const res = await fetch(server.metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /^process_cpu_user_seconds_total /m, 'Node process metrics');
    assert.match(text, /^shoptag_db_pool_total_connections\{pool="primary"\} 1$/m, 'PGlite: one connection');
  });
});

test('SHOPTAG_METRICS_TOKEN must be long enough and is never echoed; SHOPTAG_METRICS_PORT must not be PORT', () => {
  assert.deepEqual(loadConfig({}).metrics, { token: null, port: null });
  assert.deepEqual(loadConfig({ SHOPTAG_METRICS_TOKEN: TOKEN, SHOPTAG_METRICS_PORT: '9464' }).metrics, {
    token: TOKEN,
    port: 9464,
  });
  assert.throws(
    () => loadConfig({ SHOPTAG_METRICS_TOKEN: 'short1' }),
    (e: unknown) =>
      e instanceof ConfigError && /SHOPTAG_METRICS_TOKEN/.test(e.message) && !e.message.includes('short1'),
  );
  assert.throws(
    () => loadConfig({ PORT: '9464', SHOPTAG_METRICS_PORT: '9464' }),
    (e: unknown) => e instanceof ConfigError && e.variable === 'SHOPTAG_METRICS_PORT',
  );
});
