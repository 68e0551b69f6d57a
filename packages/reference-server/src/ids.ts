import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * `prefix_` and `length` base62 characters from the CSPRNG, without modulo bias (bytes ≥ 248 are
 * drawn again). 26 characters carry ~154 bits: enough for an id that is also a capability.
 */
export function randomId(prefix: string, length = 26): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return `${prefix}_${out}`;
}
