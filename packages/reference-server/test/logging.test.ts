// Logs are JSON lines through pino (LOG_FORMAT=pretty for people): one `info` line per request
// with its request id, route pattern, status and duration, and never a credential — not the
// key in Authorization or in the URL, not the order token, not a cookie, card data or a password
// in a connection URL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfig, ConfigError } from '../src/config.js';
import { formatPrettyLine } from '../src/log-pretty.js';
import { createLogger } from '../src/logger.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { placeOrder } from './support/place-order.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Entry = Record<string, unknown>;
const parse = (lines: string[]): Entry[] => lines.map((line) => JSON.parse(line) as Entry);
/** Lets `finish` listeners run: the request line is written once the response is. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

forEachDatabase('request logging', (target) => {
  let app: TestApp;
  const lines: string[] = [];
  before(async () => {
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      logger: createLogger('info', (line) => lines.push(line)),
    });
  });
  after(() => app?.close());

  test('a request is one info line with its request id, method, route pattern, URL, status and duration', async () => {
    lines.length = 0;
    const res = await app.request('/v1/products/no-such-product?limit=1');
    assert.equal(res.status, 404);
    await settle();
    const [entry, ...others] = parse(lines);
    assert.equal(others.length, 0, JSON.stringify(lines));
    assert.ok(entry);
    assert.equal(entry.level, 'info');
    assert.equal(entry.request_id, res.headers.get('request-id'));
    assert.equal(entry.method, 'GET');
    assert.equal(entry.route, '/v1/products/:idOrHandle');
    assert.equal(entry.url, '/v1/products/no-such-product?limit=1');
    assert.equal(entry.status, 404);
    assert.equal(typeof entry.duration_ms, 'number');
    assert.equal(entry.msg, 'GET /v1/products/:idOrHandle 404');
    assert.match(String(entry.time), /^\d{4}-\d\d-\d\dT/);
  });

  test('a request refused before any route is logged under the router it reached', async () => {
    lines.length = 0;
    await app.request('/v1/products/some-id', { key: null });
    await app.request('/v1/no-such-route');
    await settle();
    assert.deepEqual(
      parse(lines).map((e) => [e.route, e.status]),
      [
        ['/v1/products/*', 401],
        ['/v1/*', 404],
      ],
    );
  });

  test('a request with a secret key and an order token leaves neither, nor a cookie, in any log line', async () => {
    const { order } = await placeOrder(app);
    assert.ok(order?.token);
    lines.length = 0;
    const res = await app.request(`/v1/orders/${order.id}?token=${order.token}`, {
      key: app.secretKey,
      headers: { 'shoptag-order-token': order.token, cookie: 'shoptag_session=s3ss10n-s3cr3t' },
    });
    assert.equal(res.status, 200);
    // A key pasted into a query (refused, and logged all the same).
    const pasted = await app.request(`/v1/products?api_key=${app.secretKey}&q=${app.publishableKey}`, {
      key: app.secretKey,
    });
    assert.equal(pasted.status, 400);
    await settle();
    assert.equal(lines.length, 2, JSON.stringify(lines));
    for (const secret of [app.secretKey, app.publishableKey, order.token, 's3ss10n-s3cr3t']) {
      assert.ok(
        lines.every((line) => !line.includes(secret)),
        `${secret.slice(0, 8)}… is in a log line: ${lines.join('\n')}`,
      );
    }
    const [read, refused] = parse(lines);
    assert.equal(read?.route, '/v1/orders/:id');
    assert.equal(read?.url, `/v1/orders/${order.id}?token=[redacted]`);
    assert.equal(refused?.url, '/v1/products?api_key=[redacted]&q=[redacted]');
  });

  test('LOG_LEVEL=warn writes no request lines', async () => {
    const quiet: string[] = [];
    const warnApp = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      logger: createLogger('warn', (line) => quiet.push(line)),
    });
    try {
      await warnApp.request('/v1/products?limit=1');
      await settle();
      assert.deepEqual(quiet, []);
    } finally {
      await warnApp.close();
    }
  });
});

test('messages, errors and fields are scrubbed of keys, bearer tokens, URL passwords and card data', () => {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  logger.warn('redis at redis://:hunter2@cache:6379/0 does not answer');
  logger.error(
    'query failed',
    new Error('connect postgres://shop:pa55word@db:5432/shop refused; key sk_live_abcdefghijklmnop; Bearer xyz123'),
  );
  logger.info('payment', {
    card: { number: '4242424242424242', cvc: '123' },
    password: 'letmein',
    headers: { authorization: 'Bearer sk_test_1234', 'shoptag-order-token': 'otok_1234' },
    order: 'ord_1',
  });
  const all = lines.join('\n');
  for (const secret of [
    'hunter2',
    'pa55word',
    'sk_live_abcdefghijklmnop',
    'xyz123',
    '4242424242424242',
    'letmein',
    'otok_1234',
    'sk_test_1234',
  ])
    assert.ok(!all.includes(secret), `${secret} was logged: ${all}`);
  const [warn, error, info] = parse(lines);
  assert.equal(warn?.msg, 'redis at redis://:[redacted]@cache:6379/0 does not answer');
  assert.match(String((error?.err as Entry).stack), /postgres:\/\/shop:\[redacted\]@db/);
  assert.equal(info?.card, '[redacted]');
  assert.equal(info?.order, 'ord_1', 'what is not a credential stays');
});

test('LOG_FORMAT=pretty writes one readable line per entry, with an error stack indented below it', () => {
  const lines: string[] = [];
  const logger = createLogger('info', (line) => lines.push(line), 'pretty');
  logger.info('GET /v1/products 200', { request_id: 'req_1', duration_ms: 3.2 });
  logger.error('boom', new Error('it broke'));
  assert.match(
    lines[0] ?? '',
    /^\d\d:\d\d:\d\d\.\d{3} INFO {2}GET \/v1\/products 200 request_id=req_1 duration_ms=3\.2$/,
  );
  assert.match(lines[1] ?? '', /^\d\d:\d\d:\d\d\.\d{3} ERROR boom\n {2}Error: it broke\n {2} {4}at /);
  assert.equal(formatPrettyLine('not json'), 'not json');
});

test('LOG_FORMAT is json or pretty, json by default', () => {
  assert.equal(loadConfig({}).logFormat, 'json');
  assert.equal(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat, 'pretty');
  assert.throws(
    () => loadConfig({ LOG_FORMAT: 'xml' }),
    (e: unknown) => e instanceof ConfigError && /LOG_FORMAT must be one of json, pretty/.test(e.message),
  );
});
