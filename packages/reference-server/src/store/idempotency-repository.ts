import type { Queryable } from './db.js';

export interface IdempotencyRow {
  request_hash: string;
  response_status: number | null;
  response_body: unknown;
  locked_until: Date;
  created_at: Date;
}

/**
 * Stored POST responses by (scope, Idempotency-Key). A running request's row carries its lease:
 * `lease_owner` (a random token of that request) and `locked_until`, which the owner keeps pushing
 * forward; a row whose lease has run out belongs to a request that died.
 */
export function createIdempotencyRepository(q: Queryable) {
  return {
    /** Claims the key for a first request; false when a row already exists. */
    async claim(
      scope: string,
      key: string,
      method: string,
      path: string,
      hash: string,
      owner: string,
      lockedUntil: Date,
      now: Date,
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `INSERT INTO idempotency_keys (scope, key, method, path, request_hash, lease_owner, locked_until, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (scope, key) DO NOTHING`,
        [scope, key, method, path, hash, owner, lockedUntil, now],
      );
      return rowCount === 1;
    },

    async get(scope: string, key: string): Promise<IdempotencyRow | undefined> {
      const { rows } = await q.query<IdempotencyRow>(
        'SELECT request_hash, response_status, response_body, locked_until, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      return rows[0];
    },

    /** Takes over a key whose first request never answered and whose lease has run out (its holder died). */
    async takeOver(
      scope: string,
      key: string,
      hash: string,
      owner: string,
      lockedUntil: Date,
      now: Date,
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE idempotency_keys SET lease_owner = $4, locked_until = $5
          WHERE scope = $1 AND key = $2 AND request_hash = $3 AND response_status IS NULL AND locked_until <= $6`,
        [scope, key, hash, owner, lockedUntil, now],
      );
      return rowCount === 1;
    },

    /** Replaces a row older than the retention (a key may be reused after it) with a fresh claim. */
    async reclaimExpired(
      scope: string,
      key: string,
      method: string,
      path: string,
      hash: string,
      owner: string,
      lockedUntil: Date,
      createdBefore: Date,
      now: Date,
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE idempotency_keys SET method = $3, path = $4, request_hash = $5, response_status = NULL, response_body = NULL, lease_owner = $9, locked_until = $6, created_at = $8
          WHERE scope = $1 AND key = $2 AND created_at < $7 AND (response_status IS NOT NULL OR locked_until <= $8)`,
        [scope, key, method, path, hash, lockedUntil, createdBefore, now, owner],
      );
      return rowCount === 1;
    },

    /** Pushes the leases of running requests forward (one statement for every key this process holds). */
    async renew(owners: readonly string[], lockedUntil: Date): Promise<number> {
      const { rowCount } = await q.query(
        'UPDATE idempotency_keys SET locked_until = $2 WHERE lease_owner = ANY($1::text[]) AND response_status IS NULL',
        [owners, lockedUntil],
      );
      return rowCount ?? 0;
    },

    /** Stores the answer, if `owner` still holds the key (a request that lost its lease stores nothing). */
    async finish(
      scope: string,
      key: string,
      owner: string,
      status: number,
      body: unknown,
      now: Date,
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        'UPDATE idempotency_keys SET response_status = $4, response_body = $5, locked_until = $6 WHERE scope = $1 AND key = $2 AND lease_owner = $3 AND response_status IS NULL',
        [scope, key, owner, status, JSON.stringify(body ?? null), now],
      );
      return rowCount === 1;
    },

    /** Forgets an unanswered claim of `owner` (the request failed on our side), so a retry runs again. */
    async release(scope: string, key: string, owner: string): Promise<void> {
      await q.query(
        'DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND lease_owner = $3 AND response_status IS NULL',
        [scope, key, owner],
      );
    },
  };
}
