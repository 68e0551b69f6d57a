// Builds every package (rollup) and the elements' custom-elements.json.
// `--if-stale` skips the build when every output is newer than every source (for `npm start`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUTS = [
  'packages/sdk/dist/index.js',
  'packages/elements/dist/index.js',
  'packages/elements/dist/cdn/shoptag.js',
  'packages/elements/dist/admin/shoptag-admin.js',
  'packages/reference-server/dist/cli.js',
  'packages/elements/custom-elements.json',
];
const SOURCES = [
  'packages/sdk/src',
  'packages/elements/src',
  'packages/reference-server/src',
  'rollup.config.mjs',
  'package-lock.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isStale() {
  if (OUTPUTS.some((o) => !existsSync(o))) return true;
  const oldestOutput = Math.min(...OUTPUTS.map((o) => statSync(o).mtimeMs));
  return Math.max(...SOURCES.map(newestMtime)) > oldestOutput;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\nbuild failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

const started = Date.now();
console.error('Building @shoptag/sdk, @shoptag/elements (+ CDN bundle), @shoptag/reference-server …');
run('npx', ['rollup', '-c', '--silent'], { env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' } });
run(
  'npx',
  [
    'cem',
    'analyze',
    '--litelement',
    '--globs',
    'src/**/*.ts',
    '--exclude',
    'src/**/*.test.ts',
    '--exclude',
    'src/admin/**',
    '--outdir',
    '.',
  ],
  {
    cwd: 'packages/elements',
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
run('node', ['scripts/docs-elements.mjs']);
run('node', ['scripts/docs-env.mjs']);
console.error(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
