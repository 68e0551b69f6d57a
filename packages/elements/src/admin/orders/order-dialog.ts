import { css, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Order } from '@shoptag/sdk/admin';
import { AdminScreen } from '../ui/admin-screen.js';
import { orderStyles } from './orders.styles.js';

/** The element focused now, through shadow roots. */
function deepActive(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * What the ship and refund dialogs share: a native modal `<dialog>` (focus kept inside, Escape
 * closes) that returns focus to what opened it, the order acted on, and a busy/error state.
 */
export abstract class OrderDialog extends AdminScreen {
  static override styles = [
    ...AdminScreen.styles,
    orderStyles,
    css`
      dialog {
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--shop-space-4, 1.25rem);
        inline-size: min(36rem, calc(100vw - 2rem));
        box-sizing: border-box;
        max-block-size: calc(100dvh - 2rem);
        overflow: auto;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      form {
        display: grid;
        gap: var(--shop-space-3, 0.75rem);
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius-small);
        display: grid;
        gap: var(--shop-space-2, 0.5rem);
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: normal;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.5rem;
      }
    `,
  ];

  /** The order acted on. */
  @property({ attribute: false }) order: Order | null = null;
  @state() protected busy = false;
  @state() protected problem = '';
  @query('dialog') protected dialog!: HTMLDialogElement;
  private opener: HTMLElement | null = null;

  /** Opens the dialog, remembering what had focus to give it back on close. */
  async open(): Promise<void> {
    this.opener = deepActive();
    this.reset();
    await this.updateComplete;
    this.dialog.showModal();
  }

  protected close(): void {
    this.dialog.close();
  }

  protected onClose(): void {
    // What opened the dialog may be gone once the order changed: then the screen's heading.
    if (this.opener?.isConnected) this.opener.focus();
    else (this.getRootNode() as ShadowRoot | Document).querySelector<HTMLElement>('h1')?.focus();
    this.opener = null;
  }

  /** Clears the form for a fresh start. */
  protected abstract reset(): void;

  // A dialog is not a screen: it must not take focus when it first renders.
  protected override firstUpdated(_changed: PropertyValues): void {}
}
