// Element tests in real Chromium against real reference servers (in memory, seeded), started here
// and closed when the run ends. Run from the repository root after `npm run build`:
//   npx wtr --config packages/elements/web-test-runner.config.mjs
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { tsImport } from 'tsx/esm/api';
import { startServer } from '@shoptag/reference-server';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// A second server takes payments through Stripe: the real `stripe` library against the local
// Stripe API stand-in of the server tests (there is no network here), which the page's Stripe.js
// stand-in (src/testing/stripe-js-stand-in.js) calls too.
const { startStripeStandIn } = await tsImport('../reference-server/test/support/stripe-stand-in.ts', import.meta.url);
const stripeApi = await startStripeStandIn();
const stripeEnv = { ...process.env, STRIPE_SECRET_KEY: 'sk_test_stand_in', STRIPE_PUBLISHABLE_KEY: 'pk_test_stand_in' };
const common = { port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true };
const [shop, stripeShop] = await Promise.all([
  startServer(common),
  startServer({ ...common, env: stripeEnv, stripeApi: stripeApi.api }),
]);
// The first shop also through a link a test can cut and restore (a real outage, no mock):
// `executeServerCommand('shop-link', { up: false })` refuses connections until `{ up: true }`.
const { startSwitchableLink } = await tsImport('../reference-server/test/support/switchable-link.ts', import.meta.url);
const link = await startSwitchableLink(shop.url);
const testShop = {
  endpoint: shop.url,
  linkEndpoint: link.url,
  publishableKey: shop.publishableKey,
  adminApiPath: '/test-admin-api',
  stripe: {
    endpoint: stripeShop.url,
    publishableKey: stripeShop.publishableKey,
    api: `http://${stripeApi.api.host}:${stripeApi.api.port}`,
  },
};

/** Closes the reference servers when the test run's dev server stops. */
const referenceServer = {
  name: 'shoptag-reference-server',
  async serverStop() {
    await link.close();
    await Promise.all([shop.close(), stripeShop.close()]);
    await stripeApi.close();
  },
};

/** `shop-link` command: cuts (`{ up: false }`) or restores (`{ up: true }`) the link to the shop. */
const shopLink = {
  name: 'shoptag-shop-link',
  async executeCommand({ command, payload }) {
    if (command !== 'shop-link') return undefined;
    await (payload?.up ? link.up() : link.down());
    return true;
  },
};

/**
 * `admin-call` command: an admin API call with the first shop's secret key, made from Node
 * (server to server, as a back office would; secret keys never travel from a browser), e.g. to
 * ship an order whose status page a test then reads. Answers `{ status, body }`.
 */
const adminCall = {
  name: 'shoptag-admin-call',
  async executeCommand({ command, payload }) {
    if (command !== 'admin-call') return undefined;
    const res = await fetch(`${shop.url}${payload.path}`, {
      method: payload.method ?? 'GET',
      headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json' },
      ...(payload.body === undefined ? {} : { body: JSON.stringify(payload.body) }),
    });
    return { status: res.status, body: await res.json() };
  },
};

/**
 * `/test-admin-api/v1/admin/…` → the first shop's admin API with its secret key, for the console
 * screens' element tests: the real server answers, the page never sees the key, and screens are
 * tested apart from signing in (the staff session has tests of its own).
 */
const ADMIN_API = '/test-admin-api';
async function adminApiProxy(ctx, next) {
  if (!ctx.path.startsWith(`${ADMIN_API}/v1/admin/`)) return next();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = { authorization: `Bearer ${shop.secretKey}` };
  for (const name of ['content-type', 'idempotency-key']) if (ctx.get(name)) headers[name] = ctx.get(name);
  const answer = await fetch(`${shop.url}${ctx.url.slice(ADMIN_API.length)}`, {
    method: ctx.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  ctx.status = answer.status;
  ctx.set('content-type', answer.headers.get('content-type') ?? 'application/json');
  ctx.body = Buffer.from(await answer.arrayBuffer());
}

/**
 * `admin-request` command: the console's requests, sent from Node with the shop's secret key (a
 * secret key is refused from a browser) to the real server, until console tests sign in with a
 * staff session. Bodies travel base64-encoded both ways.
 */
const adminRequest = {
  name: 'shoptag-admin-request',
  async executeCommand({ command, payload }) {
    if (command !== 'admin-request') return undefined;
    const headers = { ...payload.headers, authorization: `Bearer ${shop.secretKey}` };
    for (const name of Object.keys(headers)) if (/^(origin|cookie|x-csrf-token)$/i.test(name)) delete headers[name];
    const res = await fetch(`${shop.url}${payload.path}`, {
      method: payload.method,
      headers,
      body: payload.body === null ? undefined : Buffer.from(payload.body, 'base64'),
    });
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    };
  },
};

/** Fails the run when it ran no test at all (a broken glob or an empty file must not pass). */
function requireTests() {
  let tests = 0;
  const count = (suite) => {
    tests += suite.tests.length;
    for (const child of suite.suites) count(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) if (session.testResults) count(session.testResults);
      // Other failures are reported (and fail the run) already; this catches a run that passed vacuously.
      if (tests === 0 && sessions.every((s) => s.passed)) {
        console.error('\nNo tests ran: failing the run.');
        setTimeout(() => process.exit(1), 0);
      }
    },
  };
}

export default {
  rootDir: repoRoot,
  files: ['packages/elements/src/**/*.test.ts', '!packages/elements/src/testing/**'],
  nodeResolve: { exportConditions: ['browser', 'shoptag-source'] },
  middleware: [adminApiProxy],
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000, ...(process.env.WTR_GREP ? { grep: process.env.WTR_GREP } : {}) } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // The root tsconfig carries experimentalDecorators + useDefineForClassFields: false (esbuild does
  // not follow `extends`, so it reads the root file directly), matching the rollup build.
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    }),
    referenceServer,
    shopLink,
    adminRequest,
    adminCall,
  ],
  reporters: [defaultReporter(), requireTests()],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <script>
      window.process = { env: { NODE_ENV: 'development' } };
      window.__SHOPTAG_TEST__ = ${JSON.stringify(testShop)};
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
