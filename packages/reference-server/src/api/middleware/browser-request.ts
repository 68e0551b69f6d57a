import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request carries what only browsers send: an `Origin` header (with any value, empty
 * and `null` too: sandboxed frames and privacy modes send those), or the fetch metadata headers
 * `Sec-Fetch-Site`, `Sec-Fetch-Dest` or `Sec-Fetch-User`, which a browser sets on every request to
 * HTTPS or localhost, same-origin GETs without an `Origin` included.
 *
 * `Sec-Fetch-Mode: cors` on its own is not counted: Node's built-in fetch (undici) sends exactly
 * that and nothing else, and browsers never send it without `Sec-Fetch-Site` and `Sec-Fetch-Dest`.
 * Any other `Sec-Fetch-Mode` value is.
 */
export function looksLikeBrowser(headers: IncomingHttpHeaders): boolean {
  if (headers.origin !== undefined) return true;
  if (
    headers['sec-fetch-site'] !== undefined ||
    headers['sec-fetch-dest'] !== undefined ||
    headers['sec-fetch-user'] !== undefined
  )
    return true;
  const mode = headers['sec-fetch-mode'];
  return mode !== undefined && mode !== 'cors';
}
