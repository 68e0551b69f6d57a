/**
 * Set at build time: the CDN bundle's rollup build replaces it with `false` (@rollup/plugin-replace).
 * Not replaced anywhere else, so `typeof` finds it undefined there.
 */
declare const __SHOPTAG_DEV_MODE__: boolean | undefined;

/** Dev mode by the app's `NODE_ENV` (app bundlers replace it); without a bundler (no `process`) it stays on. */
function nodeEnvIsNotProduction(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

/**
 * Dev-mode switch: guards checks that only help while a page is being built (warnings W003, W010,
 * W011). In the CDN bundle it is the constant `false`, so rollup and the minifier drop every
 * `if (DEV_MODE)` branch with its message (a test fails if one of those codes is in the bundle).
 * From the npm build or the sources (the `development` export condition) it follows `NODE_ENV`,
 * on unless that is `production`.
 */
export const DEV_MODE: boolean =
  typeof __SHOPTAG_DEV_MODE__ === 'boolean' ? __SHOPTAG_DEV_MODE__ : nodeEnvIsNotProduction();

const issued = new Set<string>();

/**
 * Prints a warning once per code and message, e.g. `[shoptag W001] …`. Codes are stable so they can
 * be searched in the docs. Warnings about misconfiguration (W001, W002) are printed in every build;
 * development-only ones are called under `if (DEV_MODE)` so production bundles leave them out.
 */
export function warn(code: string, message: string): void {
  const key = `${code} ${message}`;
  if (issued.has(key)) return;
  issued.add(key);
  console.warn(`[shoptag ${code}] ${message}`);
}
