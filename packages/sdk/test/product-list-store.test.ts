// The product list store against a real reference server (PGlite in memory, demo catalog), no
// browser: paging by cursor to the end, a superseded request aborted on the wire and its answer
// dropped, overlapping pages (the catalog changed between them) shown without repeats, and a
// failed next page kept apart from the products shown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import {
  ConnectionError,
  createProductListStore,
  createShopClient,
  InvalidRequestError,
  type ProductListOutcome,
  type ProductListState,
  type ShopClient,
} from '@shoptag/sdk';

let server: StartedDemoServer;

/** Every request the client sent: its URL and the signal fetch was given. */
interface Sent {
  url: URL;
  signal: AbortSignal | null | undefined;
}

/**
 * A client of the test server whose fetch records each request, and fails the next one like a
 * dropped connection when `failNext` is set (the server itself is never stood in for).
 */
function recordingClient() {
  const sent: Sent[] = [];
  const faults = { failNext: false };
  const client: ShopClient = createShopClient({
    endpoint: server.url,
    publishableKey: server.publishableKey,
    retries: 0,
    fetch: (input, init) => {
      sent.push({ url: new URL(String(input)), signal: init?.signal });
      if (faults.failNext) {
        faults.failNext = false;
        return Promise.reject(new TypeError('fetch failed'));
      }
      return fetch(input, init);
    },
  });
  return { client, sent, faults };
}

const ids = (products: readonly { id: string }[]) => products.map((p) => p.id);
const loaded = (outcome: ProductListOutcome) => {
  assert.equal(outcome.status, 'loaded', JSON.stringify(outcome));
  return outcome as Extract<ProductListOutcome, { status: 'loaded' }>;
};

before(async () => {
  server = await startServer({ port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true });
});
after(() => server?.close());

test('load shows the first page, and loadMore appends pages by cursor until there is none', async () => {
  const { client, sent } = recordingClient();
  const list = createProductListStore(client);
  const states: ProductListState[] = [];
  list.$list.listen((state) => states.push(state));

  const first = loaded(await list.load({ category: 'kitchen', limit: 5 }));
  assert.deepEqual(
    states.map((s) => s.status),
    ['loading', 'ready'],
  );
  assert.equal(first.append, false);
  assert.equal(list.$list.get().products.length, 5);
  assert.equal(list.$list.get().hasMore, true);

  while (list.$list.get().hasMore) {
    const next = loaded(await list.loadMore());
    assert.equal(next.append, true);
    assert.equal(next.query.cursor, sent.at(-1)!.url.searchParams.get('cursor'));
  }
  const every: string[] = [];
  for await (const p of client.products.iterate({ category: 'kitchen', limit: 100 })) every.push(p.id);
  const state = list.$list.get();
  assert.deepEqual(ids(state.products), every);
  assert.equal(state.total, every.length);
  assert.equal(
    sent.filter((s) => s.url.pathname === '/v1/products' && s.url.searchParams.get('limit') === '5').length,
    Math.ceil(every.length / 5),
  );
  assert.deepEqual(await list.loadMore(), { status: 'skipped' });
});

test('a newer load aborts the request in flight, and the superseded answer never lands', async () => {
  const { client, sent } = recordingClient();
  const list = createProductListStore(client);
  const superseded = list.load({ category: 'apparel', limit: 6 });
  const current = list.load({ category: 'pets', limit: 6 });

  const apparel = sent.find((s) => s.url.searchParams.get('category') === 'apparel')!;
  const pets = sent.find((s) => s.url.searchParams.get('category') === 'pets')!;
  assert.equal(apparel.signal?.aborted, true);
  assert.equal(pets.signal?.aborted, false);
  assert.deepEqual(await superseded, { status: 'cancelled' });
  loaded(await current);

  const expected = await client.products.list({ category: 'pets', limit: 6 });
  assert.deepEqual(ids(list.$list.get().products), ids(expected.data));
  assert.deepEqual(list.$list.get().query, { category: 'pets', limit: 6 });
});

