import { z } from 'zod';
import { toKeyOrigin } from './key-origin.js';

export { toKeyOrigin };

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

export const API_KEY_KINDS = ['publishable', 'secret'] as const;
export const ApiKeyKind = z.enum(API_KEY_KINDS);
export type ApiKeyKind = z.infer<typeof ApiKeyKind>;

export const API_KEY_MODES = ['live', 'test'] as const;
export const ApiKeyMode = z.enum(API_KEY_MODES);
export type ApiKeyMode = z.infer<typeof ApiKeyMode>;

export const ApiKeyId = z.string().regex(/^key_[A-Za-z0-9]{1,64}$/, 'must be an API key id (key_…)');
export const ApiKeyParams = z.object({ id: ApiKeyId });

/** An origin a browser may call from with a publishable key; any http(s) URL is reduced to its origin. */
export const KeyOrigin = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    const origin = toKeyOrigin(text);
    if (origin === null) {
      ctx.addIssue({
        code: 'custom',
        message: `origin must be an http(s) URL such as https://shop.example.com, or * (got ${JSON.stringify(text.slice(0, 100))})`,
      });
      return z.NEVER;
    }
    return origin;
  })
  .meta({
    description:
      'An http(s) origin such as `https://shop.example.com` (a URL is reduced to its origin), or `*` for any',
  });

const KeyName = z.string().trim().max(200).meta({ description: 'What the key is for, shown in lists' });
const MAX_ORIGINS = 100;

/** An API key as the admin API and `shoptag-server keys list` show it: never the key itself. */
export const ApiKey = z
  .object({
    object: z.literal('api_key'),
    id: ApiKeyId,
    kind: ApiKeyKind,
    mode: ApiKeyMode,
    name: z.string(),
    display_prefix: z.string().meta({ description: 'The first characters, to tell keys apart (`sk_live_AbCd…`)' }),
    allowed_origins: z.array(z.string()).meta({ description: 'Origins a browser may call from (publishable keys)' }),
    status: z.enum(['active', 'expiring', 'expired', 'revoked']),
    created_at: Timestamp,
    last_used_at: Timestamp.nullable().meta({ description: 'Recorded at most about once a minute' }),
    expires_at: Timestamp.nullable().meta({ description: 'When a rotated key stops working' }),
    revoked_at: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

/** A key just made: the only time its plaintext is shown. */
export const ApiKeyCreated = ApiKey.extend({
  secret: z.string().meta({ description: 'The key itself (`pk_…`/`sk_…`); shown once, never again' }),
}).meta({ id: 'ApiKeyCreated' });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

/** Body of `POST /v1/admin/keys`. */
export const ApiKeyCreate = z
  .object({
    kind: ApiKeyKind,
    mode: ApiKeyMode,
    name: KeyName.optional(),
    allowed_origins: z.array(KeyOrigin).max(MAX_ORIGINS).optional(),
  })
  .strict()
  .refine((k) => k.kind === 'publishable' || !k.allowed_origins?.length, {
    message: 'allowed_origins applies to publishable keys only (secret keys are never used from a browser)',
    path: ['allowed_origins'],
  })
  .meta({ id: 'ApiKeyCreate' });
export type ApiKeyCreate = z.input<typeof ApiKeyCreate>;

/** Body of `POST /v1/admin/keys/:id/rotate`. */
export const ApiKeyRotate = z
  .object({
    grace_seconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .optional()
      .meta({ description: 'How long the old key keeps working (default 86400, a day; 0: stops at once)' }),
  })
  .strict()
  .meta({ id: 'ApiKeyRotate' });
export type ApiKeyRotate = z.input<typeof ApiKeyRotate>;

/** Body of `PATCH /v1/admin/keys/:id/origins`: origins to add and to remove (publishable keys). */
export const ApiKeyOriginsUpdate = z
  .object({
    add: z.array(KeyOrigin).max(MAX_ORIGINS).optional(),
    remove: z.array(KeyOrigin).max(MAX_ORIGINS).optional(),
  })
  .strict()
  .refine((u) => (u.add?.length ?? 0) + (u.remove?.length ?? 0) > 0, {
    message: 'Give at least one origin to add or remove',
    path: ['add'],
  })
  .meta({ id: 'ApiKeyOriginsUpdate' });
export type ApiKeyOriginsUpdate = z.input<typeof ApiKeyOriginsUpdate>;

export const ApiKeyListQuery = z.object({}).strict();

export const ApiKeyList = z
  .object({
    object: z.literal('list'),
    data: z.array(ApiKey),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'ApiKeyList' });
export type ApiKeyList = z.infer<typeof ApiKeyList>;
