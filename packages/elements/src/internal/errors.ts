import { isShopError } from '@shoptag/sdk';

/** A short sentence for people about why loading failed; details go to the console. */
export function describeError(error: unknown): string {
  if (isShopError(error)) {
    if (error.type === 'authentication_error') return 'This shop’s key was not accepted.';
    if (error.type === 'connection_error') return 'The shop could not be reached. Check your connection.';
    if (error.type === 'rate_limit_error') return 'The shop is busy right now.';
    if (error.type === 'invalid_request_error') return error.message;
  }
  return 'Something went wrong on our side.';
}
