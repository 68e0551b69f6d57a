import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { IdempotencyError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { createIdempotencyRepository } from '../../store/idempotency-repository.js';
import { randomId } from '../../ids.js';

/**
 * How long a running request's key stays locked without a renewal. The holder renews it every
 * third of that while the request runs, so only a key whose process died (or stalled for the
 * whole lease) can be taken over, and then within one lease.
 */
export const DEFAULT_IDEMPOTENCY_LOCK_MS = 6_000;
/** A request still holding its key after this is given up on: its key is no longer renewed. */
export const MAX_IDEMPOTENCY_HOLD_MS = 10 * 60_000;
/** Stored responses are kept this long (Stripe: 24 hours); the key may then be reused. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

export interface IdempotentRequest {
  /** Whose key it is (the API key id, and for a shared publishable key what the request acts on): keys of different scopes never collide. */
  scope: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
}

/** `proceed`: this request holds the key (as `owner`) until `finish` or `release`. */
export type IdempotencyBegin = { kind: 'proceed'; owner: string } | { kind: 'replay'; status: number; body: unknown };

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same parameters. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function requestHash(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

export interface IdempotencyServiceDeps {
  db: Db;
  clock: Clock;
  /** Lease of a running request's key (default {@link DEFAULT_IDEMPOTENCY_LOCK_MS}). */
  lockMs?: number;
  /** How often held leases are renewed (default a third of the lease). */
  heartbeatMs?: number;
}

/**
 * `Idempotency-Key` with Stripe's semantics: the first request with a key runs and its response is
 * stored; the same key with the same parameters answers that stored response; with other
 * parameters it is a 409 `idempotency_error`; while the first is still running, a 409 too.
 *
 * A running request holds its key by a short lease that this process renews (one statement for
 * all its keys) until the request answers. A process that dies stops renewing, and a retry takes
 * the key over once the lease has run out: seconds, not minutes.
 */
export function createIdempotencyService(deps: IdempotencyServiceDeps) {
  const repo = createIdempotencyRepository(deps.db);
  const lockMs = deps.lockMs ?? DEFAULT_IDEMPOTENCY_LOCK_MS;
  const heartbeatMs = deps.heartbeatMs ?? Math.max(50, Math.floor(lockMs / 3));
  /** Owners of the keys this process's running requests hold, with when they took them. */
  const held = new Map<string, number>();
  let heartbeat: NodeJS.Timeout | null = null;
  let renewing: Promise<unknown> | null = null;

  function renew(): void {
    if (renewing) return;
    const now = deps.clock.now();
    for (const [owner, since] of held) if (now.getTime() - since > MAX_IDEMPOTENCY_HOLD_MS) held.delete(owner);
    if (held.size === 0) return stopHeartbeat();
    // A failed renewal is retried on the next beat; the lease outlasts two missed beats.
    renewing = repo
      .renew([...held.keys()], new Date(now.getTime() + lockMs))
      .catch(() => undefined)
      .finally(() => (renewing = null));
  }

  function stopHeartbeat(): void {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
  }

  function hold(owner: string): IdempotencyBegin {
    held.set(owner, deps.clock.now().getTime());
    if (!heartbeat) {
      heartbeat = setInterval(renew, heartbeatMs);
      heartbeat.unref();
    }
    return { kind: 'proceed', owner };
  }

  function letGo(owner: string): void {
    held.delete(owner);
    if (held.size === 0) stopHeartbeat();
  }

  async function begin(request: IdempotentRequest): Promise<IdempotencyBegin> {
    const hash = requestHash(request);
    const now = deps.clock.now();
    const lockedUntil = new Date(now.getTime() + lockMs);
    const owner = randomId('lease', 20);
    const { scope, key, method, path } = request;
    if (await repo.claim(scope, key, method, path, hash, owner, lockedUntil, now)) return hold(owner);
    const row = await repo.get(scope, key);
    // The row went between the two statements (its first request failed): try again.
    if (!row) return begin(request);
    if (row.created_at.getTime() < now.getTime() - IDEMPOTENCY_RETENTION_MS) {
      if (
        await repo.reclaimExpired(
          scope,
          key,
          method,
          path,
          hash,
          owner,
          lockedUntil,
          new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS),
          now,
        )
      )
        return hold(owner);
    }
    if (row.request_hash !== hash) {
      throw new IdempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        { code: 'idempotency_key_reused' },
      );
    }
    if (row.response_status !== null) return { kind: 'replay', status: row.response_status, body: row.response_body };
    if (row.locked_until.getTime() <= now.getTime() && (await repo.takeOver(scope, key, hash, owner, lockedUntil, now)))
      return hold(owner);
    // Its holder renews the lease while it runs; if it has died, the key is free when the lease ends.
    const retryAfterSeconds = Math.max(1, Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000));
    throw new IdempotencyError(
      `There is currently another in-progress request using the idempotency key '${key}'. Try again later.`,
      {
        code: 'idempotency_key_in_flight',
        details: { retry_after_seconds: retryAfterSeconds },
      },
    );
  }

  return {
    begin,

    /**
     * Stores the answer of the request that holds the key as `owner`; false when it had lost the
     * key (it stalled past its lease and a retry took over), so its answer is not stored.
     */
    async finish(
      request: Pick<IdempotentRequest, 'scope' | 'key'>,
      owner: string,
      status: number,
      body: unknown,
    ): Promise<boolean> {
      try {
        return await repo.finish(request.scope, request.key, owner, status, body, deps.clock.now());
      } finally {
        letGo(owner);
      }
    },

    /** Gives the key up without an answer (a server error): a retry runs the request again. */
    async release(request: Pick<IdempotentRequest, 'scope' | 'key'>, owner: string): Promise<void> {
      try {
        await repo.release(request.scope, request.key, owner);
      } finally {
        letGo(owner);
      }
    },

    /** Keys this process holds for running requests (tests and metrics). */
    heldCount: () => held.size,
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
