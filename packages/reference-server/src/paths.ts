import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package directory: this file sits one level below it in both `src/` and `dist/`. */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The demo shop's pages: the repository's `examples/demo-shop` (edits show without a rebuild), else
 * the copy the build puts in `dist/demo-shop` (what an npm install has); null when neither exists.
 */
export function findDemoShopDir(): string | null {
  const inRepository = basename(resolve(PACKAGE_DIR, '..')) === 'packages';
  const candidates = [
    ...(inRepository ? [resolve(PACKAGE_DIR, '../../examples/demo-shop')] : []),
    join(PACKAGE_DIR, 'dist/demo-shop'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Where the elements' CDN bundle is: resolved through the `@shoptag/elements` dependency, so it is
 * the same in the repository (a workspace link) and in an npm install. It may not be built yet.
 */
export function findElementsCdnDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve('@shoptag/elements/shoptag.js'));
  } catch {
    try {
      return join(dirname(require.resolve('@shoptag/elements/package.json')), 'dist/cdn');
    } catch {
      return resolve(PACKAGE_DIR, '../elements/dist/cdn');
    }
  }
}

/** Where the owner's console is built (`@shoptag/elements/dist/admin`), beside the CDN bundle. */
export function findAdminConsoleDir(): string {
  return resolve(findElementsCdnDir(), '../admin');
}

export function readPackageVersion(): string {
  const pkg: unknown = createRequire(import.meta.url)('../package.json');
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : '0.0.0';
}
