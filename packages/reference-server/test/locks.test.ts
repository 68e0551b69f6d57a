import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locks } from '../src/cache/locks.js';
import { createMemoryLocks } from '../src/cache/memory-locks.js';
import { createRedisLocks } from '../src/cache/redis-locks.js';
import { silentLogger } from '../src/logger.js';
import { startHoldSweeper, type ReservationService } from '../src/services/inventory/index.js';
import { TEST_REDIS_URL } from './support/databases.js';
import { manualClock } from './support/manual-clock.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const implementations: [string, () => Promise<{ a: Locks; b: Locks; lapse(ms: number): Promise<void> }>][] = [
  [
    'in-process',
    async () => {
      const clock = manualClock();
      const locks = createMemoryLocks({ clock });
      return { a: locks, b: locks, lapse: async (ms) => clock.advance(ms) };
    },
  ],
];
const redisUrl = TEST_REDIS_URL;
if (redisUrl) {
  implementations.push([
    'Redis',
    async () => {
      // Two connections stand for two server processes.
      const keyPrefix = `shoptag-test-${process.pid}-${Date.now()}:lock:`;
      return {
        a: await createRedisLocks({ url: redisUrl, keyPrefix }),
        b: await createRedisLocks({ url: redisUrl, keyPrefix }),
        lapse: (ms) => sleep(ms),
      };
    },
  ]);
}

for (const [name, open] of implementations) {
  describe(`${name} locks`, () => {
    let a: Locks;
    let b: Locks;
    let lapse: (ms: number) => Promise<void>;
    before(async () => ({ a, b, lapse } = await open()));
    after(async () => {
      await a?.close();
      if (b !== a) await b?.close();
    });

    test('a held lock is refused to everyone else until it is released', async () => {
      const lease = await a.tryAcquire('one', 10_000);
      assert.ok(lease);
      assert.equal(await b.tryAcquire('one', 10_000), null);
      assert.equal(await a.tryAcquire('one', 10_000), null);
      assert.ok(await b.tryAcquire('other', 10_000), 'other names are independent');
      await lease.release();
      const again = await b.tryAcquire('one', 10_000);
      assert.ok(again);
      await again.release();
    });

    test('a lock lapses after its TTL, and a stale lease cannot release the new holder', async () => {
      const stale = await a.tryAcquire('lapsing', 50);
      assert.ok(stale);
      await lapse(120);
      const fresh = await b.tryAcquire('lapsing', 10_000);
      assert.ok(fresh);
      await stale.release();
      assert.equal(await a.tryAcquire('lapsing', 10_000), null);
      await fresh.release();
    });

    test('of many processes asking at once, exactly one gets the lock', async () => {
      const leases = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).tryAcquire('race', 10_000)),
      );
      assert.equal(leases.filter(Boolean).length, 1);
      await leases.find(Boolean)?.release();
    });

    test('two sweepers sharing the locks never sweep at the same time', async () => {
      let active = 0;
      let most = 0;
      let sweeps = 0;
      const reservations = {
        async releaseExpired() {
          active++;
          most = Math.max(most, active);
          sweeps++;
          await sleep(30);
          active--;
          return 1;
        },
      } as unknown as ReservationService;
      const one = startHoldSweeper({ reservations, locks: a, logger: silentLogger, intervalMs: 60_000 });
      const two = startHoldSweeper({ reservations, locks: b, logger: silentLogger, intervalMs: 60_000 });
      const results = await Promise.all([one.sweep(), two.sweep(), one.sweep(), two.sweep()]);
      await Promise.all([one.stop(), two.stop()]);
      assert.equal(most, 1);
      assert.equal(sweeps, 1);
      assert.equal(
        results.filter((n) => n === 1).length,
        2,
        'the process that swept answers its count to both of its callers',
      );
    });
  });
}
