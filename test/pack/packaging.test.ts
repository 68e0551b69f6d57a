// The three packages as a user gets them from npm: packed, installed from their tarballs into a
// project outside the repository (dependencies from the registry), then used there the way the
// READMEs say — Node ESM, TypeScript, a bundler with and without the `development` condition,
// a tag in Chromium against `npx shoptag-server start --demo`. Needs the build (`npm test` builds
// first) and the npm registry.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright';
import semver from 'semver';
import { bareImportsOf, jsFiles, packageOf, undeclaredImports } from './support/dist-imports.js';
import { startInstalledServer, type InstalledServer } from './support/installed-server.js';
import { createScratchProject, run, type PackedPackage, type ScratchProject } from './support/scratch-project.js';

let project: ScratchProject;
/** Started in `before` and awaited by the tests that need it, so it boots while the others run. */
let serverStarting: Promise<InstalledServer> | undefined;
let pageServer: Server | undefined;
let browser: Browser | undefined;
/** The page server's origin (bundles and the test page), allowed by the demo publishable key. */
let pageOrigin = '';

const SETUP_TIMEOUT_MS = 8 * 60_000;

before(
  async () => {
    project = await createScratchProject();
    pageServer = createServer((req, res) => {
      const file = join(project.dir, 'public', normalize(decodeURIComponent(req.url ?? '/').split('?')[0]!));
      if (!file.startsWith(join(project.dir, 'public')) || !existsSync(file)) return res.writeHead(404).end();
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
      res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => pageServer!.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    serverStarting = startInstalledServer(project.dir, { SHOPTAG_ALLOWED_ORIGINS: pageOrigin });
    serverStarting.catch(() => {}); // reported by the tests that await it
  },
  { timeout: SETUP_TIMEOUT_MS },
);

after(async () => {
  await browser?.close();
  await serverStarting?.then((started) => started.stop()).catch(() => {});
  await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
  project?.remove();
});

const packageNamed = (name: string): PackedPackage => {
  const found = project.packages.find((p) => p.name === name);
  assert.ok(found, `${name} was packed`);
  return found;
};
const installedDir = (name: string) => join(project.dir, 'node_modules', name);
const paths = (p: PackedPackage) => p.files.map((f) => f.path);

/** The npm-installed demo server, once it is ready. */
const installedServer = () => {
  assert.ok(serverStarting, 'the server was started');
  return serverStarting;
};

/** Runs a Node script in the scratch project. */
const node = (args: string[]) => run(process.execPath, args, { cwd: project.dir, timeoutMs: 120_000 });

test('installing the three tarballs on Node 20 warns about no engine (EBADENGINE)', () => {
  assert.doesNotMatch(project.installLog, /EBADENGINE/);
});

test('every tarball holds dist, its types, a README and a LICENSE; the elements also custom-elements.json', () => {
  for (const p of project.packages) {
    const files = paths(p);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts'])
      assert.ok(files.includes(required), `${p.name} ships ${required}`);
    assert.ok(readFileSync(join(installedDir(p.name), 'README.md'), 'utf8').includes(p.name), `${p.name}'s README`);
    assert.match(readFileSync(join(installedDir(p.name), 'LICENSE'), 'utf8'), /MIT License/);
  }
  const elements = paths(packageNamed('@shoptag/elements'));
  assert.ok(elements.includes('custom-elements.json'));
  assert.ok(elements.includes('dist/cdn/shoptag.js'), 'the CDN bundle');
  assert.ok(elements.includes('dist/admin/shoptag-admin.js'), 'the owner console');
  assert.ok(elements.includes('dist/admin/index.html'), 'the owner console page');
  assert.ok(paths(packageNamed('@shoptag/reference-server')).includes('dist/demo-shop/product.html'), 'the demo shop');
});

test('no tarball ships tests or test stand-ins', () => {
  for (const p of project.packages) {
    const offending = paths(p).filter((f) => /\.test\.|(^|\/)(test|tests|testing|__tests__)\/|stand-in/.test(f));
    assert.deepEqual(offending, [], `${p.name} ships test files`);
  }
});

test('every source map in a tarball embeds its sources or points at files the tarball holds', () => {
  for (const p of project.packages) {
    const files = new Set(paths(p));
    const dangling: string[] = [];
    for (const map of paths(p).filter((f) => f.endsWith('.map'))) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(installedDir(p.name), map), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      sources.forEach((source, i) => {
        if (typeof sourcesContent?.[i] === 'string') return;
        if (!files.has(normalize(join(dirname(map), source)))) dangling.push(`${map} → ${source}`);
      });
    }
    assert.deepEqual(dangling, [], `${p.name} ships source maps whose sources are neither embedded nor shipped`);
  }
});

test('every file the package.json points at (exports, main, types, bin, customElements, sideEffects) is in the tarball', () => {
  const targets = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(targets)
        : [];
  for (const p of project.packages) {
    const { exports, main, types, bin, customElements, sideEffects } = p.manifest;
    const files = new Set(paths(p));
    const named = [exports, main, types, bin, customElements, sideEffects].flatMap(targets);
    const missing = named
      .filter((t) => !t.includes('*'))
      .map((t) => normalize(t))
      .filter((t) => !files.has(t));
    assert.deepEqual(missing, [], `${p.name} points at files it does not ship`);
  }
});

test('no export condition named `development` points at TypeScript sources', () => {
  const conditions = (value: unknown, out: [string, unknown][] = []): [string, unknown][] => {
    if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        out.push([k, v]);
        conditions(v, out);
      }
    return out;
  };
  for (const p of project.packages) {
    const toSources = conditions(p.manifest.exports).filter(
      ([k, v]) => k === 'development' && typeof v === 'string' && /\.tsx?$/.test(v),
    );
    assert.deepEqual(toSources, [], `${p.name}`);
  }
});