test('abort() cuts a first page short and leaves the list idle, to be loaded again', async () => {
  const { client, sent } = recordingClient();
  const list = createProductListStore(client);
  const cut = list.load({ category: 'home', limit: 4 });
  list.abort();
  assert.equal(sent[0]!.signal?.aborted, true);
  assert.deepEqual(await cut, { status: 'cancelled' });
  assert.equal(list.$list.get().status, 'idle');
  loaded(await list.retry());
  assert.equal(list.$list.get().products.length, 4);
});

test('a page that repeats products already shown (the catalog changed between pages) adds only the new ones', async () => {
  const { client } = recordingClient();
  const list = createProductListStore(client);
  // Search pages are offset-based: a new product sorting first pushes the last one of page 1 onto page 2.
  loaded(await list.load({ q: 'mug', sort: 'price_asc', limit: 4 }));
  const pageOne = ids(list.$list.get().products);
  const created = await fetch(`${server.url}/v1/admin/products`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      handle: 'thrift-camp-mug',
      name: 'Thrift Camp Mug',
      brand: 'Kestrel',
      category: 'kitchen',
      variants: [{ sku: 'THRIFT-MUG', price: 100, stock: 5 }],
    }),
  });
  assert.equal(created.status, 201, await created.clone().text());

  const next = loaded(await list.loadMore());
  assert.equal(next.page.data[0]!.id, pageOne[3], 'page 2 starts with the last product of page 1');
  assert.deepEqual(ids(next.added), ids(next.page.data.slice(1)));
  const shown = ids(list.$list.get().products);
  assert.deepEqual(shown, [...pageOne, ...ids(next.added)]);
  assert.equal(new Set(shown).size, shown.length);
});

test('search words, options or a rating floor go to the search endpoint, without facets', async () => {
  const { client, sent } = recordingClient();
  const list = createProductListStore(client);
  const { page } = loaded(await list.load({ q: 'stoneware', limit: 3 }));
  assert.equal(sent[0]!.url.pathname, '/v1/search');
  assert.equal(sent[0]!.url.searchParams.get('facets'), '');
  assert.equal(page.object, 'list');
  assert.equal(list.$list.get().total, (await client.search.query({ q: 'stoneware', limit: 1 })).total);
});

test('a refused query is an error state holding the typed ShopError', async () => {
  const { client } = recordingClient();
  const list = createProductListStore(client);
  const failed = await list.load({ limit: 101 });
  assert.equal(failed.status, 'failed');
  const { status, error } = list.$list.get();
  assert.equal(status, 'error');
  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.param, 'limit');
});

test('a first page that failed on the way is loaded by retry()', async () => {
  const { client, faults } = recordingClient();
  const list = createProductListStore(client);
  faults.failNext = true;
  assert.equal((await list.load({ category: 'beauty', limit: 4 })).status, 'failed');
  assert.equal(list.$list.get().status, 'error');
  assert.ok(list.$list.get().error instanceof ConnectionError);
  loaded(await list.retry());
  const state = list.$list.get();
  assert.equal(state.status, 'ready');
  assert.equal(state.error, undefined);
  assert.equal(state.products.length, 4);
});

test('a failed next page keeps the products shown, and retry() fetches that page', async () => {
  const { client, faults } = recordingClient();
  const list = createProductListStore(client);
  loaded(await list.load({ category: 'outdoor', limit: 5 }));
  const pageOne = ids(list.$list.get().products);
  faults.failNext = true;
  const failed = await list.loadMore();
  assert.equal(failed.status, 'failed');
  let state = list.$list.get();
  assert.equal(state.status, 'ready');
  assert.ok(state.moreError instanceof ConnectionError);
  assert.equal(state.loadingMore, false);
  assert.deepEqual(ids(state.products), pageOne);

  const retried = loaded(await list.retry());
  assert.equal(retried.append, true);
  state = list.$list.get();
  assert.equal(state.moreError, undefined);
  assert.equal(state.products.length, 10);
  assert.deepEqual(ids(state.products.slice(0, 5)), pageOne);
});
