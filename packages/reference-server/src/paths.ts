import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package directory: this file sits one level below it in both `src/` and `dist/`. */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The demo shop page of the repository; absent in an npm install, which turns demo mode off. */
export function findDemoShopDir(): string | null {
  const dir = resolve(PACKAGE_DIR, '../../examples/demo-shop');
  return existsSync(dir) ? dir : null;
}

/** Where the elements' CDN bundle is built (it may not be built yet). */
export function findElementsCdnDir(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('@shoptag/elements/package.json');
    return join(dirname(pkg), 'dist/cdn');
  } catch {
    return resolve(PACKAGE_DIR, '../elements/dist/cdn');
  }
}

export function readPackageVersion(): string {
  const pkg: unknown = createRequire(import.meta.url)('../package.json');
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
    ? pkg.version
    : '0.0.0';
}
