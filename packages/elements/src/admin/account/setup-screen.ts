import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import { adminErrorKey } from '../ui/admin-errors.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { linkToken, publicClient } from './link-token.js';
import { linkErrorKey, newPasswordFields, newPasswordProblem } from './password-fields.js';

/**
 * The first owner's account, from the one-time link the server prints on an install without staff
 * (`#/setup?token=…`): email, name and password; then the console opens signed in.
 *
 * @summary Console first-owner setup.
 * @tagname shop-admin-setup
 */
export class ShopAdminSetup extends AdminScreen {
  static readonly tagName = 'shop-admin-setup';

  @state() private busy = false;
  @state() private error: AdminMessageKey | '' = '';
  @state() private field: 'email' | 'password' | '' = '';

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const problem = email
      ? newPasswordProblem(password, String(data.get('again') ?? ''), email)
      : 'account.emailRequired';
    if (problem) return this.fail(problem, email ? 'password' : 'email');
    this.busy = true;
    this.error = '';
    try {
      await publicClient().account.setupOwner({ token: linkToken(), email, name, password });
      // The session cookie is set: the console opens signed in, without the link in the address.
      history.replaceState(null, '', `${location.pathname}#/`);
      location.reload();
    } catch (error) {
      const key = linkErrorKey(error);
      await this.fail(
        key || adminErrorKey(error),
        key === 'account.emailInvalid' ? 'email' : key.startsWith('account.password') ? 'password' : '',
      );
    } finally {
      this.busy = false;
    }
  }

  private async fail(error: AdminMessageKey, field: 'email' | 'password' | ''): Promise<void> {
    this.error = error;
    this.field = field;
    await this.updateComplete;
    if (field) this.renderRoot.querySelector<HTMLInputElement>(`[name=${field}]`)?.focus();
  }

  override render() {
    const t = this.t.bind(this);
    const describedBy = (field: string) => (this.error && this.field === field ? 'setup-error' : nothing);
    if (!linkToken())
      return html`<div class="card stack">
        <h1 tabindex="-1">${t('account.setupTitle')}</h1>
        <p class="error" role="alert">${t('account.linkExpired')}</p>
      </div>`;
    return html`<div class="card stack">
      <h1 tabindex="-1">${t('account.setupTitle')}</h1>
      <p>${t('account.setupIntro')}</p>
      <form class="stack" novalidate @submit=${this.submit}>
        <label
          >${t('signIn.email')}
          <input
            name="email"
            type="email"
            autocomplete="username"
            required
            aria-invalid=${this.field === 'email' ? 'true' : 'false'}
            aria-describedby=${describedBy('email')}
        /></label>
        <label>${t('account.name')} <input name="name" autocomplete="name" /></label>
        ${newPasswordFields(t, {
          hintId: 'setup-hint',
          invalid: this.field === 'password',
          errorId: this.error && this.field === 'password' ? 'setup-error' : '',
        })}
        <p id="setup-error" class="error" role="alert" ?hidden=${!this.error}>${this.error ? t(this.error) : ''}</p>
        <div class="row">
          <button class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${t(this.busy ? 'common.saving' : 'account.setupSubmit')}
          </button>
        </div>
      </form>
    </div>`;
  }
}
