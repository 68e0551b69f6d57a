import { isShopError } from '@shoptag/sdk';
import type { AdminMessageKey } from '../i18n/admin-messages.js';

/** Codes the server answers when the console's session is gone. */
const SESSION_GONE = new Set(['not_signed_in', 'session_expired', 'session_invalid']);

/** True when a request failed because the session ended (expired, signed out elsewhere). */
export function isSessionEnded(error: unknown): boolean {
  return isShopError(error) && error.statusCode === 401 && (SESSION_GONE.has(error.code) || error.code === '');
}

/**
 * The console catalogue key of a short sentence about why a request failed. Field errors
 * (`invalid_request_error` with a `param`) deserve a message by the field: map those in the form.
 */
export function adminErrorKey(error: unknown): AdminMessageKey {
  if (!isShopError(error)) return 'error.unknown';
  if (error.type === 'connection_error') return 'error.connection';
  if (error.type === 'rate_limit_error') return 'error.rateLimit';
  if (error.type === 'authentication_error')
    return error.statusCode === 403 ? 'error.permission' : 'shell.sessionEnded';
  if (error.statusCode === 404) return 'error.notFound';
  if (error.statusCode === 409 || error.type === 'idempotency_error') return 'error.conflict';
  if (error.type === 'invalid_request_error') return 'error.invalidRequest';
  return 'error.unknown';
}
