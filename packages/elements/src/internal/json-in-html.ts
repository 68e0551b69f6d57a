/** Characters that could end a `<script>` element or start markup, and the line terminators JS once rejected. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for the text of a `<script>` element (JSON-LD, inline data): `<`, `>`, `&`, U+2028 and
 * U+2029 become `\u003c`-style escapes, which JSON parsers read back as the same characters. A
 * product named `</script><script>…` then stays data when the page is serialized and parsed again
 * (a prerendered snapshot, a crawler's cache), with or without a CSP.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
