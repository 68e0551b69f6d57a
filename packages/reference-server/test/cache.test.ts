import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Cache } from '../src/cache/cache.js';
import { createMemoryCache } from '../src/cache/memory-cache.js';
import { createRedisCache } from '../src/cache/redis-cache.js';
import type { Clock } from '../src/clock.js';
import { createResponseCache } from '../src/services/http/index.js';
import { TEST_REDIS_URL } from './support/databases.js';

/** A clock that moves only when told to. */
function manualClock(start = Date.UTC(2026, 0, 1)): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const implementations: [string, () => Promise<{ cache: Cache; advance(ms: number): Promise<void> }>][] = [
  [
    'in-process',
    async () => {
      const clock = manualClock();
      return { cache: createMemoryCache({ clock, maxEntries: 3 }), advance: async (ms) => clock.advance(ms) };
    },
  ],
];
const redisUrl = TEST_REDIS_URL;
if (redisUrl) {
  implementations.push([
    'Redis',
    async () => ({
      cache: await createRedisCache({ url: redisUrl, keyPrefix: `shoptag-test-${process.pid}-${Date.now()}:` }),
      advance: (ms) => sleep(ms),
    }),
  ]);
}

for (const [name, open] of implementations) {
  describe(`the ${name} cache`, () => {
    let cache: Cache;
    let advance: (ms: number) => Promise<void>;
    before(async () => ({ cache, advance } = await open()));
    after(() => cache.close());

    test('returns what was stored, as a copy', async () => {
      const value = { a: [1, 'two', null], b: { c: true } };
      await cache.set('k1', value, 60_000);
      assert.deepEqual(await cache.get('k1'), value);
      assert.notEqual(await cache.get('k1'), value);
    });

    test('forgets a value after its time to live, and on delete', async () => {
      await cache.set('short', 'x', 50);
      await advance(120);
      assert.equal(await cache.get('short'), undefined);
      await cache.set('gone', 1, 60_000);
      await cache.delete('gone');
      assert.equal(await cache.get('gone'), undefined);
    });

    test('keeps text exactly as written, forgets it after its time to live, and on delete', async () => {
      const text = '"etag"\n{"quote":"\\"","line":"a\\nb","unicode":"é✓"}';
      await cache.setText('t1', text, 60_000);
      assert.equal(await cache.getText('t1'), text);
      assert.equal(await cache.getText('never'), undefined);
      await cache.setText('t-short', text, 50);
      await advance(120);
      assert.equal(await cache.getText('t-short'), undefined);
      await cache.delete('t1');
      assert.equal(await cache.getText('t1'), undefined);
    });

    test('text written as its UTF-8 bytes reads back as the same text', async () => {
      const text = '"etag"\n{"unicode":"é✓ 日本"}';
      await cache.setText('t-bytes', Buffer.from(text), 60_000);
      assert.equal(await cache.getText('t-bytes'), text);
    });

    test('a catalog response cached by one process is sent by another sharing the cache, body and ETag unchanged', async () => {
      const clock = manualClock();
      const [first, second] = [createResponseCache({ cache, clock }), createResponseCache({ cache, clock })];
      const sent = await first.get('products?[]', async () => ({
        name: 'Caf\u00e9 "Noir"\n',
        price: { amount: 1999, currency: 'USD' },
      }));
      let producedAgain = false;
      const read = await second.get('products?[]', async () => {
        producedAgain = true;
        return {};
      });
      assert.equal(producedAgain, false);
      assert.deepEqual(read.bytes, sent.bytes);
      assert.equal(read.etag, sent.etag);
      assert.deepEqual(JSON.parse(read.body), { name: 'Caf\u00e9 "Noir"\n', price: { amount: 1999, currency: 'USD' } });
    });

    test('bytes come back byte for byte, binary as they are', async () => {
      const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x0a, 0xc3, 0x28, 0x80, 0x7f]);
      await cache.setBytes('b1', bytes, 60_000);
      assert.deepEqual(await cache.getBytes('b1'), bytes);
      assert.equal(await cache.getBytes('never'), undefined);
      await cache.setBytes('b-short', bytes, 50);
      await advance(120);
      assert.equal(await cache.getBytes('b-short'), undefined);
    });

    test('answers a ping', async () => {
      assert.equal(await cache.ping(), true);
    });
  });
}

test('the in-process cache drops its oldest entry when full', async () => {
  const cache = createMemoryCache({ clock: manualClock(), maxEntries: 2 });
  await cache.set('a', 1, 1_000);
  await cache.set('b', 2, 1_000);
  await cache.set('c', 3, 1_000);
  assert.deepEqual([await cache.get('a'), await cache.get('b'), await cache.get('c')], [undefined, 2, 3]);
});

test('the in-process cache drops its oldest entries to stay within its size budget', async () => {
  const cache = createMemoryCache({ clock: manualClock(), maxChars: 2_500 });
  for (const key of ['a', 'b', 'c']) await cache.setText(key, key.repeat(1_000), 1_000);
  assert.deepEqual(
    [await cache.getText('a'), (await cache.getText('b'))?.length, (await cache.getText('c'))?.length],
    [undefined, 1_000, 1_000],
  );
  // A value larger than the whole budget is not kept (and pushes nothing else out).
  await cache.setText('huge', 'x'.repeat(3_000), 1_000);
  assert.equal(await cache.getText('huge'), undefined);
  assert.deepEqual([(await cache.getText('b'))?.length, (await cache.getText('c'))?.length], [1_000, 1_000]);
});

test('responses kept in this process stay within their size budget, and the shared cache still answers', async () => {
  const shared = createMemoryCache({ clock: manualClock() });
  const responses = createResponseCache({ cache: shared, clock: manualClock(), localChars: 2_500 });
  let produced = 0;
  const page = (n: number) => () => {
    produced++;
    return Promise.resolve({ n, body: 'x'.repeat(1_000) });
  };
  for (const n of [1, 2, 3]) await responses.get(`page-${n}`, page(n));
  // Page 1 left this process's memory but is still in the shared cache: no new read.
  assert.equal(JSON.parse((await responses.get('page-1', page(1))).body).n, 1);
  assert.equal(produced, 3);
});

test('an unreachable Redis fails fast with the URL, password hidden', async () => {
  await assert.rejects(createRedisCache({ url: 'redis://:hunter2@127.0.0.1:1' }), (error: Error) => {
    assert.match(error.message, /cannot connect to Redis at redis:\/\/127\.0\.0\.1:1/);
    assert.doesNotMatch(error.message, /hunter2/);
    return true;
  });
});
