import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ImportJob } from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { catalogStyles } from '../ui/catalog.styles.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';

/** How often a running job is asked for its progress. */
const POLL_MS = 1000;

interface ReportRow {
  row: number;
  handle: string | null;
  outcome: 'created' | 'updated' | 'unchanged' | 'skipped';
  message: string;
}

const finished = (job: ImportJob) =>
  job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';

/** The job's written products and skipped rows, as one table in file order. */
export function importReport(job: ImportJob): ReportRow[] {
  return [
    ...job.products.map((p) => ({ row: p.row, handle: p.handle, outcome: p.outcome, message: '' })),
    ...job.errors.map((e) => ({ row: e.row, handle: e.handle, outcome: 'skipped' as const, message: e.reason })),
  ].sort((a, b) => a.row - b.row);
}

/**
 * Imports a Shopify product CSV: sends the file, then follows the job (its address is
 * `#/imports/imp_…`, so a reload keeps following it) with a progress bar, the counts, a row-by-row
 * report and a cancel button while it runs.
 *
 * @summary The console's CSV import.
 * @tagname shop-admin-import
 */
export class ShopAdminImport extends AdminScreen {
  static readonly tagName = 'shop-admin-import';
  static override styles = [...AdminScreen.styles, catalogStyles];

  @state() private job: ImportJob | undefined;
  @state() private banner = '';
  @state() private fileError = false;
  @state() private sending = false;
  @state() private phase: 'idle' | 'loading' | 'ready' = 'idle';
  @query('input[type=file]') private fileInput!: HTMLInputElement | null;
  @query('shop-admin-confirm') private confirmDialog!: ShopAdminConfirm;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private followed: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.params['id']) void this.follow(this.params['id']);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.followed = undefined;
  }

  private async follow(id: string): Promise<void> {
    this.followed = id;
    if (!this.job) this.phase = 'loading';
    try {
      const job = await this.console.client.imports.get(id);
      if (this.followed !== id) return;
      this.job = job;
      this.phase = 'ready';
      if (!finished(job)) this.timer = setTimeout(() => void this.follow(id), POLL_MS);
      else this.console.announce(this.t(`imports.status.${job.status}`));
    } catch (error) {
      if (this.followed !== id) return;
      this.banner = this.describe(error);
      this.phase = 'ready';
    }
  }

  private async start(event: Event): Promise<void> {
    event.preventDefault();
    const file = this.fileInput?.files?.[0];
    this.fileError = !file;
    if (!file) {
      this.fileInput?.focus();
      return;
    }
    this.sending = true;
    this.banner = '';
    try {
      const job = await this.console.client.imports.start(file);
      this.job = job;
      this.phase = 'ready';
      this.console.navigate(`imports/${job.id}`);
      void this.follow(job.id);
    } catch (error) {
      this.banner = this.describe(error);
    } finally {
      this.sending = false;
    }
  }

  private async cancel(): Promise<void> {
    const job = this.job;
    if (!job || !(await this.confirmDialog.ask())) return;
    try {
      this.job = await this.console.client.imports.cancel(job.id);
    } catch (error) {
      this.banner = this.describe(error);
    }
  }

  private uploadForm() {
    return html`<form class="card stack" novalidate @submit=${(e: Event) => void this.start(e)}>
      <p>${this.t('imports.intro')}</p>
      <label for="file"
        >${this.t('imports.file')}
        <input
          id="file"
          type="file"
          accept=".csv,text/csv"
          aria-invalid=${this.fileError ? 'true' : 'false'}
          aria-describedby="file-error"
          @change=${() => (this.fileError = false)}
        />
        <span class="field-error" id="file-error">${this.fileError ? this.t('imports.chooseFile') : nothing}</span>
      </label>
      <div class="actions">
        <button class="button primary" type="submit" ?disabled=${this.sending}>
          ${this.sending ? this.t('imports.starting') : this.t('imports.start')}
        </button>
      </div>
    </form>`;
  }

  private progress(job: ImportJob) {
    const total = Math.max(job.rows_total, 1);
    const percent = Math.min(100, Math.round((job.rows_done / total) * 100));
    const text = this.t('imports.rows', { done: job.rows_done, total: job.rows_total });
    return html`<section class="card stack" aria-labelledby="progress-label">
      <div class="row">
        <strong id="progress-label">${this.t('imports.progress')}</strong>
        <span class="badge">${this.t(`imports.status.${job.status}`)}</span>
      </div>
      <div
        class="progress"
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin="0"
        aria-valuemax=${job.rows_total}
        aria-valuenow=${job.rows_done}
        aria-valuetext=${text}
      >
        <div style=${styleMap({ 'inline-size': `${percent}%` })}></div>
      </div>
      <p class="muted">${text}</p>
      <p>
        ${this.t('imports.summary', {
          created: job.created,
          updated: job.updated,
          unchanged: job.unchanged,
          skipped: job.skipped,
        })}
      </p>
      ${job.failure ? html`<p class="error" role="alert">${job.failure.message}</p>` : nothing}
      <div class="actions">
        ${
          finished(job)
            ? html`<a class="button" href="#/imports" @click=${() => (this.job = undefined)}>${this.t('imports.another')}</a>`
            : html`<button class="button" type="button" ?disabled=${job.cancel_requested} @click=${() => void this.cancel()}>
              ${this.t('imports.cancel')}
            </button>`
        }
      </div>
    </section>`;
  }

  private report(job: ImportJob) {
    const rows = importReport(job);
    if (rows.length === 0) return html`<p class="muted">${this.t('imports.reportEmpty')}</p>`;
    return html`<table class="responsive">
      <thead>
        <tr>
          <th scope="col" class="num">${this.t('imports.col.row')}</th>
          <th scope="col">${this.t('imports.col.handle')}</th>
          <th scope="col">${this.t('imports.col.outcome')}</th>
          <th scope="col">${this.t('imports.col.message')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <td data-label=${this.t('imports.col.row')} class="num">${r.row}</td>
            <td data-label=${this.t('imports.col.handle')}>${r.handle ?? '—'}</td>
            <td data-label=${this.t('imports.col.outcome')}>
              <span class="badge">${this.t(`imports.outcome.${r.outcome}` as AdminMessageKey)}</span>
            </td>
            <td data-label=${this.t('imports.col.message')}>${r.message}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const job = this.params['id'] ? this.job : undefined;
    return html`<h1 tabindex="-1">${this.t('imports.title')}</h1>
      ${this.banner ? html`<div class="card error-banner" role="alert">${this.banner}</div>` : nothing}
      ${this.phase === 'loading' ? html`<p class="muted" aria-busy="true">${this.t('common.loading')}</p>` : nothing}
      ${
        job
          ? html`${this.progress(job)}
            <h2>${this.t('imports.report')}</h2>
            ${this.report(job)}`
          : this.phase !== 'loading'
            ? this.uploadForm()
            : nothing
      }
      <shop-admin-confirm heading=${this.t('imports.cancelConfirm')} confirm-label=${this.t('imports.cancel')} danger>
      </shop-admin-confirm>`;
  }
}