test('every package names its repository, homepage, bugs, keywords, author, license and engines', () => {
  for (const p of project.packages) {
    const m = JSON.parse(readFileSync(join(installedDir(p.name), 'package.json'), 'utf8')) as PackedPackage['manifest'];
    assert.equal(m.license, 'MIT', p.name);
    assert.equal(m.author, 'The Shoptag authors', p.name);
    assert.match(m.repository?.url ?? '', /github\.com\/shoptag\/shoptag/, p.name);
    assert.equal(m.repository?.directory, `packages/${p.name.replace('@shoptag/', '')}`, p.name);
    assert.match(m.homepage ?? '', /^https:\/\//, p.name);
    assert.match(m.bugs?.url ?? '', /^https:\/\//, p.name);
    assert.ok((m.keywords ?? []).length > 0, p.name);
    assert.ok(semver.satisfies(process.version, m.engines?.node ?? '<0'), `${p.name} engines admit this Node`);
  }
});

test('every bare import in a package’s dist is one of its declared dependencies', () => {
  for (const p of project.packages) {
    const m = p.manifest;
    // A package may name itself (self-reference through its own exports, as its doc comments do).
    const declared = [m.name, ...Object.keys(m.dependencies ?? {}), ...Object.keys(m.peerDependencies ?? {})];
    const dist = join(installedDir(p.name), 'dist');
    const undeclared = undeclaredImports(dist, declared).filter((u) => !u.file.startsWith('cdn/'));
    assert.deepEqual(undeclared, [], `${p.name} imports packages it does not declare`);
  }
});

test('the import scan sees what the elements import, tslib’s decorator helper included', () => {
  const dist = join(installedDir('@shoptag/elements'), 'dist');
  const imported = new Set(
    jsFiles(dist)
      .filter((f) => !f.startsWith('cdn/'))
      .flatMap((f) => bareImportsOf(readFileSync(join(dist, f), 'utf8')).map(packageOf)),
  );
  for (const name of ['lit', '@shoptag/sdk', 'tslib']) assert.ok(imported.has(name), name);
  assert.ok(packageNamed('@shoptag/elements').manifest.dependencies?.tslib, 'and tslib is declared');
});

test('the CDN bundle imports no package at all (it is self-contained)', () => {
  const cdn = join(installedDir('@shoptag/elements'), 'dist/cdn');
  const imports = jsFiles(cdn).flatMap((f) => bareImportsOf(readFileSync(join(cdn, f), 'utf8')));
  assert.deepEqual(imports, []);
});

test('the SDK, the elements and the server import in Node as ESM, and the SDK creates a client', async () => {
  const script = `
    const { createShopClient, isShopError } = await import('@shoptag/sdk');
    await import('@shoptag/sdk/contract');
    const shop = createShopClient({ endpoint: 'http://127.0.0.1:9', publishableKey: 'pk_test_scratch' });
    if (typeof shop.products.list !== 'function' || typeof isShopError !== 'function') throw new Error('no client');
    await import('@shoptag/elements');
    const { startServer } = await import('@shoptag/reference-server');
    if (typeof startServer !== 'function') throw new Error('no startServer');
    console.log('ok');`;
  for (const conditions of [[], ['--conditions=development']]) {
    const result = await node([...conditions, '--input-type=module', '-e', script]);
    assert.equal(result.code, 0, `${conditions.join(' ')}\n${result.stderr}`);
    assert.equal(result.stdout.trim(), 'ok');
  }
});

test('a TypeScript file using the SDK type-checks with TypeScript 5.9 under moduleResolution bundler and node16', async () => {
  writeFileSync(
    join(project.dir, 'use-sdk.ts'),
    `import { createShopClient, isShopError, formatMoney, type Product, type ShopClient, type Money } from '@shoptag/sdk';
import type { ProductList } from '@shoptag/sdk';

const shop: ShopClient = createShopClient({ endpoint: 'https://shop.example.com', publishableKey: 'pk_test_…' });
export async function names(): Promise<string[]> {
  try {
    const page: ProductList = await shop.products.list({ category: 'mugs', limit: 12, sort: 'price_asc' });
    return page.data.map((p: Product) => \`\${p.name} \${formatMoney(p.price, 'en-US')}\`);
  } catch (err) {
    if (isShopError(err)) return [err.code];
    throw err;
  }
}
export const price: Money = { amount: 1999, currency: 'USD' };
// @ts-expect-error: a client rejects options it does not know
createShopClient({ endpoint: 'https://shop.example.com', publishableKey: 'pk_test_…', retry: 3 });
`,
  );
  for (const [module, moduleResolution] of [
    ['esnext', 'bundler'],
    ['node16', 'node16'],
  ] as const) {
    const tsconfig = `tsconfig.${moduleResolution}.json`;
    writeFileSync(
      join(project.dir, tsconfig),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          lib: ['es2023', 'dom'],
          module,
          moduleResolution,
          types: [],
        },
        files: ['use-sdk.ts'],
      }),
    );
    const tsc = await node([join(project.dir, 'node_modules/typescript/bin/tsc'), '-p', tsconfig]);
    assert.equal(tsc.code, 0, `${moduleResolution}:\n${tsc.stdout}${tsc.stderr}`);
  }
  const version = JSON.parse(readFileSync(join(project.dir, 'node_modules/typescript/package.json'), 'utf8')) as {
    version: string;
  };
  assert.match(version.version, /^5\.9\./);
});

