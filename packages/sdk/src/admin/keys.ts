import type { ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyList, ApiKeyRotate } from '../contract/keys.js';
import type { RequestOptions, Transport } from '../request.js';

/** API keys: `admin.keys` (owners only, with a session). Lists never include a key itself. */
export interface KeysResource {
  /** Every key, newest first, revoked ones too, with when each was last used. */
  list(options?: RequestOptions): Promise<ApiKeyList>;
  get(id: string, options?: RequestOptions): Promise<ApiKey>;
  /**
   * A new key; the answer's `secret` is the only time the key is shown. Publishable keys take
   * the origins a browser may call from; a secret key is for servers, never for a page.
   */
  create(input: ApiKeyCreate, options?: RequestOptions): Promise<ApiKeyCreated>;
  /** Revokes at once: every server process refuses it within seconds. */
  revoke(id: string, options?: RequestOptions): Promise<ApiKey>;
  /** A new key like this one; the old keeps working for `grace_seconds` (default a day). Shown once. */
  rotate(id: string, input?: ApiKeyRotate, options?: RequestOptions): Promise<ApiKeyCreated>;
  /** Adds and removes a publishable key's allowed origins (URLs are reduced to their origin). */
  updateOrigins(id: string, change: { add?: string[]; remove?: string[] }, options?: RequestOptions): Promise<ApiKey>;
}

export function createKeysResource(send: Transport): KeysResource {
  const path = (id: string) => `/admin/keys/${encodeURIComponent(id)}`;
  return {
    list: (options = {}) => send<ApiKeyList>({ method: 'GET', path: '/admin/keys', ...options }),
    get: (id, options = {}) => send<ApiKey>({ method: 'GET', path: path(id), ...options }),
    create: (input, options = {}) =>
      send<ApiKeyCreated>({ method: 'POST', path: '/admin/keys', body: input, ...options }),
    revoke: (id, options = {}) => send<ApiKey>({ method: 'POST', path: `${path(id)}/revoke`, ...options }),
    rotate: (id, input = {}, options = {}) =>
      send<ApiKeyCreated>({ method: 'POST', path: `${path(id)}/rotate`, body: input, ...options }),
    updateOrigins: (id, change, options = {}) =>
      send<ApiKey>({ method: 'PATCH', path: `${path(id)}/origins`, body: change, ...options }),
  };
}
