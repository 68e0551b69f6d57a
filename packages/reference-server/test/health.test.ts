// /v1/health is liveness: the process answers, whatever its dependencies do. /v1/health/ready is
// readiness: 200 only while the database and the cache answer and the process is not draining.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Health, Liveness } from '@shoptag/sdk/contract';
import { createMemoryCache } from '../src/cache/memory-cache.js';
import { systemClock } from '../src/clock.js';
import { createSimulatedPayments } from '../src/payments/simulated.js';
import { startServer } from '../src/server.js';
import { createHealthService } from '../src/services/health/index.js';
import type { Db } from '../src/store/db.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { RawConnection } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

forEachDatabase('liveness and readiness', (target) => {
  let draining = false;
  let app: TestApp;
  /** The database as health sees it: answering, or hanging on every statement. */
  let databaseHangs = false;
  before(async () => {
    const db: Db = {
      ...target.db,
      kind: target.db.kind,
      description: target.db.description,
      query: (text, params, options) =>
        databaseHangs ? new Promise(() => {}) : target.db.query(text, params, options),
    };
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      overrides: {
        health: createHealthService({
          db,
          cache: createMemoryCache({ clock: systemClock }),
          payments: createSimulatedPayments({ db: target.db, clock: systemClock }),
          version: '0.0.0-test',
          draining: () => draining,
        }),
      },
    });
  });
  after(() => app?.close());

  test('liveness and readiness need no key, and neither may be cached', async () => {
    const live = await app.request('/v1/health', { key: null });
    assert.equal(live.status, 200);
    assert.equal(Liveness.parse(live.body).status, 'ok');
    const ready = await app.request('/v1/health/ready', { key: null });
    assert.equal(ready.status, 200);
    assert.deepEqual(Health.parse(ready.body).unavailable, []);
    for (const res of [live, ready]) assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  test('while the database hangs, liveness still answers at once and readiness says down (503)', async () => {
    databaseHangs = true;
    try {
      const started = performance.now();
      const live = await app.request('/v1/health', { key: null });
      assert.equal(live.status, 200);
      assert.ok(performance.now() - started < 500, 'liveness asks nothing of the database');
      const ready = await app.request('/v1/health/ready', { key: null });
      assert.equal(ready.status, 503);
      const body = Health.parse(ready.body);
      assert.deepEqual([body.status, body.unavailable], ['down', ['database']]);
    } finally {
      databaseHangs = false;
    }
  });

  test('while the process drains, readiness answers 503 with draining true, and liveness 200', async () => {
    draining = true;
    try {
      const ready = await app.request('/v1/health/ready', { key: null });
      assert.equal(ready.status, 503);
      const body = Health.parse(ready.body);
      assert.deepEqual([body.status, body.draining], ['ok', true]);
      assert.equal((await app.request('/v1/health', { key: null })).status, 200);
    } finally {
      draining = false;
    }
    assert.equal((await app.request('/v1/health/ready', { key: null })).status, 200);
  });
});

test('a server that has begun to stop answers readiness 503 (draining) to a request it was still reading', async () => {
  const server = await startServer({ memory: true, seed: false, port: 0, host: '127.0.0.1', quiet: true });
  let closed: Promise<void> | undefined;
  try {
    const connection = await RawConnection.open(server.port);
    const answer = connection.nextResponse();
    // The request has begun (its headers are not finished) when the drain starts.
    await connection.write('GET /v1/health/ready HTTP/1.1\r\nHost: shop.test\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    closed = server.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await connection.write('\r\n');
    const response = await answer;
    assert.equal(response.status, 503, JSON.stringify(response));
    assert.equal(response.headers.connection, 'close');
    const body = Health.parse(JSON.parse(response.body));
    assert.deepEqual([body.status, body.draining], ['ok', true]);
  } finally {
    await (closed ?? server.close());
  }
});