/** Bundles an entry that registers the elements with esbuild in the scratch project, under `conditions`. */
async function bundleElements(outfile: string, conditions: string[]): Promise<void> {
  writeFileSync(
    join(project.dir, 'entry.js'),
    `import '@shoptag/elements/define';\nimport { ShopProductGrid } from '@shoptag/elements';\nwindow.ShopProductGrid = ShopProductGrid;\n`,
  );
  const script = `
    import { build } from 'esbuild';
    const result = await build({
      entryPoints: ['entry.js'], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
      outfile: ${JSON.stringify(outfile)}, conditions: ${JSON.stringify(conditions)}, logLevel: 'silent',
    });
    console.log(JSON.stringify({ errors: result.errors.length, warnings: result.warnings.map((w) => w.text) }));`;
  const result = await node(['--input-type=module', '-e', script]);
  assert.equal(result.code, 0, `esbuild with conditions ${JSON.stringify(conditions)}:\n${result.stderr}`);
  assert.deepEqual(JSON.parse(result.stdout), { errors: 0, warnings: [] });
}

test('esbuild bundles @shoptag/elements by default and with the development condition (as Vite and webpack set it)', async () => {
  await bundleElements('public/elements.js', []);
  await bundleElements('public/elements-development.js', ['development']);
  for (const file of ['public/elements.js', 'public/elements-development.js'])
    assert.ok(readFileSync(join(project.dir, file), 'utf8').includes('shop-product-grid'), file);
});

