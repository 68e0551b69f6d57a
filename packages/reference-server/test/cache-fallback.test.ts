// The in-process fallbacks behind the circuit breaker, with a stand-in for Redis that can be
// switched off and a clock that moves only when told to. What Redis itself does on a timeout or
// a dropped connection is covered by redis-outage.test.ts, on a real Redis.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Cache } from '../src/cache/cache.js';
import { createCircuitBreaker } from '../src/cache/circuit-breaker.js';
import { createFallbackCache } from '../src/cache/fallback-cache.js';
import { createFallbackLocks } from '../src/cache/fallback-locks.js';
import { createFallbackRateLimiter } from '../src/cache/fallback-rate-limiter.js';
import { LockUnavailableError, type Locks } from '../src/cache/locks.js';
import { createMemoryCache } from '../src/cache/memory-cache.js';
import { createMemoryLocks } from '../src/cache/memory-locks.js';
import { createMemoryRateLimiter } from '../src/cache/memory-rate-limiter.js';
import { createOutageGuard, type OutageGuard } from '../src/cache/outage-guard.js';
import type { RateLimiter } from '../src/cache/rate-limiter.js';
import { silentLogger } from '../src/logger.js';
import { createResponseCache } from '../src/services/http/index.js';
import { manualClock } from './support/manual-clock.js';

const OPEN_MS = 1_000;
const DEGRADED_TTL_MS = 5_000;

/** One Redis that several processes share: every call fails while `down`, and calls that reach it are counted. */
function standInRedis(clock: ReturnType<typeof manualClock>) {
  const store = createMemoryCache({ clock });
  const locks = createMemoryLocks({ clock });
  const counters = createMemoryRateLimiter({ clock });
  const state = { down: false, calls: 0 };
  const reach = <T>(call: () => Promise<T>): Promise<T> => {
    state.calls++;
    return state.down ? Promise.reject(new Error('Command timed out')) : call();
  };
  const cache: Cache = {
    kind: 'redis',
    description: 'stand-in Redis',
    get: (key) => reach(() => store.get(key)),
    set: (key, value, ttl) => reach(() => store.set(key, value, ttl)),
    getText: (key) => reach(() => store.getText(key)),
    setText: (key, text, ttl) => reach(() => store.setText(key, text, ttl)),
    getBytes: (key) => reach(() => store.getBytes(key)),
    setBytes: (key, bytes, ttl) => reach(() => store.setBytes(key, bytes, ttl)),
    delete: (key) => reach(() => store.delete(key)),
    ping: () => (state.calls++, Promise.resolve(!state.down)),
    close: async () => {},
  };
  const sharedLocks: Locks = {
    kind: 'redis',
    tryAcquire: (name, ttl) => reach(() => locks.tryAcquire(name, ttl)),
    close: async () => {},
  };
  const rateLimiter: RateLimiter = {
    kind: 'redis',
    consume: (key, limit, windowMs) => reach(() => counters.consume(key, limit, windowMs)),
    peek: (key, windowMs) => reach(() => counters.peek(key, windowMs)),
    close: async () => {},
  };
  return { state, store, cache, locks: sharedLocks, rateLimiter };
}

/** One server process on the shared stand-in: its own breaker, fallbacks and in-process state. */
function serverProcess(clock: ReturnType<typeof manualClock>, redis: ReturnType<typeof standInRedis>) {
  const guard: OutageGuard = createOutageGuard({
    name: 'Redis',
    breaker: createCircuitBreaker({ clock, failureThreshold: 2, openMs: OPEN_MS, maxOpenMs: OPEN_MS }),
    ping: () => redis.cache.ping(),
    logger: silentLogger,
  });
  const cache = createFallbackCache({
    shared: redis.cache,
    local: createMemoryCache({ clock }),
    guard,
    logger: silentLogger,
    degradedTtlMs: DEGRADED_TTL_MS,
  });
  const locks = createFallbackLocks({ shared: redis.locks, local: createMemoryLocks({ clock }), guard });
  const rateLimiter = createFallbackRateLimiter({
    shared: redis.rateLimiter,
    local: createMemoryRateLimiter({ clock }),
    guard,
  });
  return { guard, cache, locks, rateLimiter };
}

function setUp() {
  const clock = manualClock();
  const redis = standInRedis(clock);
  return { clock, redis, a: serverProcess(clock, redis), b: serverProcess(clock, redis) };
}

