// The SDK's search, suggest and related calls against a real reference server (PGlite in memory,
// seeded demo catalog), and their AbortSignal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import { createShopClient, InvalidRequestError, type ShopClient } from '@shoptag/sdk';
import { CategoryTree, RelatedList, SearchResult, SuggestResult } from '@shoptag/sdk/contract';

let server: StartedDemoServer;
let shop: ShopClient;

before(async () => {
  server = await startServer({ port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true });
  shop = createShopClient({ endpoint: server.url, publishableKey: server.publishableKey, retries: 0 });
});
after(() => server?.close());

test('search.query sends q, filters, facets, sort and paging, and answers the contract shape', async () => {
  const [first] = (await shop.products.list({ limit: 1 })).data;
  const word = first!.name.split(' ').at(-1)!.toLowerCase();
  const result = await shop.search.query({
    q: word,
    in_stock: true,
    sort: 'price_asc',
    limit: 5,
    facets: ['brand', 'price'],
  });
  SearchResult.parse(result);
  assert.ok(result.total > 0);
  assert.deepEqual(Object.keys(result.facets).sort(), ['brand', 'price']);
  const prices = result.data.map((p) => p.price.amount);
  assert.deepEqual(
    prices,
    [...prices].sort((a, b) => a - b),
  );
  assert.ok(result.data.every((p) => p.in_stock));
  if (result.has_more) {
    const next = await shop.search.query({
      q: word,
      in_stock: true,
      sort: 'price_asc',
      limit: 5,
      cursor: result.next_cursor ?? undefined,
    });
    assert.equal(next.data.filter((p) => result.data.some((q) => q.id === p.id)).length, 0);
  }
});

test('search.query tolerates a typo', async () => {
  const [first] = (await shop.products.list({ limit: 1 })).data;
  const word = first!.name
    .split(' ')
    .filter((w) => w.length >= 5)
    .at(-1)!
    .toLowerCase();
  const typo = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
  const result = await shop.search.query({ q: typo, limit: 100 });
  assert.ok(
    result.data.some((p) => p.id === first!.id),
    `${typo} finds ${first!.name}`,
  );
});

test('search.suggest answers at most ten suggestions for a prefix', async () => {
  const tree = CategoryTree.parse(await shop.categories.list());
  const name = tree.data[0]!.name;
  const result = await shop.search.suggest(name.slice(0, 3));
  SuggestResult.parse(result);
  assert.ok(result.data.length <= 10);
  assert.ok(result.data.some((s) => s.type === 'category'));
  const limited = (await shop.search.suggest(name.slice(0, 3), { limit: 2 })).data.length;
  assert.ok(limited >= 1 && limited <= 2);
});

test('products.related never includes the product itself', async () => {
  const [first] = (await shop.products.list({ limit: 1 })).data;
  const related = await shop.products.related(first!.handle, { limit: 4 });
  RelatedList.parse(related);
  assert.ok(related.data.length > 0 && related.data.length <= 4);
  assert.ok(related.data.every((p) => p.id !== first!.id));
});

test('a bad search parameter arrives as InvalidRequestError naming it', async () => {
  await assert.rejects(
    shop.search.query({ min_rating: 9 }),
    (err: unknown) => err instanceof InvalidRequestError && err.param === 'min_rating',
  );
});

test('each call can be aborted with an AbortSignal', async () => {
  for (const call of [
    (signal: AbortSignal) => shop.search.query({ q: 'a' }, { signal }),
    (signal: AbortSignal) => shop.search.suggest('a', { signal }),
    (signal: AbortSignal) => shop.products.related('x', { signal }),
    (signal: AbortSignal) => shop.categories.list({ signal }),
  ]) {
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    await assert.rejects(
      call(controller.signal),
      (err: unknown) => err instanceof DOMException && err.name === 'AbortError',
    );
  }
});
