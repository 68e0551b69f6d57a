import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AuditLogEntry, AuditLogQuery } from '@shoptag/sdk/admin';
import { LatestLoad } from '../ui/latest-load.js';
import { AdminScreen } from '../ui/admin-screen.js';

const PAGE = 50;

/**
 * The audit log (owners only): who changed what, newest first, filtered by action, person or key,
 * and since a day; more entries page in below.
 *
 * @summary Console audit log.
 * @tagname shop-admin-audit
 */
export class ShopAdminAudit extends AdminScreen {
  static readonly tagName = 'shop-admin-audit';
  static override styles = [
    ...AdminScreen.styles,
    css`
      /* Ids and summaries are long words: they wrap rather than widen the page. */
      td {
        overflow-wrap: anywhere;
      }
      td:first-child {
        white-space: nowrap;
      }
    `,
  ];

  @state() private entries: AuditLogEntry[] | undefined;
  @state() private nextCursor: string | null = null;
  @state() private error = '';
  @state() private loading = false;
  private readonly loads = new LatestLoad();
  private filters: AuditLogQuery = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(false);
  }

  private async load(more: boolean): Promise<void> {
    const current = this.loads.start();
    this.loading = true;
    this.error = '';
    try {
      const page = await this.console.client.auditLog.list({
        ...this.filters,
        limit: PAGE,
        ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
      });
      if (!current()) return;
      this.entries = more ? [...(this.entries ?? []), ...page.data] : page.data;
      this.nextCursor = page.next_cursor;
      if (more) this.console.announce(this.t('audit.loadedMore'));
    } catch (error) {
      if (current()) this.error = this.describe(error);
    } finally {
      if (current()) this.loading = false;
    }
  }

  private filter(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const action = String(data.get('action') ?? '')
      .trim()
      .toLowerCase();
    const actor = String(data.get('actor') ?? '').trim();
    const since = String(data.get('since') ?? '');
    this.filters = {
      ...(action ? { action } : {}),
      ...(actor ? { actor } : {}),
      ...(since ? { since: new Date(`${since}T00:00:00`).toISOString() } : {}),
    };
    this.entries = undefined;
    void this.load(false);
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  private renderEntry(entry: AuditLogEntry) {
    const t = this.t.bind(this);
    const who =
      entry.actor.kind === 'api_key'
        ? t('audit.actorKey', { name: entry.actor.label || entry.actor.id || '' })
        : entry.actor.kind === 'system'
          ? t('audit.actorSystem')
          : entry.actor.label || t('audit.actorUnknown');
    return html`<tr>
      <td data-label=${t('audit.when')}><time datetime=${entry.created_at}>${this.when(entry.created_at)}</time></td>
      <td data-label=${t('audit.who')}>${who}</td>
      <td data-label=${t('audit.action')}><code>${entry.action}</code></td>
      <td data-label=${t('audit.target')}>${entry.target ? html`${entry.target.type} <code>${entry.target.id ?? ''}</code>` : '—'}</td>
      <td data-label=${t('audit.summary')}>${entry.summary}</td>
    </tr>`;
  }

  override render() {
    const t = this.t.bind(this);
    let body;
    if (this.error && !this.entries) body = this.loadProblem(this.error, () => this.load(false));
    else if (!this.entries) body = html`<p role="status">${t('common.loading')}</p>`;
    else if (this.entries.length === 0)
      body = html`<p role="status">${t(Object.keys(this.filters).length ? 'common.noResults' : 'audit.empty')}</p>`;
    else
      body = html`<table class="responsive">
          <caption class="sr-only">${t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('audit.when')}</th>
              <th scope="col">${t('audit.who')}</th>
              <th scope="col">${t('audit.action')}</th>
              <th scope="col">${t('audit.target')}</th>
              <th scope="col">${t('audit.summary')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map((entry) => this.renderEntry(entry))}
          </tbody>
        </table>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${
          this.nextCursor
            ? html`<p>
              <button class="button" type="button" aria-disabled=${this.loading ? 'true' : 'false'} @click=${() => !this.loading && this.load(true)}>
                ${t(this.loading ? 'common.loading' : 'common.loadMore')}
              </button>
            </p>`
            : nothing
        }`;
    return html`<h1 tabindex="-1">${t('audit.title')}</h1>
      <form class="toolbar" role="search" aria-label=${t('common.filters')} @submit=${this.filter}>
        <label class="grow"
          >${t('audit.filterAction')}
          <input name="action" placeholder="product.update" aria-describedby="action-hint"
        /></label>
        <label class="grow">${t('audit.filterActor')} <input name="actor" placeholder="stf_… / key_…" /></label>
        <label>${t('audit.filterSince')} <input name="since" type="date" /></label>
        <button class="button" type="submit">${t('audit.apply')}</button>
        <p id="action-hint" class="muted">${t('audit.filterActionHint')}</p>
      </form>
      ${body}`;
  }
}
