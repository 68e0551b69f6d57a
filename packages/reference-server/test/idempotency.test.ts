// Idempotency-Key with Stripe's semantics, stored in the database: a replay answers the stored
// response, other parameters are a 409 idempotency_error, and so is a duplicate while in flight.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import express from 'express';
import { idempotency } from '../src/api/middleware/idempotency.js';
import { errorHandler } from '../src/api/middleware/error-handler.js';
import { InvalidRequestError } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import { createIdempotencyService, IDEMPOTENCY_RETENTION_MS } from '../src/services/http/index.js';
import { forEachDatabase } from './support/databases.js';
import { manualClock } from './support/manual-clock.js';

forEachDatabase('Idempotency-Key', (target) => {
  const clock = manualClock();
  let server: Server;
  let url: string;
  let runs = 0;
  /** Resolves the slow handler's wait; set by the test that needs it. */
  let gate: Promise<void> = Promise.resolve();
  /** Leases of 5 s (on the manual clock), renewed every 20 ms of real time while a request runs. */
  let service: ReturnType<typeof createIdempotencyService>;

  before(async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.locals.requestId = 'req_test';
      res.locals.principal = { keyId: 'key_1', kind: 'publishable', mode: 'test', allowedOrigins: [] };
      next();
    });
    app.use(express.json());
    service = createIdempotencyService({ db: target.db, clock, lockMs: 5_000, heartbeatMs: 20 });
    app.use(idempotency(service, silentLogger));
    app.post('/things', (req, res) => {
      runs++;
      res.json({ run: runs, echo: req.body as unknown });
    });
    app.post('/slow', async (_req, res) => {
      runs++;
      await gate;
      res.json({ run: runs });
    });
    app.post('/invalid', () => {
      runs++;
      throw new InvalidRequestError('Nope.', { param: 'x' });
    });
    app.post('/broken', () => {
      runs++;
      throw new Error('boom');
    });
    app.use(errorHandler(silentLogger));
    server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = async (path: string, key: string | undefined, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      replayed: res.headers.get('idempotent-replayed') === 'true',
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Record<string, unknown>,
    };
  };
  const errorCode = (body: Record<string, unknown>) => body.error as { type: string; code: string };

  test('the same key with the same body answers the stored response without running again', async () => {
    const first = await post('/things', 'k-same', { a: 1, b: [1, 2] });
    const runsAfterFirst = runs;
    const second = await post('/things', 'k-same', { b: [1, 2], a: 1 });
    assert.equal(first.status, 200);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.replayed, true);
    assert.equal(first.replayed, false);
    assert.equal(runs, runsAfterFirst);
  });

  test('the same key with a different body is a 409 idempotency_error and does not run', async () => {
    await post('/things', 'k-diff', { a: 1 });
    const runsBefore = runs;
    const second = await post('/things', 'k-diff', { a: 2 });
    assert.equal(second.status, 409);
    assert.deepEqual(errorCode(second.body).type, 'idempotency_error');
    assert.deepEqual(errorCode(second.body).code, 'idempotency_key_reused');
    assert.equal(runs, runsBefore);
  });

  test('the same key on another path counts as other parameters', async () => {
    await post('/things', 'k-path', {});
    assert.equal((await post('/slow', 'k-path', {})).status, 409);
  });

  test('a duplicate while the first is in flight is a 409, and the first answer is then replayed', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const first = post('/slow', 'k-flight', { n: 1 });
    // Let the first claim the key before the duplicate arrives.
    while (runs === 0 || !(await target.db.query("SELECT 1 FROM idempotency_keys WHERE key = 'k-flight'")).rowCount)
      await new Promise((r) => setTimeout(r, 5));
    const duplicate = await post('/slow', 'k-flight', { n: 1 });
    assert.equal(duplicate.status, 409);
    assert.equal(errorCode(duplicate.body).type, 'idempotency_error');
    assert.equal(errorCode(duplicate.body).code, 'idempotency_key_in_flight');
    open();
    const answered = await first;
    assert.equal(answered.status, 200);
    assert.deepEqual((await post('/slow', 'k-flight', { n: 1 })).body, answered.body);
    gate = Promise.resolve();
  });

  test('an error answer is stored like any other; a 5xx is not, so a retry runs again', async () => {
    const invalid = await post('/invalid', 'k-400', {});
    const runsAfter = runs;
    assert.equal(invalid.status, 400);
    assert.deepEqual((await post('/invalid', 'k-400', {})).body, invalid.body);
    assert.equal(runs, runsAfter);
    assert.equal((await post('/broken', 'k-500', {})).status, 500);
    assert.equal((await post('/broken', 'k-500', {})).status, 500);
    assert.equal(runs, runsAfter + 2);
  });

  test('a key stuck in flight past its lease (a crashed process) can run again', async () => {
    await target.db.query(
      `INSERT INTO idempotency_keys (scope, key, method, path, request_hash, locked_until, created_at)
       SELECT scope, 'k-stuck', 'POST', '/things', request_hash, $1, $1 FROM idempotency_keys WHERE key = 'k-same'`,
      [new Date(clock.now().getTime() - 1)],
    );
    const res = await post('/things', 'k-stuck', { a: 1, b: [1, 2] });
    assert.equal(res.status, 200);
    assert.equal(res.replayed, false);
    const { rows } = await target.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'k-stuck'`,
    );
    assert.equal(rows[0]!.n, 1, 'the retry took the stuck row over (the same scope), not a row of its own');
  });

  test('a request that outlives its lease keeps its key: its process renews it, so a duplicate still gets a 409', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const runsBefore = runs;
    const first = post('/slow', 'k-long', { n: 1 });
    const lockedUntil = async () =>
      (
        await target.db.query<{ locked_until: Date }>("SELECT locked_until FROM idempotency_keys WHERE key = 'k-long'")
      ).rows[0]?.locked_until.getTime() ?? 0;
    while (runs === runsBefore || (await lockedUntil()) === 0) await new Promise((r) => setTimeout(r, 5));
    // Twice the lease passes while the request runs; the heartbeat pushes the lease past it.
    clock.advance(10_000);
    const waitUntil = Date.now() + 2_000;
    while ((await lockedUntil()) <= clock.now().getTime() && Date.now() < waitUntil)
      await new Promise((r) => setTimeout(r, 5));
    const duplicate = await post('/slow', 'k-long', { n: 1 });
    assert.equal(duplicate.status, 409);
    assert.equal(errorCode(duplicate.body).code, 'idempotency_key_in_flight');
    open();
    const answered = await first;
    assert.equal(answered.status, 200);
    assert.equal(runs, runsBefore + 1, 'it ran once');
    assert.deepEqual((await post('/slow', 'k-long', { n: 1 })).body, answered.body);
    assert.equal(service.heldCount(), 0, 'nothing is renewed once the request has answered');
    gate = Promise.resolve();
  });

  test('a key whose holder died is taken over once its lease runs out, and the dead holder can no longer store an answer', async () => {
    // The dead holder's row, in the scope this client's keys are stored under (its key id and address).
    const { rows } = await target.db.query<{ scope: string }>(
      `SELECT scope FROM idempotency_keys WHERE key = 'k-same'`,
    );
    const scope = rows[0]!.scope;
    await target.db.query(
      `INSERT INTO idempotency_keys (scope, key, method, path, request_hash, lease_owner, locked_until, created_at)
       SELECT scope, 'k-dead', 'POST', '/things', request_hash, 'lease_dead', $1, $2 FROM idempotency_keys WHERE key = 'k-same'`,
      [new Date(clock.now().getTime() + 5_000), clock.now()],
    );
    const early = await post('/things', 'k-dead', { a: 1, b: [1, 2] });
    assert.equal(early.status, 409, 'within its lease, the holder may still be running');
    assert.equal(early.retryAfter, '5', 'come back when the lease would have lapsed');
    clock.advance(5_001);
    const taken = await post('/things', 'k-dead', { a: 1, b: [1, 2] });
    assert.equal(taken.status, 200);
    assert.equal(taken.replayed, false);
    assert.equal(await service.finish({ scope, key: 'k-dead' }, 'lease_dead', 200, { stale: true }), false);
    assert.deepEqual((await post('/things', 'k-dead', { a: 1, b: [1, 2] })).body, taken.body);
  });

  test('a key may be reused with other parameters once 24 hours have passed', async () => {
    await post('/things', 'k-old', { v: 1 });
    clock.advance(IDEMPOTENCY_RETENTION_MS + 1_000);
    const res = await post('/things', 'k-old', { v: 2 });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.echo, { v: 2 });
  });

  test('requests without a key, and an overlong key, are handled as such', async () => {
    const a = await post('/things', undefined, {});
    const b = await post('/things', undefined, {});
    assert.notEqual(a.body.run, b.body.run);
    assert.equal((await post('/things', 'x'.repeat(256), {})).status, 400);
  });

  test(
    'concurrent requests with one key run the handler once',
    { skip: target.kind !== 'postgres' && 'PGlite has one connection: nothing contends' },
    async () => {
      const runsBefore = runs;
      const answers = await Promise.all(Array.from({ length: 20 }, () => post('/things', 'k-race', { race: true })));
      assert.equal(runs, runsBefore + 1);
      const ok = answers.filter((a) => a.status === 200);
      assert.ok(ok.length >= 1);
      for (const a of ok) assert.deepEqual(a.body, ok[0]!.body);
      for (const a of answers.filter((x) => x.status !== 200)) {
        assert.equal(a.status, 409);
        assert.equal(errorCode(a.body).code, 'idempotency_key_in_flight');
      }
    },
  );
});
