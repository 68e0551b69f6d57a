import { createHash } from 'node:crypto';
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
/** A key's last use is written at most this often per process (a busy key costs no write per request). */
export const LAST_USED_INTERVAL_MS = 60_000;
const MAX_CACHED_KEYS = 1_000;

export function hashKey(plaintext: string): string {
  return createHash('sha256').update(plaintext).digest('hex');
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
  /** A failed last-used write (it never fails a request). */
  onError?: (error: unknown) => void;
}

/** Resolves bearer keys to principals, remembering recent lookups in memory. */
export function createApiKeyService(deps: ApiKeyServiceDeps) {
  const ttl = deps.cacheTtlMs ?? DEFAULT_KEY_CACHE_TTL_MS;
  const cache = new Map<string, { principal: Principal | null; expiresAt: number }>();
  const lastTouched = new Map<string, number>();

  /** Records the key's use, at most once a minute per key in this process, off the request path. */
  function touch(keyId: string, at: Date): void {
    const now = at.getTime();
    if (now - (lastTouched.get(keyId) ?? -Infinity) < LAST_USED_INTERVAL_MS) return;
    if (lastTouched.size >= MAX_CACHED_KEYS) lastTouched.clear();
    lastTouched.set(keyId, now);
    deps.keys.touchLastUsed(keyId, at, LAST_USED_INTERVAL_MS).catch((error: unknown) => deps.onError?.(error));
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
      const principal = KEY_FORMAT.test(key) ? await lookup(hashKey(key)) : null;
      if (principal) touch(principal.keyId, deps.clock.now());
      if (!principal) {
        const shown = key.length > 12 ? `${key.slice(0, 12)}…` : key;
        throw new AuthenticationError(`Invalid API key provided: ${shown}`, { code: 'api_key_invalid' });
      }
      return principal;
    },

    /** Forgets cached lookups, e.g. after allowed origins change. */
    invalidate(): void {
      cache.clear();
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
