/**
 * The CDN entry stores its own origin under this registered symbol on globalThis (not in module
 * state, so the element chunks can read it without importing the entry back).
 */
export const SCRIPT_ORIGIN_KEY = Symbol.for('shoptag.scriptOrigin');

/** The origin that served the CDN script, when the elements came from it. */
export function scriptOrigin(): string | undefined {
  return (globalThis as { [SCRIPT_ORIGIN_KEY]?: string })[SCRIPT_ORIGIN_KEY];
}
