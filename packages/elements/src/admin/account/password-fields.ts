import { isShopError } from '@shoptag/sdk';
import type { AdminMessageKey } from '../i18n/admin-messages.js';

/** Shortest password the server accepts (contract MIN_PASSWORD_LENGTH, kept zod-free here). */
export const MIN_PASSWORD_LENGTH = 12;

/** The message for a new password and its repetition, or '' when they will do. */
export function newPasswordProblem(password: string, again: string, email = ''): AdminMessageKey | '' {
  if (password.length < MIN_PASSWORD_LENGTH) return 'account.passwordTooShort';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'account.passwordIsEmail';
  if (password !== again) return 'account.passwordsDiffer';
  return '';
}

/** The message for what the server said about a link or a password, or '' when it is not about them. */
export function linkErrorKey(error: unknown): AdminMessageKey | '' {
  if (!isShopError(error)) return '';
  if (error.code === 'link_expired' || error.param === 'token') return 'account.linkExpired';
  if (error.code === 'password_too_short') return 'account.passwordTooShort';
  if (error.code === 'password_is_email') return 'account.passwordIsEmail';
  if (error.code === 'setup_done') return 'account.setupDone';
  if (error.param === 'email') return 'account.emailInvalid';
  return '';
}
