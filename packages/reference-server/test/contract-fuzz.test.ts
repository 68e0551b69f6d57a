// Property-based fuzzing of every route of the contract (ROUTES): requests generated from the
// route's own schemas — mostly well-formed, with hostile values mixed in at every level, bad path
// parameters, bad JSON, odd media types and encodings — sent with valid keys to the real app.
// Fails on any 5xx, on an error that is not in the error shape, and on any write to the database
// by a refused (4xx) request, but the refresh of an open checkout's stock hold.
// FUZZ_RUNS (default 30) requests per route; FUZZ_SEED (a fixed default; `random` for a new one
// each run, printed per route) reproduces a failure.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent, request } from 'node:http';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  Cart,
  CheckoutSession,
  Coupon,
  CouponList,
  ErrorBody,
  InventoryHold,
  Order,
  OrderList,
  ROUTES,
  type RouteSpec,
} from '@shoptag/sdk/contract';
import { ADDRESS } from './support/checkout-fixtures.js';
import { arbitraryFor, fuzzValues, hostileValue, inputJsonSchema, type Hints } from './support/contract-arbitraries.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { stateTables } from './support/state-fingerprint.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { installWriteLog, type WriteLog } from './support/write-log.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20_261_125);

interface FuzzRequest {
  method: string;
  /** Path and query, already encoded (on purpose, sometimes badly). */
  url: string;
  key: 'publishable' | 'secret' | 'none';
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

/** What to show of a request when it fails (long values cut). */
function describeRequest(r: FuzzRequest): string {
  const cut = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}… (${s.length} chars)` : s);
  const body =
    r.body === undefined ? '' : Buffer.isBuffer(r.body) ? `<${r.body.length} bytes>` : cut(JSON.stringify(r.body));
  return `${r.method} ${cut(r.url)} key=${r.key} headers=${JSON.stringify(r.headers)} body=${body}`;
}

/** Percent-encodes text as UTF-8; a lone surrogate goes out as the bytes a careless client would send. */
function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += '%ED%A0%80';
    else out += encodeURIComponent(ch);
  }
  return out;
}

function queryString(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return value === undefined ? '' : `?q=${encode(String(value))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const items = Array.isArray(v) ? v : [v];
    for (const item of items)
      parts.push(
        `${encode(k)}=${encode(typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))}`,
      );
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Path segments that are malformed rather than merely unknown. */
const RAW_SEGMENTS = [
  '%E0%A4%A',
  '%00',
  'abc%00',
  '%ED%A0%80',
  '%',
  '%zz',
  '%2F..%2F',
  '%20',
  'a'.repeat(600),
  'prod_fx01%00',
  '%C0%AF',
];
/** Whole bodies that are not the JSON they claim to be. */
const RAW_BODIES = [
  '{',
  '{"a":',
  'null',
  '"text"',
  '123',
  '[]',
  '{"a":1}garbage',
  '\u0000',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  '{"__proto__":{"polluted":true}}',
  '{"a":1,"a":2}',
];

/** The CSV import reads Shopify's columns; rows mix sensible and hostile cells. */
const CSV_HEADER = [
  'Handle',
  'Title',
  'Option1 Name',
  'Option1 Value',
  'Variant SKU',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Inventory Qty',
  'Variant Grams',
  'Image Src',
  'Image Position',
  'Status',
];
const csvCell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'fuzz-shirt',
      'Fuzz Shirt',
      'Size',
      'M',
      'FZ-1',
      '10.00',
      '12.50',
      '5',
      '200',
      'https://example.com/a.jpg',
      '1',
      'active',
      '',
    ),
  },
  { weight: 2, arbitrary: hostileValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
);
const csvBody = fc
  .array(fc.array(csvCell, { minLength: CSV_HEADER.length, maxLength: CSV_HEADER.length }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((rows) =>
    [CSV_HEADER, ...rows].map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\n'),
  );

/** Shop state the generated requests can name, so many of them reach the services. */
interface Pool {
  hints: Hints;
  pathValues: Record<string, string[]>;
}

/** Which ids a path parameter takes, from its pattern's prefix (or its name). */
function pathPool(pool: Pool, name: string, pattern: string | undefined): string[] {
  const prefix = /^\^([a-z]+)_/.exec(pattern ?? '')?.[1];
  return pool.pathValues[prefix ?? name] ?? [];
}

function requestArb(spec: RouteSpec, pool: Pool): fc.Arbitrary<FuzzRequest> {
  const paramSchema = spec.params ? inputJsonSchema(spec.params) : undefined;
  const paramNames = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const segment = (name: string) => {
    const prop = (paramSchema?.properties ?? {})[name] ?? {};
    const known = pathPool(pool, name, prop.pattern);
    return fc.oneof(
      {
        weight: known.length ? 6 : 0,
        arbitrary: known.length ? fc.constantFrom(...known).map(encode) : fc.constant('x'),
      },
      { weight: 2, arbitrary: arbitraryFor(prop, { hostileWeight: 0 }).map((v) => encode(String(v))) },
      { weight: 1, arbitrary: hostileValue.map((v) => encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
      { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    );
  };
  const path = fc
    .tuple(...paramNames.map(segment))
    .map((values) => paramNames.reduce((p, name, i) => p.replace(`:${name}`, values[i] ?? ''), spec.path));
  const query = spec.query
    ? fc.oneof(
        { weight: 5, arbitrary: fuzzValues(inputJsonSchema(spec.query), pool.hints) },
        { weight: 1, arbitrary: hostileValue },
      )
    : fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileValue });
  const rawQuery = fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('&limit=%00', '&cursor=%E0%A4%A', '&%00=1', '&limit=1&limit=2', '&brand=%ED%A0%80'),
    },
  );
  const writes = spec.method !== 'get' && spec.method !== 'delete';
  const isImport = spec.path.endsWith('/import');
  const json = spec.body ? fuzzValues(inputJsonSchema(spec.body), pool.hints) : hostileValue;
  const body: fc.Arbitrary<string | undefined> = isImport
    ? fc.oneof({ weight: 4, arbitrary: csvBody }, { weight: 1, arbitrary: json.map((v) => JSON.stringify(v)) })
    : fc.oneof(
        { weight: writes ? 8 : 0, arbitrary: json.map((v) => JSON.stringify(v)) },
        { weight: writes ? 1 : 0, arbitrary: fc.constantFrom(...RAW_BODIES) },
        { weight: writes ? 1 : 8, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v)) },
      );
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant(isImport ? 'text/csv' : 'application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=x',
        'application/json',
        '',
      ),
    },
  );
  const encoding = fc.oneof(
    { weight: 12, arbitrary: fc.constant('none') },
    { weight: 1, arbitrary: fc.constantFrom('gzip-valid', 'gzip-invalid', 'deflate', 'br', 'compress') },
  );
  const idempotencyKey = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2') },
    { weight: 1, arbitrary: fc.string({ minLength: 0, maxLength: 300 }).filter((s) => /^[\x21-\x7e]*$/.test(s)) },
  );
  const key =
    spec.auth === 'none'
      ? fc.constant<FuzzRequest['key']>('none')
      : spec.auth === 'secret'
        ? fc.constant<FuzzRequest['key']>('secret')
        : fc.constantFrom<FuzzRequest['key']>('publishable', 'publishable', 'publishable', 'secret');
  return fc
    .record({ path, query, rawQuery, body, contentType, encoding, idempotencyKey, key })
    .map((g): FuzzRequest => {
      const headers: Record<string, string> = {};
      let payload: string | Buffer | undefined = g.body;
      if (payload !== undefined) {
        if (g.contentType) headers['content-type'] = g.contentType;
        if (g.encoding === 'gzip-valid') payload = gzipSync(payload);
        if (g.encoding !== 'none') headers['content-encoding'] = g.encoding.replace(/-(in)?valid$/, '');
      }
      if (g.idempotencyKey !== undefined && spec.method === 'post') headers['idempotency-key'] = g.idempotencyKey;
      const qs = queryString(g.query);
      const url = `${g.path}${qs}${g.rawQuery && !qs ? `?${g.rawQuery.slice(1)}` : g.rawQuery}`;
      return { method: spec.method.toUpperCase(), url, key: g.key, headers, body: payload };
    });
}

