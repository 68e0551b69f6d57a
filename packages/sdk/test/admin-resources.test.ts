// The admin client's settings, coupons and keys resources call only what the contract lists: each
// method sends one request whose method and path are the ROUTES entry it means, with parameters,
// query and body that entry's schemas accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAdminClient, type AdminClient } from '@shoptag/sdk/admin';
import { ROUTES, type RouteId, type RouteSpec } from '@shoptag/sdk/contract';

const ENDPOINT = 'https://shop.test';
const COUPON = 'cpn_ABC123';
const KEY = 'key_ABC123';

interface Recorded {
  method: string;
  url: URL;
  body: unknown;
}

function recordingAdmin(): { admin: AdminClient; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const admin = createAdminClient({
    endpoint: ENDPOINT,
    secretKey: 'sk_test_abcdefghijklmnopqrstuvwx',
    retries: 0,
    fetch: async (input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      requests.push({ method: init?.method ?? 'GET', url: new URL(String(input)), body });
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { admin, requests };
}

const CALLS: Record<string, { route: RouteId; call: (admin: AdminClient) => Promise<unknown> }> = {
  'settings.get': { route: 'getShopSettings', call: (a) => a.settings.get() },
  'settings.update': {
    route: 'updateShopSettings',
    call: (a) =>
      a.settings.update({
        shop_name: 'Alder & Co',
        currency: 'EUR',
        shipping: {
          zones: [
            {
              id: 'eu',
              countries: ['DE', 'FR'],
              methods: [
                {
                  id: 'std',
                  name: 'Standard',
                  estimated_days: { min: 2, max: 4 },
                  rate: { type: 'flat', amount: 490 },
                },
              ],
            },
          ],
        },
        tax: {
          rates: [{ country: 'DE', rate_bp: 1900 }],
          prices_include_tax: true,
          shipping_taxable: '*',
          default_country: 'DE',
        },
      }),
  },
  'coupons.list': {
    route: 'listCoupons',
    call: (a) => a.coupons.list({ status: 'active', type: 'percentage', q: 'SAVE', limit: 10 }),
  },
  'coupons.get': { route: 'getCoupon', call: (a) => a.coupons.get(COUPON) },
  'coupons.create': {
    route: 'createCoupon',
    call: (a) => a.coupons.create({ code: 'SAVE10', type: 'percentage', percent_off: 10, usage_limit: 5 }),
  },
  'coupons.update': { route: 'updateCoupon', call: (a) => a.coupons.update(COUPON, { minimum_subtotal: 2000 }) },
  'coupons.disable': { route: 'updateCoupon', call: (a) => a.coupons.disable(COUPON) },
  'coupons.enable': { route: 'updateCoupon', call: (a) => a.coupons.enable(COUPON) },
  'coupons.usage': { route: 'getCouponUsage', call: (a) => a.coupons.usage(COUPON, { limit: 20 }) },
  'coupons.delete': { route: 'deleteCoupon', call: (a) => a.coupons.delete(COUPON) },
  'keys.list': { route: 'listApiKeys', call: (a) => a.keys.list() },
  'keys.get': { route: 'getApiKey', call: (a) => a.keys.get(KEY) },
  'keys.create': {
    route: 'createApiKey',
    call: (a) =>
      a.keys.create({ kind: 'publishable', mode: 'test', name: 'Shop', allowed_origins: ['https://shop.example'] }),
  },
  'keys.revoke': { route: 'revokeApiKey', call: (a) => a.keys.revoke(KEY) },
  'keys.rotate': { route: 'rotateApiKey', call: (a) => a.keys.rotate(KEY, { grace_seconds: 60 }) },
  'keys.updateOrigins': {
    route: 'updateApiKeyOrigins',
    call: (a) => a.keys.updateOrigins(KEY, { add: ['https://a.example'], remove: ['https://b.example'] }),
  },
};

function pathPattern(spec: RouteSpec): RegExp {
  const source = spec.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

test('the call table covers every method of the settings, coupons and keys resources', () => {
  const { admin } = recordingAdmin();
  const methods = (['settings', 'coupons', 'keys'] as const).flatMap((name) =>
    Object.keys(admin[name]).map((m) => `${name}.${m}`),
  );
  assert.deepEqual(methods.sort(), Object.keys(CALLS).sort());
});

for (const [name, { route, call }] of Object.entries(CALLS)) {
  test(`admin.${name} calls ${route} with what its schemas accept`, async () => {
    const { admin, requests } = recordingAdmin();
    await call(admin);
    assert.equal(requests.length, 1);
    const request = requests[0]!;
    const matching = (Object.entries(ROUTES) as [RouteId, RouteSpec][])
      .filter(
        ([, spec]) => spec.method.toUpperCase() === request.method && pathPattern(spec).test(request.url.pathname),
      )
      .map(([id]) => id);
    assert.deepEqual(matching, [route], `${request.method} ${request.url.pathname}`);
    const spec: RouteSpec = ROUTES[route];
    const params = pathPattern(spec).exec(request.url.pathname)?.groups ?? {};
    if (spec.params) assert.ok(spec.params.safeParse(params).success, JSON.stringify(params));
    const query = Object.fromEntries(request.url.searchParams);
    if (spec.query) {
      const parsed = spec.query.safeParse(query);
      assert.ok(parsed.success, `query ${JSON.stringify(query)}: ${parsed.error?.message ?? ''}`);
    } else assert.deepEqual(query, {});
    if (spec.body) {
      const parsed = spec.body.safeParse(request.body);
      assert.ok(parsed.success, `body ${JSON.stringify(request.body)}: ${parsed.error?.message ?? ''}`);
    } else assert.ok(request.body === undefined || JSON.stringify(request.body) === '{}');
  });
}
