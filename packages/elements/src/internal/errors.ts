import { isShopError } from '@shoptag/sdk';
import type { MessageKey } from '../i18n/catalogues.js';

/**
 * The catalogue key of a short sentence for shoppers about why a request failed; details go to the
 * console. Field errors (`invalid_request_error` with a `param`) deserve a message of their own:
 * map them by `param` and `code` where the form is, and use this for the rest.
 */
export function errorMessageKey(error: unknown): MessageKey {
  if (isShopError(error)) {
    if (error.type === 'authentication_error') return 'error.authentication';
    if (error.type === 'connection_error') return 'error.connection';
    if (error.type === 'rate_limit_error') return 'error.rateLimit';
    if (error.type === 'invalid_request_error') return 'error.invalidRequest';
  }
  return 'error.unknown';
}
