import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * `length` uniform base62 characters from the CSPRNG, without modulo bias (bytes ≥ 248 are drawn
 * again). The one random sampler of the server: ids, API keys and request ids all come from it.
 */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** `prefix_` and `length` random base62 characters. 26 characters carry ~154 bits: enough for an id that is also a capability. */
export function randomId(prefix: string, length = 26): string {
  return `${prefix}_${randomBase62(length)}`;
}
