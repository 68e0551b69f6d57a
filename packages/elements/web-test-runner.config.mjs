// Element tests in real Chromium against a real reference server (in memory, seeded), started here
// and closed when the run ends. Run from the repository root after `npm run build`:
//   npx wtr --config packages/elements/web-test-runner.config.mjs
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startServer } from '@shoptag/reference-server';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const shop = await startServer({ port: 0, memory: true, seed: true, allowedOrigins: ['*'], quiet: true });
const testShop = { endpoint: shop.url, publishableKey: shop.publishableKey };

/** Closes the reference server when the test run's dev server stops. */
const referenceServer = {
  name: 'shoptag-reference-server',
  async serverStop() {
    await shop.close();
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
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000, ...(process.env.WTR_GREP ? { grep: process.env.WTR_GREP } : {}) } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
  // The root tsconfig carries experimentalDecorators + useDefineForClassFields: false (esbuild does
  // not follow `extends`, so it reads the root file directly), matching the rollup build.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) }), referenceServer],
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
