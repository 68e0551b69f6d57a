import { isShopError } from '@shoptag/sdk';
import { html, type TemplateResult } from 'lit';
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

/** How the password fields name their text: the screen's own translator. */
type Translate = (key: AdminMessageKey, params?: Record<string, string | number>) => string;

/**
 * The new password (with the length hint under it) and its repetition, as the reset and the
 * first-owner forms ask for them. `errorId` names the form's error line when it is about the
 * password, so a screen reader reads it with the field.
 */
export function newPasswordFields(
  t: Translate,
  { hintId, invalid, errorId }: { hintId: string; invalid: boolean; errorId: string },
): TemplateResult {
  return html`<label
      >${t('account.newPassword')}
      <input
        name="password"
        type="password"
        autocomplete="new-password"
        minlength=${MIN_PASSWORD_LENGTH}
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="${hintId}${errorId ? ` ${errorId}` : ''}"
    /></label>
    <p id=${hintId} class="muted">${t('account.passwordHint', { count: MIN_PASSWORD_LENGTH })}</p>
    <label
      >${t('account.passwordAgain')}
      <input name="again" type="password" autocomplete="new-password" required
    /></label>`;
}
