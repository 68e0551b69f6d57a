import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Coupon, CouponListQuery, CouponStatus } from '@shoptag/sdk/admin';
import { LatestLoad } from '../ui/latest-load.js';
import { AdminScreen } from '../ui/admin-screen.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { couponUsage, couponValue } from './coupon-format.js';

const STATUSES: readonly CouponStatus[] = ['active', 'scheduled', 'expired', 'used_up', 'disabled'];
const TYPES = ['percentage', 'fixed_amount', 'free_shipping'] as const;

/**
 * Coupons: filter by status, kind and code; each with its discount, status and usage; disable
 * (after a confirmation) or enable in place; open one to edit it or see which orders used it.
 *
 * @summary Console screen: the coupon list.
 * @tagname shop-admin-coupons
 */
export class ShopAdminCoupons extends AdminScreen {
  static readonly tagName = 'shop-admin-coupons';
  static override styles = [
    ...AdminScreen.styles,
    css`
      .field {
        display: grid;
        gap: 0.25rem;
        font-weight: 500;
      }
    `,
  ];

  @state() private coupons: Coupon[] | null = null;
  @state() private nextCursor: string | null = null;
  @state() private error = '';
  @state() private busy = false;
  private readonly loads = new LatestLoad();
  @state() private filters: { status?: CouponStatus; type?: (typeof TYPES)[number]; q?: string } = {};
  @state() private pendingCode = '';
  @query('shop-admin-confirm') private confirm!: ShopAdminConfirm;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private async load(more = false): Promise<void> {
    const current = this.loads.start();
    this.error = '';
    this.busy = true;
    try {
      const query: CouponListQuery = { limit: 25, ...this.filters };
      if (more && this.nextCursor) query.cursor = this.nextCursor;
      const page = await this.console.client.coupons.list(query);
      if (!current()) return;
      this.coupons = more ? [...(this.coupons ?? []), ...page.data] : page.data;
      this.nextCursor = page.next_cursor;
    } catch (error) {
      if (current()) this.error = this.describe(error);
    } finally {
      if (current()) this.busy = false;
    }
  }

  private filter(change: Partial<typeof this.filters>): void {
    const next = { ...this.filters, ...change };
    for (const key of Object.keys(next) as (keyof typeof next)[]) if (!next[key]) delete next[key];
    this.filters = next;
    void this.load();
  }

  private async toggle(coupon: Coupon): Promise<void> {
    if (coupon.active) {
      this.pendingCode = coupon.code;
      await this.updateComplete;
      if (!(await this.confirm.ask())) return;
    }
    try {
      const changed = coupon.active
        ? await this.console.client.coupons.disable(coupon.id)
        : await this.console.client.coupons.enable(coupon.id);
      this.coupons = (this.coupons ?? []).map((c) => (c.id === changed.id ? changed : c));
      this.console.announce(this.t(changed.active ? 'coupons.enabled' : 'coupons.disabled', { code: changed.code }));
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  override render() {
    const locale = this.i18n.locale;
    const filtered = Object.keys(this.filters).length > 0;
    return html`<h1 tabindex="-1">${this.t('coupons.title')}</h1>
      <div class="toolbar">
        <div class="field grow">
          <label for="search">${this.t('coupons.searchCode')}</label>
          <input
            id="search"
            type="search"
            .value=${this.filters.q ?? ''}
            @input=${(e: Event) => {
              const q = (e.target as HTMLInputElement).value.trim();
              clearTimeout(this.searchTimer);
              this.searchTimer = setTimeout(() => this.filter({ q }), 250);
            }}
          />
        </div>
        <div class="field">
          <label for="status">${this.t('coupons.filterStatus')}</label>
          <select id="status" @change=${(e: Event) => this.filter({ status: (e.target as HTMLSelectElement).value as CouponStatus })}>
            <option value="">${this.t('common.all')}</option>
            ${STATUSES.map((s) => html`<option value=${s}>${this.t(`coupons.status.${s}`)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="type">${this.t('coupons.filterType')}</label>
          <select
            id="type"
            @change=${(e: Event) =>
              this.filter({ type: (e.target as HTMLSelectElement).value as (typeof TYPES)[number] })}
          >
            <option value="">${this.t('common.all')}</option>
            ${TYPES.map((type) => html`<option value=${type}>${this.t(`coupons.type.${type}`)}</option>`)}
          </select>
        </div>
        <a class="button primary" href="#/coupons/new">${this.t('coupons.new')}</a>
      </div>
      ${this.error ? this.loadProblem(this.error, () => this.load()) : nothing}
      ${
        this.coupons === null
          ? this.error
            ? nothing
            : html`<p role="status">${this.t('common.loading')}</p>`
          : this.coupons.length === 0
            ? html`<p class="card">${filtered ? this.t('common.noResults') : this.t('coupons.empty')}</p>`
            : html`<table class="responsive">
              <thead>
                <tr>
                  <th scope="col">${this.t('coupons.code')}</th>
                  <th scope="col">${this.t('coupons.kind')}</th>
                  <th scope="col">${this.t('coupons.value')}</th>
                  <th scope="col">${this.t('coupons.status')}</th>
                  <th scope="col" class="num">${this.t('coupons.usage')}</th>
                  <th scope="col">${this.t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.coupons.map(
                  (c) => html`<tr>
                    <td data-label=${this.t('coupons.code')}><a href="#/coupons/${c.id}">${c.code}</a></td>
                    <td data-label=${this.t('coupons.kind')}>${this.t(`coupons.type.${c.type}`)}</td>
                    <td data-label=${this.t('coupons.value')}>${couponValue(c, this.t.bind(this), locale)}</td>
                    <td data-label=${this.t('coupons.status')}>
                      <span class="badge">${this.t(`coupons.status.${c.status}`)}</span>
                    </td>
                    <td data-label=${this.t('coupons.usage')} class="num">
                      ${couponUsage(c, this.t.bind(this), locale)}
                    </td>
                    <td data-label=${this.t('common.actions')}>
                      <button
                        class="button"
                        type="button"
                        aria-label=${`${this.t(c.active ? 'coupons.disable' : 'coupons.enable')} ${c.code}`}
                        @click=${() => this.toggle(c)}
                      >
                        ${this.t(c.active ? 'coupons.disable' : 'coupons.enable')}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${
        this.nextCursor
          ? html`<button class="button" type="button" ?disabled=${this.busy} @click=${() => this.load(true)}>
            ${this.t('common.loadMore')}
          </button>`
          : nothing
      }
      <shop-admin-confirm
        heading=${this.t('coupons.disableQuestion', { code: this.pendingCode })}
        confirm-label=${this.t('coupons.disable')}
        danger
      ></shop-admin-confirm>`;
  }
}
