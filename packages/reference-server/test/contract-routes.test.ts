// The route table of the contract (ROUTES, which the OpenAPI document is generated from) and the
// routes the server mounts are the same set: every contract route is served with the key it names,
// and the server serves nothing under /v1 the contract leaves out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorBody, ROUTES, type RouteSpec } from '@shoptag/sdk/contract';
import { ROUTE_UNKNOWN } from '../src/api/middleware/error-handler.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { mountedRoutes } from './support/mounted-routes.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const routes = Object.entries(ROUTES) as [string, RouteSpec][];

/** Ids of every kind the contract knows; a path parameter gets the first its schema accepts. */
const PLAUSIBLE_IDS = ['prod', 'cat', 'cart', 'cs', 'ord', 'cpn', 'var', 'hold', 'line', 'imp', 'key', 'img'].map(
  (prefix) => `${prefix}_${'Contract'.repeat(4)}`,
);

function plausibleId(spec: RouteSpec, name: string): string {
  const schema = spec.params?.shape[name];
  assert.ok(
    schema,
    `${spec.method.toUpperCase()} ${spec.path}: path parameter :${name} is not in the route's params schema`,
  );
  const id = PLAUSIBLE_IDS.find((candidate) => schema.safeParse(candidate).success);
  assert.ok(id, `${spec.path}: no plausible id for :${name}`);
  return id;
}

function concretePath(spec: RouteSpec): string {
  return spec.path.replace(/:([A-Za-z]+)/g, (_, name: string) => plausibleId(spec, name));
}

/** A contract path with its parameter names blanked, so `/:id` and `/:idOrHandle` compare equal. */
const shapeOf = (path: string) => path.replace(/:[A-Za-z]+/g, ':');

function errorCode(res: TestResponse): string | undefined {
  const parsed = ErrorBody.safeParse(res.body);
  return parsed.success ? parsed.data.error.code : undefined;
}

const describeResponse = (res: TestResponse) => `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;

forEachDatabase('the contract route table and the server', (target) => {
  let app: TestApp;
  /** Each contract route's answer to one request with the key it names and made-up ids. */
  const probes = new Map<string, TestResponse>();

  async function send(spec: RouteSpec, key: string | null): Promise<TestResponse> {
    const hasBody = spec.method !== 'get' && spec.method !== 'delete';
    return app.request(concretePath(spec), {
      method: spec.method.toUpperCase(),
      key,
      ...(hasBody ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
    });
  }

  const keyFor = (spec: RouteSpec) =>
    spec.auth === 'secret' ? app.secretKey : spec.auth === 'publishable' ? app.publishableKey : null;

  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
    for (const [id, spec] of routes) probes.set(id, await send(spec, keyFor(spec)));
  });
  after(() => app.close());

  const probed = () => routes.map(([id, spec]) => ({ id, spec, res: probes.get(id)! }));

  test('every method and path of the contract reaches a handler, never the unknown-route 404', () => {
    const unserved = probed().filter(({ res }) => res.status === 404 && errorCode(res) === ROUTE_UNKNOWN);
    assert.deepEqual(
      unserved.map(({ id, spec }) => `${id}: ${spec.method.toUpperCase()} ${spec.path}`),
      [],
      'contract routes the server does not serve',
    );
  });

  test('a 404 from a contract route is a missing resource in the error shape', () => {
    // The ids are made up, so many routes answer 404: each must say which resource is missing.
    for (const { id, res } of probed())
      if (res.status === 404) assert.equal(errorCode(res), 'resource_missing', `${id}: ${describeResponse(res)}`);
  });

  test('a contract route that succeeds answers its documented status and response shape', () => {
    const succeeded = probed().filter(({ res }) => res.status < 300);
    assert.ok(succeeded.length >= 5, `only ${succeeded.length} routes succeeded with made-up input`);
    for (const { id, spec, res } of succeeded) {
      assert.equal(res.status, spec.status ?? 200, `${id}: ${describeResponse(res)}`);
      const parsed = spec.response.safeParse(res.body);
      assert.ok(parsed.success, `${id}: the answer does not match the contract: ${parsed.error?.message ?? ''}`);
    }
  });

  test('every contract route accepts the key the contract names for it', () => {
    for (const { id, spec, res } of probed())
      assert.ok(res.status !== 401 && res.status !== 403, `${id} (auth ${spec.auth}): ${describeResponse(res)}`);
  });

  test('a contract route marked secret refuses a publishable key, and one marked publishable refuses no key', async () => {
    for (const [id, spec] of routes) {
      if (spec.auth === 'none') continue;
      const res = await send(spec, spec.auth === 'secret' ? app.publishableKey : null);
      assert.equal(res.status, spec.auth === 'secret' ? 403 : 401, `${id}: ${describeResponse(res)}`);
    }
  });

  test('the server mounts no /v1 route that the contract does not list', () => {
    const listed = new Set(routes.map(([, spec]) => `${spec.method} ${shapeOf(spec.path)}`));
    const mounted = mountedRoutes(app.express).filter((r) => r.path === '/v1' || r.path.startsWith('/v1/'));
    assert.ok(
      mounted.length >= routes.length,
      `found only ${mounted.length} mounted /v1 routes: is the walk still seeing the routers?`,
    );
    const unlisted = mounted
      .filter((r) => !listed.has(`${r.method} ${shapeOf(r.path)}`))
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    assert.deepEqual(unlisted, [], 'mounted /v1 routes missing from ROUTES');
  });
});
