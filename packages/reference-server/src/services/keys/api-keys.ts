import * as crypto from 'node:crypto';
import type { Clock } from '../../clock.js';
import { AuthenticationError } from '../../errors.js';
import { randomBase62 } from '../../ids.js';
import type { ApiKeyKind, ApiKeyMode, ApiKeyRepository } from '../../store/api-key-repository.js';

/** Who is calling, as established from the `Authorization` header. */
export interface Principal {
  keyId: string;
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  /** Origins a browser may call from with this key; `*` allows any. */
  allowedOrigins: readonly string[];
}

const KEY_FORMAT = /^(pk|sk)_(test|live)_[A-Za-z0-9]{24,128}$/;
/** 32 base62 characters ≈ 190 bits. */
const KEY_RANDOM_LENGTH = 32;
/**
 * How long a process remembers a lookup. Keys are changed by other processes too (the CLI, the
 * admin API on another server), so this bounds how long a revocation or an origin change takes to
 * reach every process: seconds, without a restart. One indexed read per key per process per TTL.
 */
export const DEFAULT_KEY_CACHE_TTL_MS = 5_000;
/** How often a server writes the last uses it has seen (one statement for every key used meanwhile). */
export const LAST_USED_INTERVAL_MS = 60_000;
const MAX_CACHED_KEYS = 1_000;

// One-shot `crypto.hash` (Node ≥ 20.12) is several times cheaper than a Hash object, and every
// keyed request hashes its key.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function hashKey(plaintext: string): string {
  return sha256Hex(plaintext);
}

/** What people are shown of a key once it exists (`sk_test_AbCd…`): enough to tell keys apart, not to use one. */
export function displayPrefix(plaintext: string): string {
  return `${plaintext.slice(0, 12)}…`;
}

/** A new key such as `pk_test_…`, with its hash and the prefix shown to people. */
export function generateKey(kind: ApiKeyKind, mode: ApiKeyMode) {
  const plaintext = `${kind === 'publishable' ? 'pk' : 'sk'}_${mode}_${randomBase62(KEY_RANDOM_LENGTH)}`;
  return { plaintext, keyHash: hashKey(plaintext), displayPrefix: displayPrefix(plaintext) };
}

export function isOriginAllowed(principal: Principal, origin: string): boolean {
  return principal.allowedOrigins.includes('*') || principal.allowedOrigins.includes(origin);
}

export interface ApiKeyServiceDeps {
  keys: ApiKeyRepository;
  clock: Clock;
  /** How long a lookup is remembered in this process; a revoked key stops working within it. */
  cacheTtlMs?: number;
}

/** Resolves bearer keys to principals, remembering recent lookups in memory. */
export function createApiKeyService(deps: ApiKeyServiceDeps) {
  const ttl = deps.cacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS;
  const cache = new Map<string, { principal: Principal | null; expiresAt: number }>();
  /** Last uses seen since the last flush, by key id: requests write nothing. */
  const used = new Map<string, Date>();

  /**
   * Publishable keys are public (every storefront page shows its own), so their hashes are
   * remembered rather than computed on each request; secret keys are hashed every time and never
   * kept.
   */
  const publishableHashes = new Map<string, string>();
  function hashOf(key: string): string {
    if (!key.startsWith('pk_')) return hashKey(key);
    let keyHash = publishableHashes.get(key);
    if (keyHash === undefined) {
      if (publishableHashes.size >= MAX_CACHED_KEYS) publishableHashes.clear();
      publishableHashes.set(key, (keyHash = hashKey(key)));
    }
    return keyHash;
  }

  async function lookup(keyHash: string): Promise<Principal | null> {
    const at = deps.clock.now();
    const now = at.getTime();
    const hit = cache.get(keyHash);
    if (hit && hit.expiresAt > now) return hit.principal;
    const row = await deps.keys.findActiveByHash(keyHash, at);
    const principal = row && { keyId: row.id, kind: row.kind, mode: row.mode, allowedOrigins: row.allowed_origins };
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    cache.set(keyHash, { principal, expiresAt: now + ttl });
    return principal;
  }

  return {
    /** The principal for an `Authorization` header value, or an {@link AuthenticationError}. */
    async authenticate(authorization: string | undefined): Promise<Principal> {
      if (!authorization) {
        throw new AuthenticationError('No API key provided. Send it as "Authorization: Bearer <key>".', {
          code: 'api_key_missing',
        });
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) {
        throw new AuthenticationError('The Authorization header must be "Bearer <key>".', { code: 'api_key_missing' });
      }
      const key = match[1] ?? '';
      const principal = KEY_FORMAT.test(key) ? await lookup(hashOf(key)) : null;
      if (principal && used.size < MAX_CACHED_KEYS) used.set(principal.keyId, deps.clock.now());
      if (!principal) {
        const shown = key.length > 12 ? `${key.slice(0, 12)}…` : key;
        throw new AuthenticationError(`Invalid API key provided: ${shown}`, { code: 'api_key_invalid' });
      }
      return principal;
    },

    /**
     * The principal of a publishable key this process looked up recently and still trusts, without
     * waiting: for answers made without a promise (a cached catalog read). `undefined` for anything
     * else — another header, a secret key, a key not seen lately, a refused key — which
     * {@link authenticate} then decides.
     */
    knownPublishable(authorization: string | undefined): Principal | undefined {
      if (authorization === undefined || !authorization.startsWith('Bearer pk_')) return undefined;
      const key = authorization.slice(7);
      const keyHash = publishableHashes.get(key);
      if (keyHash === undefined) return undefined;
      const hit = cache.get(keyHash);
      const at = deps.clock.now();
      if (!hit || !hit.principal || hit.expiresAt <= at.getTime()) return undefined;
      if (used.size < MAX_CACHED_KEYS) used.set(hit.principal.keyId, at);
      return hit.principal;
    },

    /**
     * Writes the last uses seen since the previous call, in one statement (the server calls it
     * every {@link LAST_USED_INTERVAL_MS} and on close), so no request waits on, or writes, it.
     */
    async flushLastUsed(): Promise<void> {
      if (used.size === 0) return;
      const batch = [...used];
      used.clear();
      await deps.keys.recordLastUsed(batch.map(([id, at]) => ({ id, at })));
    },

    /** Forgets cached lookups, e.g. after allowed origins change. */
    invalidate(): void {
      cache.clear();
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
