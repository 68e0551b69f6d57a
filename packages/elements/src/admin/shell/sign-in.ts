import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { isShopError } from '@shoptag/sdk';
import type { StaffSession } from '@shoptag/sdk/admin';
import { AdminScreen } from '../ui/admin-screen.js';
import type { AdminClient } from '@shoptag/sdk/admin';

/** Fired when a staff member has signed in; `detail` is the session. */
export const SIGNED_IN_EVENT = 'shop-admin-signed-in';

/** Seconds a throttled sign-in must wait, from the error's details or 60. */
function retryAfterSeconds(error: unknown): number {
  const details = isShopError(error) ? error.details : undefined;
  const seconds = details?.['retry_after_seconds'] ?? details?.['retry_after'];
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : 60;
}

/**
 * The sign-in form of the console: email and password, errors said in people's words and tied to
 * their fields, a throttled account told how long to wait.
 *
 * @summary Console sign-in form.
 * @tagname shop-admin-sign-in
 * @fires shop-admin-signed-in - Signed in; `detail` is the `StaffSession`.
 */
export class ShopAdminSignIn extends AdminScreen {
  static readonly tagName = 'shop-admin-sign-in';

  /** Set by `<shop-admin>` (there is no signed-in console to read it from yet). */
  client: AdminClient | undefined;
  /** A sentence shown above the form (signed out, session ended). */
  notice = '';

  @state() private busy = false;
  @state() private error = '';
  @state() private invalid: 'email' | 'password' | '' = '';

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.client) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.invalid = !email ? 'email' : !password ? 'password' : '';
    if (this.invalid) {
      this.error = this.t(this.invalid === 'email' ? 'signIn.emailRequired' : 'signIn.passwordRequired');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`[name=${this.invalid}]`)?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const session: StaffSession = await this.client.session.signIn({ email, password });
      this.dispatchEvent(new CustomEvent(SIGNED_IN_EVENT, { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (isShopError(error) && error.type === 'rate_limit_error') {
        this.error = this.t('signIn.throttled', { count: retryAfterSeconds(error) });
      } else if (isShopError(error) && (error.statusCode === 401 || error.param === 'email')) {
        this.error = this.t('signIn.invalid');
        this.invalid = 'password';
      } else {
        this.error = this.t(
          error && isShopError(error) && error.type === 'connection_error' ? 'error.connection' : 'error.unknown',
        );
      }
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[name=password]')?.select();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.t.bind(this);
    return html`<div class="card stack sign-in">
      <h1 tabindex="-1">${t('signIn.title')}</h1>
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      <form class="stack" novalidate @submit=${this.submit}>
        <label
          >${t('signIn.email')}
          <input
            name="email"
            type="email"
            autocomplete="username"
            required
            aria-invalid=${this.invalid === 'email' ? 'true' : 'false'}
            aria-describedby=${this.error ? 'sign-in-error' : nothing}
        /></label>
        <label
          >${t('signIn.password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${this.invalid === 'password' ? 'true' : 'false'}
            aria-describedby=${this.error ? 'sign-in-error' : nothing}
        /></label>
        <p id="sign-in-error" class="error" role="alert" ?hidden=${!this.error}>${this.error}</p>
        <div class="row">
          <button class="button primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
          <a href="#/reset">${t('signIn.forgot')}</a>
        </div>
      </form>
    </div>`;
  }
}
