// The quick build behind `npm start`: esbuild transpiles what the demo server runs, in seconds, and
// prints each step with its time. The release build (`npm run build`, rollup + TypeScript with
// .d.ts, custom-elements.json and the docs tables) is what `npm test`, the bench and npm packages use;
// this one makes the same JavaScript for running, and nothing else:
//   1. @shoptag/sdk         packages/sdk/dist/**/*.js (the server imports it)
//   2. CDN bundle           packages/elements/dist/cdn/shoptag.js + chunks/ (served at /shoptag.js)
//   3. owner console        packages/elements/dist/admin/shoptag-admin.js + chunks/ + index.html (served at /admin/)
//   4. reference server     packages/reference-server/dist/**/*.js + migrations and other assets
// `--if-stale` does nothing when every output is newer than every source (a release build counts).
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => join(ROOT, path);

/** What `npm start` runs; the newest source must be older than the oldest of these. */
export const START_OUTPUTS = [
  'packages/sdk/dist/index.js',
  'packages/sdk/dist/contract/index.js',
  'packages/elements/dist/cdn/shoptag.js',
  'packages/elements/dist/admin/shoptag-admin.js',
  'packages/reference-server/dist/cli.js',
];
const SOURCES = [
  'packages/sdk/src',
  'packages/sdk/package.json',
  'packages/elements/src',
  'packages/elements/package.json',
  'packages/reference-server/src',
  'packages/reference-server/package.json',
  'package-lock.json',
  'scripts/start-build.mjs',
];
/** Files the server reads next to its code (migrations, demo assets), copied from src to dist as they are. */
const SERVER_ASSETS = /\.(sql|json|html|css|svg)$/;

function walk(dir, keep) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, keep) : keep(name) ? [path] : [];
  });
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function isStale() {
  const outputs = START_OUTPUTS.map(at);
  if (outputs.some((o) => !existsSync(o))) return true;
  const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return Math.max(...SOURCES.map((s) => newestMtime(at(s)))) > oldestOutput;
}

const sources = (pkg) => walk(at(`packages/${pkg}/src`), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

/** One package's sources, file for file (imports stay as written, as the rollup library build keeps them). */
async function transpile(pkg, platform) {
  await esbuild.build({
    entryPoints: sources(pkg),
    outdir: at(`packages/${pkg}/dist`),
    outbase: at(`packages/${pkg}/src`),
    tsconfig: at(`packages/${pkg}/tsconfig.json`),
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/**
 * Rollup knows the elements' `DEV_MODE` (internal/dev.ts) is the constant `false` in every module of
 * the CDN bundle and drops each `if (DEV_MODE)` branch with its message; esbuild does not carry a
 * constant across modules, so its branches are turned off where they are written. Any other use of
 * `DEV_MODE` stops the build rather than leaving development-only code in the bundle.
 */
const devModeOff = {
  name: 'dev-mode-off',
  setup(build) {
    build.onLoad({ filter: /packages\/elements\/src\/.*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (args.path.endsWith('/internal/dev.ts') || !/\bDEV_MODE\b/.test(source)) return undefined;
      const code = source
        .replace(/\bif \(DEV_MODE\)/g, 'if (false)')
        .replace(/import \{([^}]*)\} from '((?:\.\.?\/)+internal\/dev\.js)';/, (_, names, from) => {
          const rest = names
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n && n !== 'DEV_MODE');
          return rest.length ? `import { ${rest.join(', ')} } from '${from}';` : '';
        });
      const uncommented = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      if (/\bDEV_MODE\b/.test(uncommented))
        throw new Error(`${relative(ROOT, args.path)}: DEV_MODE is used other than as if (DEV_MODE) …`);
      return { contents: code, loader: 'ts' };
    });
  },
};

/**
 * A browser bundle as the rollup CDN and console builds make it: self-contained, minified, split
 * into chunks loaded on first use; production NODE_ENV for Lit and nanostores and the dev-mode
 * constant off (no W003/W010/W011). Empties `outdir` first.
 */
async function browserBundle(entryPoints, outdir) {
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: at('packages/elements/tsconfig.json'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['production'],
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"', __SHOPTAG_DEV_MODE__: 'false' },
    plugins: [devModeOff],
    logLevel: 'warning',
  });
}

const STEPS = [
  ['@shoptag/sdk', () => transpile('sdk', 'neutral')],
  [
    'CDN bundle /shoptag.js',
    async () => {
      // As the rollup CDN build: self-contained, minified, one chunk per element loaded on first use;
      // production NODE_ENV for Lit and nanostores and the dev-mode constant off (no W003/W010/W011).
      await browserBundle({ shoptag: at('packages/elements/src/cdn.ts') }, at('packages/elements/dist/cdn'));
    },
  ],
  [
    'owner console /admin/',
    async () => {
      // As the rollup console build: self-contained and minified, one chunk per area.
      const outdir = at('packages/elements/dist/admin');
      await browserBundle({ 'shoptag-admin': at('packages/elements/src/admin/main.ts') }, outdir);
      cpSync(at('packages/elements/src/admin/index.html'), join(outdir, 'index.html'));
    },
  ],
  [
    '@shoptag/reference-server',
    async () => {
      await transpile('reference-server', 'node');
      const src = at('packages/reference-server/src');
      for (const file of walk(src, (name) => SERVER_ASSETS.test(name)))
        cpSync(file, join(at('packages/reference-server/dist'), relative(src, file)));
      chmodSync(at('packages/reference-server/dist/cli.js'), 0o755);
    },
  ],
];

export async function startBuild({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const started = performance.now();
  log('Building for npm start (esbuild; `npm run build` is the full release build):');
  for (const [index, [name, run]] of STEPS.entries()) {
    const stepStarted = performance.now();
    process.stderr.write(`  [${index + 1}/${STEPS.length}] ${name} … `);
    await run();
    process.stderr.write(`${((performance.now() - stepStarted) / 1000).toFixed(1)} s\n`);
  }
  log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s; starting the server …`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  try {
    await startBuild();
  } catch (error) {
    // esbuild has printed the errors with their files and lines.
    process.stderr.write(`\nbuild failed${error instanceof Error && !error.errors ? `: ${error.message}` : ''}\n`);
    process.exit(1);
  }
}