/** Lets the circuit's wait pass and runs the probe, as the guard's timer would. */
async function recover(clock: ReturnType<typeof manualClock>, guard: OutageGuard) {
  clock.advance(OPEN_MS);
  return guard.probe();
}

describe('the cache in front of Redis', () => {
  test('reads and writes go to Redis while it answers, so processes share them', async () => {
    const { a, b, redis } = setUp();
    await a.cache.set('k', { n: 1 }, 60_000);
    assert.deepEqual(await b.cache.get('k'), { n: 1 });
    assert.deepEqual(await redis.store.get('k'), { n: 1 });
    assert.equal(await a.cache.ping(), true);
  });

  test('when Redis stops answering, reads miss in this process and, once the circuit opens, stop trying Redis at all', async () => {
    const { a, redis } = setUp();
    await a.cache.set('k', 'shared', 60_000);
    redis.state.down = true;
    assert.equal(await a.cache.get('k'), undefined, 'a miss, not an error');
    assert.equal(await a.cache.get('k'), undefined);
    assert.equal(a.guard.available, false);
    const before = redis.state.calls;
    for (let i = 0; i < 100; i++) await a.cache.get('k');
    assert.equal(redis.state.calls, before, 'no call waits on Redis while the circuit is open');
    assert.equal(await a.cache.ping(), false);
  });

  test('a write that Redis may have missed opens the circuit at once', async () => {
    const { a, redis } = setUp();
    redis.state.down = true;
    await a.cache.delete('inventory:v1');
    assert.equal(a.guard.available, false);
  });

  test('while Redis is down, values live in this process for a few seconds at most', async () => {
    const { a, redis, clock } = setUp();
    redis.state.down = true;
    await a.cache.set('long', 'x', 60_000);
    assert.equal(await a.cache.get('long'), 'x');
    clock.advance(DEGRADED_TTL_MS);
    assert.equal(await a.cache.get('long'), undefined, 'no other process can say it changed, so it lapses soon');
  });

  test('on recovery, keys changed during the outage are dropped from Redis before any read reaches it', async () => {
    const { a, redis, clock } = setUp();
    await a.cache.set('inventory:v1', 7, 60_000);
    await a.cache.set('inventory:v2', 3, 60_000);
    redis.state.down = true;
    await a.cache.delete('inventory:v1');
    await a.cache.set('inventory:v2', 2, 60_000);
    redis.state.down = false;
    assert.equal(await a.cache.get('inventory:v1'), undefined, 'still on the fallback until the probe');
    assert.equal(await recover(clock, a.guard), true);
    assert.equal(
      await a.cache.get('inventory:v1'),
      undefined,
      'the value deleted during the outage is not read back from Redis',
    );
    assert.equal(await a.cache.get('inventory:v2'), undefined, 'nor the older value of one changed during it');
    assert.equal(await redis.store.get('inventory:v2'), undefined);
  });

  test('a recovery hook runs before the circuit closes; one that fails keeps it open and runs again on the next probe', async () => {
    const { a, redis, clock } = setUp();
    const calls: string[] = [];
    let fail = true;
    a.cache.onRecovery?.(async (shared) => {
      calls.push(`hook sees available=${a.guard.available}`);
      if (fail) throw new Error('not yet');
      await shared.set('marker', 'reconciled', 60_000);
    });
    redis.state.down = true;
    await a.cache.get('x');
    await a.cache.get('x');
    redis.state.down = false;
    assert.equal(await recover(clock, a.guard), false);
    assert.equal(a.guard.available, false);
    fail = false;
    assert.equal(await recover(clock, a.guard), true);
    assert.deepEqual(calls, ['hook sees available=false', 'hook sees available=false']);
    assert.equal(await redis.store.get('marker'), 'reconciled');
  });

  test('a probe while Redis is still down keeps the circuit open', async () => {
    const { a, redis, clock } = setUp();
    redis.state.down = true;
    await a.cache.delete('k');
    assert.equal(await recover(clock, a.guard), false);
    assert.equal(a.guard.available, false);
    redis.state.down = false;
    assert.equal(await recover(clock, a.guard), true);
  });
});

