// The keys domain: API keys (publishable and secret), their hashes and the origins they allow.
// Other domains import it only through this file.
export {
  createApiKeyService,
  generateKey,
  hashKey,
  isOriginAllowed,
  type ApiKeyService,
  type ApiKeyServiceDeps,
  type Principal,
} from './api-keys.js';
