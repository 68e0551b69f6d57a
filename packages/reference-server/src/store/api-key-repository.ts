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

export function createApiKeyRepository(db: Queryable) {
  return {
    /** A key that has not been revoked, by the sha256 of its plaintext. */
    async findActiveByHash(keyHash: string): Promise<ApiKeyRow | null> {
      const { rows } = await db.query<ApiKeyRow>(
        `SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
        [keyHash],
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
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