/** Destructive routes last, so the others see the shop's ids alive. */
const ORDERED = (Object.entries(ROUTES) as [string, RouteSpec][]).sort(
  ([, a], [, b]) => Number(a.method === 'delete') - Number(b.method === 'delete'),
);

forEachDatabase('contract fuzz', (target) => {
  let app: TestApp;
  let writes: WriteLog;
  /** The write log's position after the last request. */
  let logged = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const pool: Pool = { hints: {}, pathValues: {} };

  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
    const post = async (path: string, body: unknown, key = app.publishableKey) =>
      (
        await app.request(path, {
          method: 'POST',
          key,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).body;
    const carts = [
      Cart.parse(
        await post('/v1/carts', {
          items: [
            { variant_id: 'var_fx050', quantity: 1 },
            { variant_id: 'var_fx100', quantity: 2 },
          ],
        }),
      ),
      Cart.parse(await post('/v1/carts', {})),
    ];
    const placing = Cart.parse(await post('/v1/carts', { items: [{ variant_id: 'var_fx070', quantity: 1 }] }));
    const ready = CheckoutSession.parse(await post('/v1/checkout-sessions', { cart_id: placing.id }));
    await app.request(`/v1/checkout-sessions/${ready.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
    });
    const order = Order.parse(
      await post(`/v1/checkout-sessions/${ready.id}/complete`, { payment_method: 'pm_card_visa' }),
    );
    const session = CheckoutSession.parse(await post('/v1/checkout-sessions', { cart_id: carts[0]!.id }));
    const coupon = Coupon.parse(
      await post(
        '/v1/admin/coupons',
        { code: 'SAVE10', type: 'percentage', percent_off: 10, usage_limit: 5 },
        app.secretKey,
      ),
    );
    await post('/v1/admin/coupons', { code: 'SHIPFREE', type: 'free_shipping' }, app.secretKey);
    const hold = InventoryHold.parse(
      await post('/v1/admin/inventory/holds', { items: [{ variant_id: 'var_fx090', quantity: 1 }] }, app.secretKey),
    );
    const couponCursor = CouponList.parse(
      (await app.request('/v1/admin/coupons?limit=1', { key: app.secretKey })).body,
    ).next_cursor;
    const orderCursor = OrderList.parse(
      (await app.request('/v1/admin/orders?limit=1', { key: app.secretKey })).body,
    ).next_cursor;
    const forged = (s: string, k: unknown[]) => Buffer.from(JSON.stringify({ s, k })).toString('base64url');
    const catalog = fixtureCatalog();
    const variants = catalog.products.flatMap((p) => p.variants.map((v) => v.id));
    pool.pathValues = {
      cart: carts.map((c) => c.id),
      line: carts[0]!.lines.map((l) => l.id),
      cs: [session.id, ready.id],
      ord: [order.id],
      cpn: [coupon.id],
      var: variants,
      hold: [hold.id],
      idOrHandle: [
        ...catalog.products.slice(0, 4).map((p) => p.handle),
        ...catalog.products.slice(0, 4).map((p) => p.id),
      ],
      idOrSlug: ['shirts', 'cat_home', 'empty'],
    };
    pool.hints = {
      variant_id: variants,
      variant_ids: [variants.slice(0, 3).join(','), variants.slice(0, 3)],
      cart_id: carts.map((c) => c.id),
      code: ['SAVE10', 'save10', 'SHIPFREE', 'NOPE'],
      category: ['shirts', 'cat_shirts', 'lamps', 'cat_empty'],
      brand: ['Acme', 'lumo'],
      shipping_method_id: ['standard', 'express'],
      payment_method: ['pm_card_visa', 'pm_card_chargeDeclined', 'pm_card_authenticationRequired'],
      email: ['ada@example.com'],
      shipping_address: [
        ADDRESS,
        { ...ADDRESS, country: 'GB', region: undefined, postal_code: 'SW1A 1AA', phone: undefined },
      ],
      billing_address: [ADDRESS, null],
      country: ['US', 'GB', 'DE'],
      token: [order.token],
      sku: ['FX-01-S', 'FZ-NEW-1'],
      handle: ['fixture-product-1', 'fuzz-new-product'],
      cursor: [
        couponCursor,
        orderCursor,
        forged('coupons', ['not a date', 'cpn_1']),
        forged('orders', ['2026-01-01T00:00:00.000Z', 'ord_\u0000']),
        forged('relevance', [0, 'x']),
      ].filter((c): c is string => typeof c === 'string'),
      options: ['Size:M', ['Size:S', 'Size:M']],
      q: ['shirt', 'lamp', 'fixture'],
      // Query numbers arrive as strings; the schema's bounds live past its pipe, out of JSON Schema's sight.
      limit: [1, 2, 24, '10'],
      page: [1, 2],
      min_price: [0, 1000, '2500'],
      max_price: [5000, 20_000],
      min_rating: [1, 4],
      threshold: [0, 5],
      in_stock: ['true', 'false', '1'],
      facets: ['brand,price', 'options', ''],
      sort: ['relevance', 'price_asc', 'newest'],
      status: ['paid', 'pending', 'active', 'draft'],
    };
    // Any use of an open checkout keeps its stock held, even a refused one (the hold is a lease
    // refreshed while the shopper is active): that refresh is the only write a refusal may make.
    // The audit log records refused sign-ins on purpose (who tried, from where): a record of
    // requests, not of the shop's state.
    const tables = (await stateTables(target.db)).filter((table) => table !== 'audit_log');
    writes = await installWriteLog(target.db, tables, {
      checkout_sessions: ['expires_at', 'updated_at'],
      inventory_holds: ['expires_at'],
    });
  });
  after(async () => {
    agent.destroy();
    await app?.close();
  });

  /** Sends with node:http rather than fetch: a GET may carry a body, and the path goes out as written. */
  function send(r: FuzzRequest): Promise<{ status: number; text: string }> {
    const key = r.key === 'secret' ? app.secretKey : r.key === 'publishable' ? app.publishableKey : undefined;
    const headers: Record<string, string | number> = {
      ...r.headers,
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    };
    if (r.body !== undefined) headers['content-length'] = Buffer.byteLength(r.body);
    const { hostname, port } = new URL(app.url);
    return new Promise((resolve, reject) => {
      const req = request({ hostname, port, method: r.method, path: r.url, headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(r.body);
    });
  }

  ORDERED.forEach(([operationId, spec], index) => {
    test(`${operationId} (${spec.method.toUpperCase()} ${spec.path}) never answers a 5xx, and a request it refuses changes nothing`, async (t) => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(requestArb(spec, pool), async (r) => {
          const position = logged;
          const res = await send(r);
          // An accepted import goes on in the background (202): its writes belong to this request.
          await app.imports.idle();
          logged = await writes.position();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const what = `${describeRequest(r)}\n→ ${res.status} ${res.text.slice(0, 500)}`;
          assert.ok(res.status < 500, `a 5xx: ${what}`);
          if (res.status >= 400) {
            let body: unknown;
            try {
              body = JSON.parse(res.text);
            } catch {
              assert.fail(`an error that is not JSON: ${what}`);
            }
            assert.ok(ErrorBody.safeParse(body).success, `an error outside the error shape: ${what}`);
            // A declined card is an answer after a payment attempt, which is recorded.
            if (res.status !== 402 && logged !== position)
              assert.deepEqual(
                await writes.writesSince(position),
                [],
                `a refused request wrote to the database: ${what}`,
              );
          }
        }),
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
      );
      t.diagnostic(
        `seed ${SEED + index}; statuses: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
      );
    });
  });
});
