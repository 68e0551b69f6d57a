// One rollup config for the whole monorepo, built in order: SDK → elements → CDN bundle → server.
// Library builds keep bare imports external and emit .d.ts; the CDN bundle is self-contained.
import { readdirSync, statSync, cpSync, existsSync, chmodSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import replace from '@rollup/plugin-replace';

const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

// zod and lit print annotation/circularity warnings from node_modules; anything else is ours to fix.
function onwarn(warning, warn) {
  const fromDeps = (warning.id ?? warning.ids?.[0] ?? warning.message ?? '').includes('node_modules');
  if (fromDeps && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code)) return;
  warn(warning);
}

function ts(pkg, extra = {}) {
  return typescript({
    tsconfig: `packages/${pkg}/tsconfig.json`,
    compilerOptions: {
      module: 'NodeNext',
      customConditions: [],
      outDir: `packages/${pkg}/dist`,
      declarationDir: `packages/${pkg}/dist`,
      rootDir: resolve(`packages/${pkg}/src`),
      sourceMap: true,
      // Maps carry their sources, so a debugger shows TypeScript without looking for files.
      inlineSources: true,
      ...extra,
    },
    // Patterns are relative to the repo root, not to rootDir (the plugin's default filter base).
    filterRoot: process.cwd(),
    include: [`packages/${pkg}/src/**/*.ts`],
    exclude: ['**/*.test.ts'],
    noEmitOnError: true,
  });
}

/** Copies non-TS assets (SQL migrations …) from src to dist, keeping their paths. */
function copyAssets(pkg, pattern) {
  return {
    name: 'copy-assets',
    writeBundle() {
      const walk = (dir) =>
        readdirSync(dir).flatMap((name) => {
          const p = join(dir, name);
          return statSync(p).isDirectory() ? walk(p) : pattern.test(name) ? [p] : [];
        });
      const src = `packages/${pkg}/src`;
      if (!existsSync(src)) return;
      for (const file of walk(src)) cpSync(file, file.replace(`${src}/`, `packages/${pkg}/dist/`));
    },
  };
}

/** Copies a directory into dist (the demo shop, so a server installed from npm serves it too). */
function copyDir(from, to) {
  return {
    name: 'copy-dir',
    writeBundle() {
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true });
    },
  };
}

/** Copies one file into the output (the console's HTML page). */
function copyFile(from, to) {
  return { name: 'copy-file', writeBundle: () => cpSync(from, to) };
}

/** Marks a built file executable, so its shebang works when it is run directly (`./dist/cli.js`). */
function executable(file) {
  return {
    name: 'executable',
    writeBundle() {
      if (existsSync(file)) chmodSync(file, 0o755);
    },
  };
}

/** Empties an output directory first, so hashed chunks of earlier builds are not served or measured. */
function cleanDir(dir) {
  return { name: 'clean-dir', buildStart: () => rmSync(dir, { recursive: true, force: true }) };
}

// The CDN bundle is a production build: NODE_ENV for Lit and nanostores, and our dev-mode constant
// (packages/elements/src/internal/dev.ts) off, so every dev-only check and its warning text is dropped.
const productionBuild = replace({
  preventAssignment: true,
  values: { 'process.env.NODE_ENV': JSON.stringify('production'), __SHOPTAG_DEV_MODE__: 'false' },
});

export default [
  {
    input: {
      index: 'packages/sdk/src/index.ts',
      'contract/index': 'packages/sdk/src/contract/index.ts',
      'admin/index': 'packages/sdk/src/admin/index.ts',
    },
    output: {
      dir: 'packages/sdk/dist',
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'packages/sdk/src',
    },
    external,
    plugins: [ts('sdk')],
    onwarn,
  },
  {
    input: { index: 'packages/elements/src/index.ts', define: 'packages/elements/src/define.ts' },
    output: {
      dir: 'packages/elements/dist',
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'packages/elements/src',
    },
    external,
    plugins: [ts('elements')],
    onwarn,
  },
  {
    // The CDN script: self-contained, minified; every tag registered, each element's code split into
    // its own chunk and loaded on first use.
    input: { shoptag: 'packages/elements/src/cdn.ts' },
    output: {
      dir: 'packages/elements/dist/cdn',
      format: 'esm',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Two shared chunks every element needs: Lit, and the SDK with our element internals. Stripe's
      // loader is its own chunk, imported by <shop-checkout> only when the shop takes Stripe payments.
      // Each language but English is a chunk of its own (`locale-de` …), loaded by pages that speak it;
      // English and the catalogue's code are in core.
      manualChunks: (id) => {
        const language = /elements\/src\/i18n\/locales\/([a-z]+)\//.exec(id)?.[1];
        if (language && language !== 'en') return `locale-${language}`;
        return /node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id)
          ? 'lit'
          : /packages\/(sdk\/src|elements\/src\/(internal|styles|events|i18n))\/|node_modules\/tslib\//.test(id)
            ? 'core'
            : /node_modules\/@stripe\/stripe-js\//.test(id)
              ? 'stripe-js'
              : undefined;
      },
    },
    plugins: [
      cleanDir('packages/elements/dist/cdn'),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
      ts('elements', { declaration: false, declarationDir: undefined, outDir: 'packages/elements/dist/cdn' }),
      // After TypeScript, so it replaces in emitted JavaScript (not in the `declare const` line).
      productionBuild,
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    onwarn,
  },
  {
    // The owner's console, served at /admin by the server: self-contained and minified like the CDN
    // script, but its own build, so shop pages never load it. Each area's screens are a chunk.
    input: { 'shoptag-admin': 'packages/elements/src/admin/main.ts' },
    output: {
      dir: 'packages/elements/dist/admin',
      format: 'esm',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: (id) => {
        const language = /elements\/src\/(?:admin\/)?i18n\/locales\/([a-z]+)\//.exec(id)?.[1];
        if (language && language !== 'en') return `${id.includes('/admin/') ? 'admin-' : ''}locale-${language}`;
        return undefined;
      },
    },
    plugins: [
      cleanDir('packages/elements/dist/admin'),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
      ts('elements', { declaration: false, declarationDir: undefined, outDir: 'packages/elements/dist/admin' }),
      productionBuild,
      terser({ format: { comments: false }, compress: { passes: 2 } }),
      copyFile('packages/elements/src/admin/index.html', 'packages/elements/dist/admin/index.html'),
    ],
    onwarn,
  },
  {
    input: {
      index: 'packages/reference-server/src/index.ts',
      cli: 'packages/reference-server/src/cli.ts',
      server: 'packages/reference-server/src/server.ts',
    },
    output: {
      dir: 'packages/reference-server/dist',
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'packages/reference-server/src',
    },
    external,
    plugins: [
      ts('reference-server'),
      copyAssets('reference-server', /\.(sql|json|html|css|svg)$/),
      copyDir('examples/demo-shop', 'packages/reference-server/dist/demo-shop'),
      executable('packages/reference-server/dist/cli.js'),
    ],
    onwarn,
  },
];
