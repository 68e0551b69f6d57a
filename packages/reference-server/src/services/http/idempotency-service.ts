import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { IdempotencyError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { createIdempotencyRepository } from '../../store/idempotency-repository.js';

/** How long a running request holds its key; past this a retry may run it again (its process died). */
export const DEFAULT_IDEMPOTENCY_LOCK_MS = 60_000;
/** Stored responses are kept this long (Stripe: 24 hours); the key may then be reused. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

export interface IdempotentRequest {
  /** Who sent it (the API key id): keys of different callers never collide. */
  scope: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
}

export type IdempotencyBegin = { kind: 'proceed' } | { kind: 'replay'; status: number; body: unknown };

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
  return createHash('sha256').update(`${request.method} ${request.path}\n${canonicalJson(request.body)}`).digest('hex');
}

/**
 * `Idempotency-Key` with Stripe's semantics: the first request with a key runs and its response is
 * stored; the same key with the same parameters answers that stored response; with other
 * parameters it is a 409 `idempotency_error`; while the first is still running, a 409 too.
 */
export function createIdempotencyService(deps: { db: Db; clock: Clock; lockMs?: number }) {
  const repo = createIdempotencyRepository(deps.db);
  const lockMs = deps.lockMs ?? DEFAULT_IDEMPOTENCY_LOCK_MS;

  async function begin(request: IdempotentRequest): Promise<IdempotencyBegin> {
    const hash = requestHash(request);
    const now = deps.clock.now();
    const lockedUntil = new Date(now.getTime() + lockMs);
    const { scope, key, method, path } = request;
    if (await repo.claim(scope, key, method, path, hash, lockedUntil, now)) return { kind: 'proceed' };
    const row = await repo.get(scope, key);
    // The row went between the two statements (its first request failed): try again.
    if (!row) return begin(request);
    if (row.created_at.getTime() < now.getTime() - IDEMPOTENCY_RETENTION_MS) {
      if (await repo.reclaimExpired(scope, key, method, path, hash, lockedUntil, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS), now)) return { kind: 'proceed' };
    }
    if (row.request_hash !== hash) {
      throw new IdempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        { code: 'idempotency_key_reused' },
      );
    }
    if (row.response_status !== null) return { kind: 'replay', status: row.response_status, body: row.response_body };
    if (row.locked_until.getTime() <= now.getTime() && (await repo.takeOver(scope, key, hash, lockedUntil, now))) return { kind: 'proceed' };
    throw new IdempotencyError(`There is currently another in-progress request using the idempotency key '${key}'. Try again later.`, {
      code: 'idempotency_key_in_flight',
    });
  }

  return {
    begin,

    /** Stores the answer of the request that claimed the key. */
    finish: (request: Pick<IdempotentRequest, 'scope' | 'key'>, status: number, body: unknown) =>
      repo.finish(request.scope, request.key, status, body, deps.clock.now()),

    /** Gives the key up without an answer (a server error): a retry runs the request again. */
    release: (request: Pick<IdempotentRequest, 'scope' | 'key'>) => repo.release(request.scope, request.key),
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
