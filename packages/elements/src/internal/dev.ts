/**
 * Dev-mode switch. The CDN build replaces `process.env.NODE_ENV` with "production", so every
 * `if (DEV_MODE)` branch is dropped by the minifier; bundlers of the npm build do the same.
 * Without a bundler (no `process` at all) we stay in dev mode rather than throw.
 */
export const DEV_MODE: boolean = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
})();

const issued = new Set<string>();

/**
 * Prints a warning once per code and message, e.g. `[shoptag W001] …`. Codes are stable so they can
 * be searched in the docs.
 */
export function warn(code: string, message: string): void {
  const key = `${code} ${message}`;
  if (issued.has(key)) return;
  issued.add(key);
  console.warn(`[shoptag ${code}] ${message}`);
}
