// The keys domain: API keys (publishable and secret), their hashes and the origins they allow.
// Other domains import it only through this file.
export {
  createApiKeyService,
  DEFAULT_KEY_CACHE_TTL_MS,
  LAST_USED_INTERVAL_MS,
  displayPrefix,
  generateKey,
  hashKey,
  isOriginAllowed,
  type ApiKeyService,
  type ApiKeyServiceDeps,
  type Principal,
} from './api-keys.js';
export {
  createKeyAdmin,
  DEFAULT_ROTATION_GRACE_SECONDS,
  toApiKey,
  type KeyAdmin,
  type KeyAdminDeps,
  type NewKeyInput,
} from './key-admin.js';
