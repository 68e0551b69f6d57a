import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import replace from '@rollup/plugin-replace';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) => brotliCompressSync(buf).length;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** Bundles `code` (an ES module importing our built packages) the way an app bundler would, minified. */
async function bundledSize(code) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      {
        name: 'virtual',
        resolveId: (id) => (id === 'entry' ? id : null),
        load: (id) => (id === 'entry' ? code : null),
      },
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      terser({ format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
  await bundle.close();
  const buf = Buffer.from(output.map((o) => (o.type === 'chunk' ? o.code : '')).join(''));
  return { raw: buf.length, gzip: gz(buf), brotli: br(buf) };
}

/** Sizes of what users download: the CDN script (entry, all chunks) and the SDK as an app bundles it. */
export async function measureSizes() {
  const cdnDir = 'packages/elements/dist/cdn';
  if (!existsSync(join(cdnDir, 'shoptag.js')))
    throw new Error('packages/elements/dist/cdn/shoptag.js is missing: run npm run build');
  const entry = readFileSync(join(cdnDir, 'shoptag.js'));
  // Each file travels (and is compressed) on its own, so sum per-file sizes.
  const every = files(cdnDir).map((f) => readFileSync(f));
  const sum = (fn) => every.reduce((n, buf) => n + fn(buf), 0);
  return [
    {
      id: 'sizes.cdn-entry',
      name: 'shoptag.js (CDN entry: loader)',
      raw: entry.length,
      gzip: gz(entry),
      brotli: br(entry),
    },
    {
      id: 'sizes.cdn-all',
      name: `shoptag.js + every chunk (${every.length} files)`,
      raw: sum((b) => b.length),
      gzip: sum(gz),
      brotli: sum(br),
    },
    {
      id: 'sizes.sdk-client',
      name: '@shoptag/sdk (createShopClient, bundled)',
      ...(await bundledSize("export { createShopClient } from '@shoptag/sdk';")),
    },
    {
      id: 'sizes.sdk-all',
      name: '@shoptag/sdk (every export, bundled)',
      ...(await bundledSize("export * from '@shoptag/sdk';")),
    },
  ];
}
