import type { ApiKey, ApiKeyCreated } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { randomId } from '../../ids.js';
import type { Db } from '../../store/db.js';
import {
  createApiKeyRepository,
  type ApiKeyKind,
  type ApiKeyMode,
  type ApiKeyRecord,
} from '../../store/api-key-repository.js';
import { generateKey } from './api-keys.js';

/** How long a rotated key keeps working unless told otherwise: a day. */
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 3600;

export interface KeyAdminDeps {
  db: Db;
  clock: Clock;
  /** Called after a change, so this process's key lookups forget what they remembered. */
  onChange?: () => void;
  /** Called before listing: writes the last uses this process has seen but not yet recorded. */
  beforeList?: () => Promise<void>;
}

export interface NewKeyInput {
  kind: ApiKeyKind;
  mode: ApiKeyMode;
  name?: string | undefined;
  /** Already reduced to origins (see the contract's `KeyOrigin`). */
  allowed_origins?: readonly string[] | undefined;
}

function statusOf(row: ApiKeyRecord, now: Date): ApiKey['status'] {
  if (row.revoked_at) return 'revoked';
  if (!row.expires_at) return 'active';
  return row.expires_at > now ? 'expiring' : 'expired';
}

/** A key as people are shown it: kind, mode, name, origins, dates — never the key or its hash. */
export function toApiKey(row: ApiKeyRecord, now: Date): ApiKey {
  return {
    object: 'api_key',
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    name: row.label,
    display_prefix: row.display_prefix,
    allowed_origins: [...row.allowed_origins],
    status: statusOf(row, now),
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    expires_at: row.expires_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

/**
 * Creating, listing, revoking and rotating API keys, and changing a key's origins: what
 * `shoptag-server keys …` and `/v1/admin/keys` do. Only sha256 hashes are stored; the key itself
 * is answered once, by {@link create} or {@link rotate}.
 */
export function createKeyAdmin(deps: KeyAdminDeps) {
  const { db, clock } = deps;
  const keys = createApiKeyRepository(db);
  const changed = () => deps.onChange?.();

  async function mustGet(id: string, repo = keys, forUpdate = false): Promise<ApiKeyRecord> {
    const row = await repo.findById(id, { forUpdate });
    if (!row) throw new NotFoundError(`No such API key: '${id}'`, { param: 'id' });
    return row;
  }

  async function insertNew(repo: typeof keys, input: NewKeyInput): Promise<ApiKeyCreated> {
    const key = generateKey(input.kind, input.mode);
    const id = randomId('key', 24);
    await repo.insert([
      {
        id,
        kind: input.kind,
        mode: input.mode,
        keyHash: key.keyHash,
        displayPrefix: key.displayPrefix,
        label: input.name ?? '',
        allowedOrigins: input.kind === 'publishable' ? [...new Set(input.allowed_origins ?? [])] : [],
      },
    ]);
    return { ...toApiKey(await mustGet(id, repo), clock.now()), secret: key.plaintext };
  }

  return {
    async list(): Promise<ApiKey[]> {
      await deps.beforeList?.();
      const now = clock.now();
      return (await keys.list()).map((row) => toApiKey(row, now));
    },

    async get(id: string): Promise<ApiKey> {
      return toApiKey(await mustGet(id), clock.now());
    },

    /** Keys usable now (the banner says how to make the first ones when there are none). */
    async countActive(): Promise<number> {
      return keys.countActive(clock.now());
    },

    /** A new key; the answer's `secret` is the only time it is shown. */
    async create(input: NewKeyInput): Promise<ApiKeyCreated> {
      return insertNew(keys, input);
    },

    /** Revokes a key at once (every process refuses it within the lookup cache's lifetime). */
    async revoke(id: string): Promise<ApiKey> {
      await mustGet(id);
      await keys.revoke(id, clock.now());
      changed();
      return toApiKey(await mustGet(id), clock.now());
    },

    /**
     * A new key with the same kind, mode, name and origins; the old one keeps working for
     * `graceSeconds` (default a day), then stops. A revoked or expired key cannot be rotated.
     */
    async rotate(id: string, graceSeconds = DEFAULT_ROTATION_GRACE_SECONDS): Promise<ApiKeyCreated> {
      const created = await db.transaction(async (tx) => {
        const repo = createApiKeyRepository(tx);
        const old = await mustGet(id, repo, true);
        const now = clock.now();
        if (statusOf(old, now) === 'revoked' || statusOf(old, now) === 'expired')
          throw new ConflictError(`API key ${id} is ${statusOf(old, now)}; create a new key instead`, {
            code: 'api_key_inactive',
          });
        const fresh = await insertNew(repo, {
          kind: old.kind,
          mode: old.mode,
          name: old.label,
          allowed_origins: old.allowed_origins,
        });
        if (graceSeconds === 0) await repo.revoke(id, now);
        else await repo.expire(id, new Date(now.getTime() + graceSeconds * 1000));
        return fresh;
      });
      changed();
      return created;
    },

    /** Adds and removes allowed origins of a publishable key (removals win over additions). */
    async updateOrigins(id: string, change: { add?: readonly string[]; remove?: readonly string[] }): Promise<ApiKey> {
      await db.transaction(async (tx) => {
        const repo = createApiKeyRepository(tx);
        const row = await mustGet(id, repo, true);
        if (row.kind !== 'publishable')
          throw new ConflictError(
            'Only publishable keys have allowed origins: secret keys are never used from a browser',
            {
              code: 'api_key_not_publishable',
              param: 'id',
            },
          );
        const removed = new Set(change.remove ?? []);
        const origins = [...new Set([...row.allowed_origins, ...(change.add ?? [])])].filter((o) => !removed.has(o));
        await repo.setAllowedOriginsById(id, origins);
      });
      changed();
      return toApiKey(await mustGet(id), clock.now());
    },
  };
}

export type KeyAdmin = ReturnType<typeof createKeyAdmin>;
