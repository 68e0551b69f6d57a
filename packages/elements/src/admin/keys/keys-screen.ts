import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { toKeyOrigin, type ApiKey, type ApiKeyCreated } from '@shoptag/sdk/admin';
import { AdminScreen } from '../ui/admin-screen.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import type { AdminMessageKey } from '../i18n/admin-messages.js';

type Editor = { kind: 'publishable' } | { kind: 'secret' } | { kind: 'origins'; key: ApiKey };

/** Lines of a textarea as origins; null when a line is not an http(s) address. */
function originsOf(text: string): string[] | null {
  const origins: string[] = [];
  for (const line of text
    .split(/[\n,]+/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const origin = toKeyOrigin(line);
    if (origin === null) return null;
    origins.push(origin);
  }
  return [...new Set(origins)];
}

/**
 * API keys: kind, mode, name, allowed sites, created and last used — never a key itself. Creates
 * publishable keys with the sites allowed to use them; a secret key only when the owner asks for
 * one and confirms what it is; a new key is shown once, with a copy button. Sites can be edited;
 * keys revoked or rotated after a confirmation.
 *
 * @summary Console screen: API keys.
 * @tagname shop-admin-keys
 */
export class ShopAdminKeys extends AdminScreen {
  static readonly tagName = 'shop-admin-keys';
  static override styles = [
    ...AdminScreen.styles,
    css`
      dialog {
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--shop-space-4, 1.25rem);
        inline-size: min(34rem, calc(100vw - 2rem));
        box-sizing: border-box;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      textarea {
        min-block-size: 6rem;
        inline-size: 100%;
      }
      .secret {
        font-family: ui-monospace, monospace;
        overflow-wrap: anywhere;
        padding: 0.5rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius-small);
        user-select: all;
      }
      .warning {
        border-inline-start: 4px solid var(--shop-color-danger, light-dark(#b42318, #ff8a8a));
        padding-inline-start: 0.75rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
      }
      .field label {
        font-weight: 500;
      }
      .origins {
        margin: 0;
        padding: 0;
        list-style: none;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private keys: ApiKey[] | null = null;
  @state() private error = '';
  @state() private editor: Editor | null = null;
  @state() private formError: AdminMessageKey | '' = '';
  @state() private saving = false;
  @state() private shown: ApiKeyCreated | null = null;
  @state() private pending: { action: 'revoke' | 'rotate'; key: ApiKey } | null = null;
  @query('#editor') private editorDialog!: HTMLDialogElement;
  @query('#shown') private shownDialog!: HTMLDialogElement;
  @query('shop-admin-confirm') private confirm!: ShopAdminConfirm;
  private opener: HTMLElement | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      this.keys = (await this.console.client.keys.list()).data;
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  private nameOf(key: ApiKey): string {
    return key.name || `${this.t('keys.unnamed')} (${key.display_prefix})`;
  }

  private async open(editor: Editor, event: Event): Promise<void> {
    this.opener = event.currentTarget as HTMLElement;
    this.editor = editor;
    this.formError = '';
    await this.updateComplete;
    this.editorDialog.showModal();
  }

  private closeEditor(): void {
    this.editorDialog.close();
    this.editor = null;
    this.opener?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editor = this.editor;
    if (!editor || this.saving) return;
    const data = new FormData(event.target as HTMLFormElement);
    const name = String(data.get('name') ?? '').trim();
    const mode = data.get('mode') === 'live' ? 'live' : 'test';
    this.formError = '';
    if (editor.kind === 'secret' && data.get('understood') !== 'on') {
      this.formError = 'keys.invalid.confirmSecret';
      return;
    }
    let origins: string[] = [];
    if (editor.kind !== 'secret') {
      const parsed = originsOf(String(data.get('origins') ?? ''));
      if (parsed === null) return void (this.formError = 'keys.invalid.origin');
      if (parsed.length === 0 && editor.kind === 'publishable')
        return void (this.formError = 'keys.invalid.originsRequired');
      origins = parsed;
    }
    this.saving = true;
    try {
      const admin = this.console.client.keys;
      if (editor.kind === 'origins') {
        const before = new Set(editor.key.allowed_origins);
        const add = origins.filter((o) => !before.has(o));
        const remove = editor.key.allowed_origins.filter((o) => !origins.includes(o));
        if (add.length || remove.length) await admin.updateOrigins(editor.key.id, { add, remove });
        this.closeEditor();
        this.console.announce(this.t('common.saved'));
      } else {
        const created = await admin.create(
          editor.kind === 'publishable'
            ? { kind: 'publishable', mode, name, allowed_origins: origins }
            : { kind: 'secret', mode, name },
        );
        this.closeEditor();
        await this.showOnce(created);
      }
      await this.load();
    } catch (error) {
      this.error = this.describe(error);
      this.closeEditor();
    } finally {
      this.saving = false;
    }
  }

  private async showOnce(created: ApiKeyCreated): Promise<void> {
    this.shown = created;
    await this.updateComplete;
    this.shownDialog.showModal();
  }

  private closeShown(): void {
    this.shownDialog.close();
    // The key is gone from memory once its dialog closes.
    this.shown = null;
    this.opener?.focus();
  }

  private async copy(): Promise<void> {
    if (!this.shown) return;
    try {
      await navigator.clipboard.writeText(this.shown.secret);
      this.console.announce(this.t('keys.copied'));
    } catch {
      // Without clipboard permission the key stays selectable on screen (select-all on click).
      const range = document.createRange();
      const node = this.renderRoot.querySelector('.secret');
      if (node) {
        range.selectNodeContents(node);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
    }
  }

  private async act(action: 'revoke' | 'rotate', key: ApiKey, event: Event): Promise<void> {
    this.opener = event.currentTarget as HTMLElement;
    this.pending = { action, key };
    await this.updateComplete;
    if (!(await this.confirm.ask())) return;
    try {
      if (action === 'revoke') {
        await this.console.client.keys.revoke(key.id);
        this.console.announce(this.t('keys.revoked'));
      } else {
        const created = await this.console.client.keys.rotate(key.id);
        this.console.announce(this.t('keys.rotated'));
        await this.showOnce(created);
      }
      await this.load();
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  private renderEditor(editor: Editor): TemplateResult {
    const heading =
      editor.kind === 'publishable'
        ? this.t('keys.createTitle')
        : editor.kind === 'secret'
          ? this.t('keys.secretTitle')
          : this.t('keys.editOriginsTitle', { name: this.nameOf(editor.key) });
    return html`<h2 id="editor-heading">${heading}</h2>
      <form class="stack" novalidate @submit=${this.submit}>
        ${editor.kind === 'secret' ? html`<p class="warning">${this.t('keys.secretWarning')}</p>` : nothing}
        ${
          editor.kind === 'origins'
            ? nothing
            : html`<div class="field">
                  <label for="key-name">${this.t('keys.name')}</label>
                  <input id="key-name" name="name" autocomplete="off" maxlength="200" />
                </div>
                <div class="field">
                  <label for="key-mode">${this.t('keys.mode')}</label>
                  <select id="key-mode" name="mode">
                    <option value="test">${this.t('keys.mode.test')}</option>
                    <option value="live">${this.t('keys.mode.live')}</option>
                  </select>
                </div>`
        }
        ${
          editor.kind === 'secret'
            ? html`<label class="row"
              ><input type="checkbox" name="understood" aria-invalid=${this.formError ? 'true' : 'false'} />
              ${this.t('keys.secretConfirm')}</label
            >`
            : html`<div class="field">
              <label for="origins">${this.t('keys.originsLabel')}</label>
              <span class="muted" id="origins-hint">${this.t('keys.originsHint')}</span>
              <textarea
                id="origins"
                name="origins"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="origins-hint${this.formError ? ' form-error' : ''}"
                aria-invalid=${this.formError ? 'true' : 'false'}
                .value=${editor.kind === 'origins' ? editor.key.allowed_origins.join('\n') : ''}
              ></textarea>
            </div>`
        }
        ${
          this.formError
            ? html`<p class="field-error" id="form-error" role="alert">${this.t(this.formError)}</p>`
            : nothing
        }
        <div class="row">
          <button class="button primary" type="submit" ?disabled=${this.saving}>
            ${this.saving ? this.t('common.saving') : editor.kind === 'origins' ? this.t('common.save') : this.t('common.create')}
          </button>
          <button class="button" type="button" @click=${() => this.closeEditor()}>${this.t('common.cancel')}</button>
        </div>
      </form>`;
  }

  private renderOrigins(key: ApiKey): TemplateResult | string {
    if (key.kind === 'secret') return '—';
    if (key.allowed_origins.length === 0) return this.t('keys.noOrigins');
    return html`<ul class="origins">
      ${key.allowed_origins.map((o) => html`<li>${o === '*' ? this.t('keys.anyOrigin') : o}</li>`)}
    </ul>`;
  }

  override render() {
    const date = new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeStyle: 'short' });
    const when = (iso: string | null) => (iso ? date.format(new Date(iso)) : this.t('keys.never'));
    return html`<h1 tabindex="-1">${this.t('keys.title')}</h1>
      <p class="muted">${this.t('keys.intro')}</p>
      <div class="toolbar">
        <button class="button primary" type="button" @click=${(e: Event) => this.open({ kind: 'publishable' }, e)}>
          ${this.t('keys.create')}
        </button>
        <button class="button" type="button" @click=${(e: Event) => this.open({ kind: 'secret' }, e)}>
          ${this.t('keys.createSecret')}
        </button>
      </div>
      ${this.error ? this.loadProblem(this.error, () => this.load()) : nothing}
      ${
        this.keys === null
          ? this.error
            ? nothing
            : html`<p role="status">${this.t('common.loading')}</p>`
          : this.keys.length === 0
            ? html`<p class="card">${this.t('keys.empty')}</p>`
            : html`<table class="responsive">
              <thead>
                <tr>
                  <th scope="col">${this.t('keys.name')}</th>
                  <th scope="col">${this.t('keys.kind')}</th>
                  <th scope="col">${this.t('keys.origins')}</th>
                  <th scope="col">${this.t('keys.created')}</th>
                  <th scope="col">${this.t('keys.lastUsed')}</th>
                  <th scope="col">${this.t('keys.status')}</th>
                  <th scope="col">${this.t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.keys.map((key) => {
                  const live = key.status === 'active' || key.status === 'expiring';
                  return html`<tr>
                    <td data-label=${this.t('keys.name')}>
                      ${this.nameOf(key)}<br /><span class="muted">${key.display_prefix}</span>
                    </td>
                    <td data-label=${this.t('keys.kind')}>
                      ${this.t(`keys.kind.${key.kind}`)} · ${this.t(`keys.mode.${key.mode}`)}
                    </td>
                    <td data-label=${this.t('keys.origins')}>${this.renderOrigins(key)}</td>
                    <td data-label=${this.t('keys.created')}>${when(key.created_at)}</td>
                    <td data-label=${this.t('keys.lastUsed')}>${when(key.last_used_at)}</td>
                    <td data-label=${this.t('keys.status')}>
                      <span class="badge"
                        >${this.t(`keys.status.${key.status}`, { date: key.expires_at ? when(key.expires_at) : '' })}</span
                      >
                    </td>
                    <td data-label=${this.t('common.actions')}>
                      ${
                        live
                          ? html`<div class="row">
                            ${
                              key.kind === 'publishable'
                                ? html`<button
                                  class="button"
                                  type="button"
                                  aria-label=${`${this.t('keys.editOrigins')}: ${this.nameOf(key)}`}
                                  @click=${(e: Event) => this.open({ kind: 'origins', key }, e)}
                                >
                                  ${this.t('keys.editOrigins')}
                                </button>`
                                : nothing
                            }
                            <button
                              class="button"
                              type="button"
                              aria-label=${`${this.t('keys.rotate')}: ${this.nameOf(key)}`}
                              @click=${(e: Event) => this.act('rotate', key, e)}
                            >
                              ${this.t('keys.rotate')}
                            </button>
                            <button
                              class="button"
                              type="button"
                              aria-label=${`${this.t('keys.revoke')}: ${this.nameOf(key)}`}
                              @click=${(e: Event) => this.act('revoke', key, e)}
                            >
                              ${this.t('keys.revoke')}
                            </button>
                          </div>`
                          : nothing
                      }
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }
      <dialog id="editor" aria-labelledby="editor-heading" @cancel=${() => (this.editor = null)}>
        ${this.editor ? this.renderEditor(this.editor) : nothing}
      </dialog>
      <dialog id="shown" aria-labelledby="shown-heading" @cancel=${(e: Event) => e.preventDefault()}>
        ${
          this.shown
            ? html`<h2 id="shown-heading">${this.t('keys.shownOnceTitle')}</h2>
              <p class="warning">${this.t('keys.shownOnce')}</p>
              <p class="secret">${this.shown.secret}</p>
              ${this.shown.kind === 'secret' ? html`<p class="warning">${this.t('keys.secretWarning')}</p>` : nothing}
              <div class="row">
                <button class="button primary" type="button" @click=${() => this.copy()}>${this.t('keys.copy')}</button>
                <button class="button" type="button" @click=${() => this.closeShown()}>${this.t('keys.done')}</button>
              </div>`
            : nothing
        }
      </dialog>
      <shop-admin-confirm
        heading=${
          this.pending
            ? this.t(this.pending.action === 'revoke' ? 'keys.revokeQuestion' : 'keys.rotateQuestion', {
                name: this.nameOf(this.pending.key),
              })
            : ''
        }
        confirm-label=${this.pending ? this.t(this.pending.action === 'revoke' ? 'keys.revoke' : 'keys.rotate') : ''}
        ?danger=${this.pending?.action === 'revoke'}
      ></shop-admin-confirm>`;
  }
}
