import { ContextConsumer } from '@lit/context';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { buttons, tokens, utilities } from '../../styles/shared.styles.js';
import { adminContext, type AdminConsole } from '../shell/admin-context.js';
import { adminLocalizer, type AdminMessageKey } from '../i18n/admin-messages.js';
import { adminErrorKey, isSessionEnded } from './admin-errors.js';
import { adminStyles } from './admin.styles.js';

/** Fired by a screen whose request found the session gone; `<shop-admin>` shows the sign-in form. */
export const SESSION_ENDED_EVENT = 'shop-admin-session-ended';

/**
 * What every console screen shares: the admin client and signed-in staff member (`this.console`),
 * the console's words (`this.t`), the route's `params`, the console's styles, and `describe(error)`
 * for a request that failed. A screen's first `h1` takes focus when the screen opens, so a
 * keyboard or screen-reader user lands on it after navigating.
 */
export abstract class AdminScreen extends LitElement {
  static override styles = [tokens, utilities, buttons, adminStyles];

  /** The route's named groups (`{ id: 'prd_…' }` for `#/products/prd_…`). */
  @property({ attribute: false }) params: Record<string, string> = {};

  private readonly consoleContext = new ContextConsumer(this, { context: adminContext, subscribe: true });
  protected readonly i18n = adminLocalizer(this);

  /** The console: client, staff member, navigate, announce. Set once the element is connected. */
  protected get console(): AdminConsole {
    const value = this.consoleContext.value;
    if (!value) throw new Error(`<${this.localName}> must be inside <shop-admin>`);
    return value;
  }

  /** The console's words in the staff member's language. */
  protected t(key: AdminMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }

  /**
   * A sentence about why a request failed, for an error banner; when the session is gone it also
   * tells the shell, which asks to sign in again.
   */
  protected describe(error: unknown): string {
    if (isSessionEnded(error)) {
      this.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT, { bubbles: true, composed: true }));
    }
    if (!(error instanceof Error) || !('type' in error)) console.error(error);
    return this.t(adminErrorKey(error));
  }

  /** Why the screen's data could not be loaded, and a button that tries again. */
  protected loadProblem(message: string, retry: () => unknown): TemplateResult {
    return html`<div class="card error-banner" role="alert">
      <p class="error">${message}</p>
      <button class="button" type="button" @click=${() => void retry()}>${this.t('common.retry')}</button>
    </div>`;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: false });
  }
}
