import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import { adminErrorKey } from '../ui/admin-errors.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { linkToken, publicClient } from './link-token.js';
import { linkErrorKey, newPasswordFields, newPasswordProblem } from './password-fields.js';

/**
 * Password reset, reachable without signing in: without a token it asks for the email and sends a
 * link (the answer is the same whether or not the address has an account); opened from the
 * emailed link (`#/reset?token=…`, also an invitation's link) it sets the new password.
 *
 * @summary Console password reset: request a link, or set a new password from one.
 * @tagname shop-admin-reset
 */
export class ShopAdminReset extends AdminScreen {
  static readonly tagName = 'shop-admin-reset';

  @state() private busy = false;
  @state() private error: AdminMessageKey | '' = '';
  @state() private done = false;

  private get token(): string {
    return linkToken();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.done = false;
    this.error = '';
  }

  private async focusError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid=true]')?.focus();
  }

  private async request(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    if (!email) {
      this.error = 'account.emailRequired';
      return void this.focusError();
    }
    this.busy = true;
    this.error = '';
    try {
      await publicClient().account.requestPasswordReset(email);
      this.done = true;
    } catch (error) {
      this.error = linkErrorKey(error) || adminErrorKey(error);
      void this.focusError();
    } finally {
      this.busy = false;
    }
  }

  private async complete(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    const problem = newPasswordProblem(password, String(data.get('again') ?? ''));
    if (problem) {
      this.error = problem;
      return void this.focusError();
    }
    this.busy = true;
    this.error = '';
    try {
      await publicClient().account.resetPassword({ token: this.token, password });
      this.done = true;
    } catch (error) {
      this.error = linkErrorKey(error) || adminErrorKey(error);
      void this.focusError();
    } finally {
      this.busy = false;
    }
  }

  private renderError() {
    return html`<p id="reset-error" class="error" role="alert" ?hidden=${!this.error}>
      ${this.error ? this.t(this.error) : ''}
    </p>`;
  }

  override render() {
    const t = this.t.bind(this);
    if (this.done)
      return html`<div class="card stack">
        <h1 tabindex="-1">${t(this.token ? 'account.resetDoneTitle' : 'account.requestSentTitle')}</h1>
        <p role="status">${t(this.token ? 'account.resetDone' : 'account.requestSent')}</p>
        <p><a href="#/">${t('account.backToSignIn')}</a></p>
      </div>`;
    if (!this.token)
      return html`<div class="card stack">
        <h1 tabindex="-1">${t('account.requestTitle')}</h1>
        <p>${t('account.requestIntro')}</p>
        <form class="stack" novalidate @submit=${this.request}>
          <label
            >${t('signIn.email')}
            <input
              name="email"
              type="email"
              autocomplete="username"
              required
              aria-invalid=${this.error ? 'true' : 'false'}
              aria-describedby=${this.error ? 'reset-error' : nothing}
          /></label>
          ${this.renderError()}
          <div class="row">
            <button class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
              ${t(this.busy ? 'account.sending' : 'account.requestSubmit')}
            </button>
            <a href="#/">${t('account.backToSignIn')}</a>
          </div>
        </form>
      </div>`;
    const passwordInvalid = this.error !== '' && this.error !== 'account.linkExpired';
    return html`<div class="card stack">
      <h1 tabindex="-1">${t('account.resetTitle')}</h1>
      <form class="stack" novalidate @submit=${this.complete}>
        ${newPasswordFields(t, { hintId: 'password-hint', invalid: passwordInvalid, errorId: this.error ? 'reset-error' : '' })}
        ${this.renderError()}
        ${this.error === 'account.linkExpired' ? html`<p><a href="#/reset">${t('account.requestAgain')}</a></p>` : nothing}
        <div class="row">
          <button class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${t(this.busy ? 'common.saving' : 'account.resetSubmit')}
          </button>
        </div>
      </form>
    </div>`;
  }
}
