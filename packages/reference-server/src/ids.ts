import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn from the CSPRNG in blocks: a call per id cost more than the id itself
// on hot paths (every request gets a request id). Each byte is used once.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let used = 0;

function nextRandomByte(): number {
  if (used >= pool.length) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  return pool[used++]!;
}

/**
 * `length` uniform base62 characters from the CSPRNG, without modulo bias (bytes ≥ 248 are drawn
 * again). The one random sampler of the server: ids, API keys and request ids all come from it.
 */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = nextRandomByte();
    if (byte < 248) out += BASE62[byte % 62];
  }
  return out;
}

/** `prefix_` and `length` random base62 characters. 26 characters carry ~154 bits: enough for an id that is also a capability. */
export function randomId(prefix: string, length = 26): string {
  return `${prefix}_${randomBase62(length)}`;
}
