/** A value that survives a JSON round trip, which is what a shared cache can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Short-lived shared state: Redis when configured, otherwise in this process. Values are JSON;
 * callers validate what they read back, as another process (or version) may have written it.
 */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  /** Where the cache lives, for the startup banner; never contains a password. */
  readonly description: string;
  get(key: string): Promise<JsonValue | undefined>;
  set(key: string, value: JsonValue, ttlMs: number): Promise<void>;
  /**
   * A string stored as it is, without JSON around it: for large serialized values (response
   * bodies), which would otherwise be escaped on every write and parsed on every read. Read a
   * key with the pair of methods it was written with.
   */
  getText(key: string): Promise<string | undefined>;
  /** `text` may be given as its UTF-8 bytes, when the caller has them, so it is not encoded again. */
  setText(key: string, text: string | Buffer, ttlMs: number): Promise<void>;
  /**
   * Bytes stored as they are (binary-safe: compressed response bodies). Read a key written with
   * `setBytes` only with `getBytes`.
   */
  getBytes(key: string): Promise<Buffer | undefined>;
  setBytes(key: string, bytes: Buffer, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Whether the cache answers, for health checks (without waiting while it is known to be down). */
  ping(): Promise<boolean>;
  /**
   * For a shared cache that can be lost (Redis behind a fallback): runs `hook` after every
   * outage, once the shared cache answers again and before any call reads it again. Writes made
   * during the outage reached only this process, so the shared copy may be older than them: a
   * hook brings it up to date through `shared`, which reaches the shared cache directly. Absent
   * on caches that cannot be lost.
   */
  onRecovery?(hook: (shared: Cache) => Promise<void>): void;
  close(): Promise<void>;
}