test('a <shop-product-grid> from the esbuild bundle shows the npm-installed server’s products in Chromium', async () => {
  const server = await installedServer();
  if (!existsSync(join(project.dir, 'public/elements-development.js')))
    await bundleElements('public/elements-development.js', ['development']);
  const products = (await (
    await fetch(`${server.url}/v1/products?sort=price_asc&limit=4`, {
      headers: { Authorization: `Bearer ${server.publishableKey}`, Origin: pageOrigin },
    })
  ).json()) as { data: { name: string }[] };
  assert.equal(products.data.length, 4, 'the demo catalogue answers');
  writeFileSync(
    join(project.dir, 'public/index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scratch</title><link rel="icon" href="data:,">
<script type="module" src="/elements-development.js"></script></head><body>
<shop-store endpoint="${server.url}" publishable-key="${server.publishableKey}">
  <shop-product-grid sort="price_asc" limit="4"></shop-product-grid>
</shop-store></body></html>`,
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  page.on('response', (res) => {
    if (res.status() >= 400) pageErrors.push(`${res.status()} ${res.url()}`);
  });
  await page.goto(`${pageOrigin}/index.html`);
  for (const { name } of products.data)
    await page.locator('shop-product-grid').getByText(name, { exact: true }).first().waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate(() => customElements.get('shop-product-grid') !== undefined), true);
  assert.deepEqual(pageErrors, []);
});

test('the npm-installed server serves /shoptag.js and the demo product page', async () => {
  const server = await installedServer();
  const bundle = await fetch(`${server.url}/shoptag.js`);
  assert.equal(bundle.status, 200, await bundle.clone().text());
  assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
  assert.ok((await bundle.text()).length > 1000);

  const product = (await (
    await fetch(`${server.url}/v1/products?limit=1`, { headers: { Authorization: `Bearer ${server.publishableKey}` } })
  ).json()) as { data: { handle: string }[] };
  const handle = product.data[0]!.handle;
  const page = await fetch(`${server.url}/product.html?handle=${encodeURIComponent(handle)}`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /html/);
  const html = await page.text();
  assert.match(html, /<script type="module" src="\/shoptag.js"><\/script>/);
  assert.ok(html.includes(server.publishableKey), 'the page carries the demo publishable key');
  for (const asset of ['product-page.js', 'shop.css']) {
    const res: Response = await fetch(`${server.url}/${asset}`);
    assert.equal(res.status, 200, asset);
  }
});

test('the npm-installed server serves the owner console at /admin/, never framed', async () => {
  const server = await installedServer();
  const page = await fetch(`${server.url}/admin/`);
  assert.equal(page.status, 200, await page.clone().text());
  assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  const html = await page.text();
  assert.match(html, /<shop-admin>/);
  const script = await fetch(`${server.url}/admin/shoptag-admin.js`);
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
});
