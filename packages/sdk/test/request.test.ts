import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  createShopClient,
  InvalidRequestError,
  RateLimitError,
  type ShopClientOptions,
} from '@shoptag/sdk';
import { encodeQuery, retryDelay } from '../src/request.js';
import { hangUp, json, never, startFaultServer } from './support/fault-server.js';

const KEY = 'pk_test_abcdefghijklmnopqrstuvwx';
const emptyList = { object: 'list', data: [], has_more: false, next_cursor: null, total: 0 };
const apiError = (type: string, code: string) => ({
  error: { type, code, message: `${code} happened`, request_id: 'req_1' },
});

function client(endpoint: string, extra: Partial<ShopClientOptions> = {}) {
  return createShopClient({ endpoint, publishableKey: KEY, ...extra });
}

test('a request carries the key and lands on /v1 with the encoded query', async (t) => {
  const srv = await startFaultServer([json(200, emptyList)]);
  t.after(srv.close);
  await client(`${srv.endpoint}/`).products.list({ limit: 5, in_stock: true, category: 'mugs & cups' });
  const [req] = srv.requests;
  assert.equal(req!.method, 'GET');
  assert.equal(req!.url, '/v1/products?limit=5&in_stock=true&category=mugs+%26+cups');
  assert.equal(req!.headers.authorization, `Bearer ${KEY}`);
  assert.equal(req!.headers['idempotency-key'], undefined);
});

test('an order is read with its token in the Shoptag-Order-Token header, never in the URL', async (t) => {
  const srv = await startFaultServer([json(200, {})]);
  t.after(srv.close);
  await client(srv.endpoint).orders.get('ord_01', 'otok_secret123');
  const [req] = srv.requests;
  assert.equal(req!.url, '/v1/orders/ord_01');
  assert.equal(req!.headers['shoptag-order-token'], 'otok_secret123');
  assert.ok(!req!.url.includes('otok_secret123'));
});

test('a 503 is retried and the later success is returned', async (t) => {
  const srv = await startFaultServer([json(503, apiError('api_error', 'unavailable')), json(200, emptyList)]);
  t.after(srv.close);
  const page = await client(srv.endpoint).products.list();
  assert.deepEqual(page, emptyList);
  assert.equal(srv.requests.length, 2);
});

test('a 429 is retried after the Retry-After the server asked for', async (t) => {
  const srv = await startFaultServer([
    json(429, apiError('rate_limit_error', 'rate_limited'), { 'Retry-After': '0' }),
    json(200, emptyList),
  ]);
  t.after(srv.close);
  await client(srv.endpoint).products.list();
  assert.equal(srv.requests.length, 2);
});

test('a dropped connection is retried, then surfaces as a ConnectionError', async (t) => {
  const srv = await startFaultServer([hangUp]);
  t.after(srv.close);
  await assert.rejects(client(srv.endpoint, { retries: 2 }).products.list(), (err: unknown) => {
    assert.ok(err instanceof ConnectionError);
    assert.equal(err.code, 'connection_failed');
    return true;
  });
  assert.equal(srv.requests.length, 3);
});

test('retries stop at the configured count and the last server error is thrown', async (t) => {
  const srv = await startFaultServer([json(500, apiError('api_error', 'internal'))]);
  t.after(srv.close);
  await assert.rejects(client(srv.endpoint, { retries: 1 }).products.list(), ApiError);
  assert.equal(srv.requests.length, 2);
});

test('4xx answers other than 409 and 429 are not retried', async (t) => {
  const srv = await startFaultServer([json(401, apiError('authentication_error', 'api_key_invalid'))]);
  t.after(srv.close);
  await assert.rejects(client(srv.endpoint).products.list(), (err: unknown) => {
    assert.ok(err instanceof AuthenticationError);
    assert.equal(err.code, 'api_key_invalid');
    assert.equal(err.requestId, 'req_1');
    return true;
  });
  const srv404 = await startFaultServer([json(404, apiError('invalid_request_error', 'resource_missing'))]);
  t.after(srv404.close);
  await assert.rejects(client(srv404.endpoint).products.get('nope'), InvalidRequestError);
  assert.equal(srv.requests.length + srv404.requests.length, 2);
});

test('a server that never answers times out as a ConnectionError', async (t) => {
  const srv = await startFaultServer([never]);
  t.after(srv.close);
  await assert.rejects(client(srv.endpoint, { timeout: 100, retries: 0 }).products.list(), (err: unknown) => {
    assert.ok(err instanceof ConnectionError);
    assert.equal(err.code, 'timeout');
    return true;
  });
});

test('aborting the signal cancels the request and its retries', async (t) => {
  const srv = await startFaultServer([never]);
  t.after(srv.close);
  const controller = new AbortController();
  const pending = client(srv.endpoint).products.list({}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 30);
  await assert.rejects(pending, (err: unknown) => (err as Error).name === 'AbortError');
  assert.equal(srv.requests.length, 1);
});

test('a non-JSON error page still becomes a typed error', async (t) => {
  const srv = await startFaultServer([
    (_req, res) => {
      res.writeHead(429, { 'Content-Type': 'text/html', 'Retry-After': '0' });
      res.end('<h1>slow down</h1>');
    },
  ]);
  t.after(srv.close);
  await assert.rejects(client(srv.endpoint, { retries: 0 }).products.list(), RateLimitError);
});

test('iterate follows next_cursor through every page', async (t) => {
  const product = (id: string) => ({ id });
  const srv = await startFaultServer([
    json(200, { object: 'list', data: [product('prod_1'), product('prod_2')], has_more: true, next_cursor: 'c2' }),
    json(200, { object: 'list', data: [product('prod_3')], has_more: false, next_cursor: null }),
  ]);
  t.after(srv.close);
  const ids: string[] = [];
  for await (const p of client(srv.endpoint).products.iterate({ limit: 2 })) ids.push(p.id);
  assert.deepEqual(ids, ['prod_1', 'prod_2', 'prod_3']);
  assert.equal(srv.requests[1]!.url, '/v1/products?limit=2&cursor=c2');
});

test('unknown client options are rejected by name', () => {
  assert.throws(
    () =>
      createShopClient({ endpoint: 'http://x.test', publishableKey: KEY, retry: 3 } as unknown as ShopClientOptions),
    /unknown option "retry"/,
  );
  assert.throws(
    () => createShopClient({ endpoint: 'x.test', publishableKey: KEY }),
    /"endpoint" must be an http\(s\) URL/,
  );
  assert.throws(
    () => createShopClient({ endpoint: 'http://x.test', publishableKey: 'sk_test_abc' }),
    /never put a secret key/,
  );
  assert.throws(
    () => createShopClient({ endpoint: 'http://x.test', publishableKey: KEY, retries: -1 }),
    /"retries" must be/,
  );
});

test('backoff grows with attempts, stays capped and jittered, and honours Retry-After', () => {
  assert.equal(
    retryDelay(0, null, () => 0),
    125,
  );
  assert.equal(
    retryDelay(0, null, () => 1),
    250,
  );
  assert.equal(
    retryDelay(10, null, () => 1),
    4000,
  );
  assert.equal(
    retryDelay(0, '2', () => 0.5),
    2000,
  );
  assert.equal(
    retryDelay(0, '3600', () => 0.5),
    20000,
  );
});

test('query encoding drops undefined values and joins lists', () => {
  assert.equal(encodeQuery({ a: undefined, b: ['x', 'y'], c: false }), '?b=x%2Cy&c=false');
  assert.equal(encodeQuery({}), '');
});