describe('catalog responses across a Redis outage', () => {
  const produceName = (name: { current: string }) => async () => ({ name: name.current });

  test('an admin write during the outage is not undone by the answers Redis kept', async () => {
    const { a, redis, clock } = setUp();
    const responses = createResponseCache({ cache: a.cache, clock, generationTtlMs: 0 });
    const name = { current: 'Old name' };
    assert.equal((await responses.get('product', produceName(name))).body, '{"name":"Old name"}');
    redis.state.down = true;
    await a.cache.get('trip');
    await a.cache.get('trip');
    name.current = 'New name';
    await responses.invalidate();
    assert.equal(
      (await responses.get('product', produceName(name))).body,
      '{"name":"New name"}',
      'served from the database during the outage',
    );
    redis.state.down = false;
    assert.equal(await recover(clock, a.guard), true);
    assert.equal(
      (await responses.get('product', produceName(name))).body,
      '{"name":"New name"}',
      'not the answer Redis kept from before the outage',
    );
  });

  test("a process that missed another process's write during the outage does not serve Redis's older answer after it", async () => {
    const { a, b, redis, clock } = setUp();
    const onA = createResponseCache({ cache: a.cache, clock, generationTtlMs: 0 });
    const onB = createResponseCache({ cache: b.cache, clock, generationTtlMs: 0 });
    const name = { current: 'Old name' };
    await onA.get('product', produceName(name));
    assert.equal(
      (await onB.get('product', produceName({ current: 'never read' }))).body,
      '{"name":"Old name"}',
      'B reads what A cached',
    );
    redis.state.down = true;
    for (const p of [a, b]) {
      await p.cache.get('trip');
      await p.cache.get('trip');
    }
    name.current = 'New name';
    await onA.invalidate();
    redis.state.down = false;
    // B recovers first; A, which made the write, has not told Redis yet.
    assert.equal(await recover(clock, b.guard), true);
    assert.equal((await onB.get('product', produceName(name))).body, '{"name":"New name"}');
  });

  test("while Redis is down, a process sees another process's write within the degraded time to live", async () => {
    const { a, b, redis, clock } = setUp();
    const onA = createResponseCache({ cache: a.cache, clock, generationTtlMs: 0 });
    const onB = createResponseCache({ cache: b.cache, clock, generationTtlMs: 0 });
    redis.state.down = true;
    const name = { current: 'Old name' };
    await onB.get('product', produceName(name));
    name.current = 'New name';
    await onA.invalidate();
    clock.advance(DEGRADED_TTL_MS);
    assert.equal((await onB.get('product', produceName(name))).body, '{"name":"New name"}');
  });
});

describe('locks in front of Redis', () => {
  test('while Redis answers, a lock held by one process is refused to another', async () => {
    const { a, b } = setUp();
    const lease = await a.locks.tryAcquire('job', 10_000);
    assert.ok(lease);
    assert.equal(await b.locks.tryAcquire('job', 10_000, { whenUnavailable: 'local' }), null);
    await lease.release();
    assert.ok(await b.locks.tryAcquire('job', 10_000));
  });

  test('while Redis is down, a lock fails closed by default: nobody can say who holds it', async () => {
    const { a, redis } = setUp();
    redis.state.down = true;
    await assert.rejects(a.locks.tryAcquire('order:1', 10_000), LockUnavailableError);
    await assert.rejects(a.locks.tryAcquire('order:1', 10_000), LockUnavailableError, 'also once the circuit is open');
  });

  test('while Redis is down, a lock that only saves duplicate work is taken in this process', async () => {
    const { a, b, redis } = setUp();
    redis.state.down = true;
    const lease = await a.locks.tryAcquire('sweep', 10_000, { whenUnavailable: 'local' });
    assert.ok(lease);
    assert.equal(
      await a.locks.tryAcquire('sweep', 10_000, { whenUnavailable: 'local' }),
      null,
      'one holder within the process',
    );
    assert.ok(
      await b.locks.tryAcquire('sweep', 10_000, { whenUnavailable: 'local' }),
      'another process cannot be asked, so it takes its own',
    );
    await lease.release();
  });

  test('a lease taken on Redis whose release cannot reach it is let lapse, without an error', async () => {
    const { a, redis } = setUp();
    const lease = await a.locks.tryAcquire('job', 10_000);
    assert.ok(lease);
    redis.state.down = true;
    await lease.release();
  });
});

describe('rate limits in front of Redis', () => {
  test('while Redis is down each process counts on its own, and the limit still holds there', async () => {
    const { a, b, redis } = setUp();
    await a.rateLimiter.consume('client', 3, 60_000);
    redis.state.down = true;
    const onA = [];
    for (let i = 0; i < 4; i++) onA.push((await a.rateLimiter.consume('client', 3, 60_000)).allowed);
    assert.deepEqual(onA, [true, true, true, false]);
    assert.equal((await b.rateLimiter.consume('client', 3, 60_000)).allowed, true);
  });
});
