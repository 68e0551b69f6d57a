import { regexes } from 'zod/v4/core';

/**
 * The pattern `z.email()` checks (zod's own, which the contract's `email` fields use), for forms
 * that check an address before sending it without loading zod into the page.
 */
export const EMAIL_PATTERN: RegExp = regexes.email;
