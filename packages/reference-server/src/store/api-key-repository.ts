import type { Queryable } from './db.js';

export type ApiKeyKind = 'publishable' | 'secret';
export type ApiKeyMode = 'test' | 'live';

export interface ApiKeyRow {
  id: string;
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  key_hash: string;
  display_prefix: string;
  label: string;
  allowed_origins: string[];
}

/** A key as people are shown it: everything but its hash. */
export interface ApiKeyRecord {
  id: string;
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  display_prefix: string;
  label: string;
  allowed_origins: string[];
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface NewApiKey {
  id: string;
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  keyHash: string;
  displayPrefix: string;
  label: string;
  allowedOrigins: string[];
}

const COLUMNS = 'id, kind, mode, key_hash, display_prefix, label, allowed_origins';
const RECORD_COLUMNS =
  'id, kind, mode, display_prefix, label, allowed_origins, created_at, last_used_at, expires_at, revoked_at';

export function createApiKeyRepository(db: Queryable) {
  return {
    /** A key that is neither revoked nor past its expiry at `now`, by the sha256 of its plaintext. */
    async findActiveByHash(keyHash: string, now: Date = new Date()): Promise<ApiKeyRow | null> {
      const { rows } = await db.query<ApiKeyRow>(
        `SELECT ${COLUMNS} FROM api_keys
          WHERE key_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
        [keyHash, now],
        { prepare: true },
      );
      return rows[0] ?? null;
    },

    /** Inserts keys, skipping any whose hash is already registered; answers the ids inserted. */
    async insert(keys: readonly NewApiKey[]): Promise<string[]> {
      if (keys.length === 0) return [];
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO api_keys (id, kind, mode, key_hash, display_prefix, label, allowed_origins)
         SELECT k.id, k.kind, k.mode, k.key_hash, k.display_prefix, k.label,
                ARRAY(SELECT jsonb_array_elements_text(k.origins::jsonb))
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              AS k(id, kind, mode, key_hash, display_prefix, label, origins)
         ON CONFLICT (key_hash) DO NOTHING
         RETURNING id`,
        [
          keys.map((k) => k.id),
          keys.map((k) => k.kind),
          keys.map((k) => k.mode),
          keys.map((k) => k.keyHash),
          keys.map((k) => k.displayPrefix),
          keys.map((k) => k.label),
          keys.map((k) => JSON.stringify(k.allowedOrigins)),
        ],
      );
      return rows.map((r) => r.id);
    },

    async setAllowedOrigins(keyHash: string, origins: readonly string[]): Promise<void> {
      await db.query('UPDATE api_keys SET allowed_origins = $2::text[] WHERE key_hash = $1', [keyHash, origins]);
    },

    /** Every key, newest first (revoked ones too: the list is the audit trail). */
    async list(): Promise<ApiKeyRecord[]> {
      const { rows } = await db.query<ApiKeyRecord>(
        `SELECT ${RECORD_COLUMNS} FROM api_keys ORDER BY created_at DESC, id DESC`,
      );
      return rows;
    },

    /** Keys usable at `now`. */
    async countActive(now: Date): Promise<number> {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM api_keys
          WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $1)`,
        [now],
      );
      return rows[0]?.n ?? 0;
    },

    /** One key by id; `forUpdate` locks its row for the rest of the transaction. */
    async findById(id: string, options: { forUpdate?: boolean } = {}): Promise<ApiKeyRecord | null> {
      const { rows } = await db.query<ApiKeyRecord>(
        `SELECT ${RECORD_COLUMNS} FROM api_keys WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
        [id],
      );
      return rows[0] ?? null;
    },

    /** Revokes a key (a revoked key stays revoked: the first time is kept). */
    async revoke(id: string, at: Date): Promise<void> {
      await db.query('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1', [id, at]);
    },

    /** Makes a key stop working at `at`, or sooner when it already expires sooner. */
    async expire(id: string, at: Date): Promise<void> {
      await db.query('UPDATE api_keys SET expires_at = LEAST(COALESCE(expires_at, $2), $2) WHERE id = $1', [id, at]);
    },

    async setAllowedOriginsById(id: string, origins: readonly string[]): Promise<void> {
      await db.query('UPDATE api_keys SET allowed_origins = $2::text[] WHERE id = $1', [id, origins]);
    },

    /** Records last uses (a later one never goes back in time). */
    async recordLastUsed(uses: readonly { id: string; at: Date }[]): Promise<void> {
      if (uses.length === 0) return;
      await db.query(
        `UPDATE api_keys k SET last_used_at = GREATEST(k.last_used_at, u.at)
           FROM unnest($1::text[], $2::timestamptz[]) AS u(id, at)
          WHERE k.id = u.id`,
        [uses.map((u) => u.id), uses.map((u) => u.at.toISOString())],
      );
    },
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
