import { LitElement, css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { buttons, tokens, utilities } from '../../styles/shared.styles.js';
import { adminLocalizer } from '../i18n/admin-messages.js';

/**
 * A modal question with a confirm and a cancel button, on the native `<dialog>`: it traps focus,
 * closes on Escape, and returns focus to what opened it. `await dialog.ask()` resolves to whether
 * the person confirmed.
 *
 * ```html
 * <shop-admin-confirm heading="Revoke this key?" confirm-label="Revoke" danger>
 *   Pages using it stop working at once.
 * </shop-admin-confirm>
 * ```
 *
 * @summary A confirmation dialog for the console.
 * @tagname shop-admin-confirm
 * @slot - The explanation under the heading.
 */
export class ShopAdminConfirm extends LitElement {
  static readonly tagName = 'shop-admin-confirm';
  static override styles = [
    tokens,
    utilities,
    buttons,
    css`
      dialog {
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--shop-space-4, 1.25rem);
        max-inline-size: min(32rem, calc(100vw - 2rem));
        box-shadow: var(--_shadow-hover);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.125rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-block-start: 1rem;
      }
      .button.danger {
        color: #fff;
        background: var(--shop-color-danger, light-dark(#b42318, #b42318));
        border-color: transparent;
      }
    `,
  ];

  /** The question. */
  @property() heading = '';
  /** The confirm button's label; "Confirm" in the staff member's language when empty. */
  @property({ attribute: 'confirm-label' }) confirmLabel = '';
  /** Draws the confirm button as destructive. */
  @property({ type: Boolean }) danger = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  private readonly i18n = adminLocalizer(this);
  private settle: ((confirmed: boolean) => void) | undefined;

  /** Opens the dialog; resolves `true` on confirm, `false` on cancel or Escape. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.settle = resolve));
  }

  private close(confirmed: boolean): void {
    this.dialog.close();
    this.settle?.(confirmed);
    this.settle = undefined;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<dialog aria-labelledby="heading" @cancel=${() => this.settle?.(false)}>
      <h2 id="heading">${this.heading}</h2>
      <slot></slot>
      <div class="actions">
        <button class="button" type="button" autofocus @click=${() => this.close(false)}>${t('common.cancel')}</button>
        <button class="button ${this.danger ? 'danger' : 'primary'}" type="button" @click=${() => this.close(true)}>
          ${this.confirmLabel || t('common.confirm')}
        </button>
      </div>
    </dialog>`;
  }
}
