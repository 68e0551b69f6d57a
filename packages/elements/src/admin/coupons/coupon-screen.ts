import { isShopError } from '@shoptag/sdk';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import {
  currencyExponent,
  decimalToMinor,
  formatMoney,
  minorToDecimalString,
  type Coupon,
  type CouponCreate,
  type CouponUpdate,
  type CouponUsage,
} from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import { AdminScreen } from '../ui/admin-screen.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { fromLocalInput, toLocalInput } from './coupon-format.js';

type CouponType = Coupon['type'];

interface CouponDraft {
  code: string;
  type: CouponType;
  percent: string;
  amount: string;
  minimum: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perEmailLimit: string;
  active: boolean;
}

const FIELD_OF_PARAM: Readonly<Record<string, keyof CouponDraft>> = {
  code: 'code',
  percent_off: 'percent',
  amount_off: 'amount',
  minimum_subtotal: 'minimum',
  starts_at: 'startsAt',
  ends_at: 'endsAt',
  usage_limit: 'usageLimit',
  per_email_limit: 'perEmailLimit',
};

/**
 * One coupon: create it (`#/coupons/new`) or edit it (`#/coupons/cpn_…`) — kind, discount,
 * minimum order, dates, limits — disable, enable or delete it, and see the orders that used it
 * with the discount given in all.
 *
 * @summary Console screen: create or edit a coupon, and its usage.
 * @tagname shop-admin-coupon
 */
export class ShopAdminCoupon extends AdminScreen {
  static readonly tagName = 'shop-admin-coupon';
  static override styles = [
    ...AdminScreen.styles,
    css`
      .field {
        display: grid;
        gap: 0.25rem;
        align-content: start;
      }
      .field label {
        font-weight: 500;
      }
    `,
  ];

  @state() private coupon: Coupon | null = null;
  @state() private draft: CouponDraft | null = null;
  @state() private usage: CouponUsage | null = null;
  @state() private currency = 'USD';
  @state() private loadError = '';
  @state() private saveError = '';
  @state() private saving = false;
  @state() private problems = new Map<keyof CouponDraft, { key: AdminMessageKey; params?: Record<string, string> }>();
  @state() private question: 'disable' | 'delete' = 'disable';
  @query('shop-admin-confirm') private confirm!: ShopAdminConfirm;

  /** Which coupon (or `new`) the screen shows: the shell reuses the element from one coupon to the next. */
  private loadedFor: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.loadedFor = null;
    this.sync();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('params')) this.sync();
  }

  private sync(): void {
    const key = this.couponId ?? 'new';
    if (this.loadedFor === key) return;
    this.loadedFor = key;
    this.coupon = null;
    this.draft = null;
    this.usage = null;
    this.saveError = '';
    this.problems = new Map();
    void this.load();
  }

  private get couponId(): string | undefined {
    return this.params['id'];
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      if (this.couponId) {
        const [coupon, usage] = await Promise.all([
          this.console.client.coupons.get(this.couponId),
          this.console.client.coupons.usage(this.couponId, { limit: 50 }),
        ]);
        this.currency = coupon.amount_off?.currency ?? coupon.minimum_subtotal?.currency ?? (await this.shopCurrency());
        this.show(coupon);
        this.usage = usage;
      } else {
        this.currency = await this.shopCurrency();
        this.draft = {
          code: '',
          type: 'percentage',
          percent: '',
          amount: '',
          minimum: '',
          startsAt: '',
          endsAt: '',
          usageLimit: '',
          perEmailLimit: '',
          active: true,
        };
      }
    } catch (error) {
      this.loadError = this.describe(error);
    }
  }

  /** The shop currency from the settings (owners), else the currency of the newest coupon with an amount, else USD. */
  private async shopCurrency(): Promise<string> {
    try {
      return (await this.console.client.settings.get()).currency;
    } catch {
      const list = await this.console.client.coupons.list({ limit: 10 }).catch(() => null);
      const money = list?.data.find((c) => c.amount_off ?? c.minimum_subtotal);
      return money?.amount_off?.currency ?? money?.minimum_subtotal?.currency ?? 'USD';
    }
  }

  private show(coupon: Coupon): void {
    this.coupon = coupon;
    const m = (money: { amount: number; currency: string } | null) =>
      money ? minorToDecimalString(money.amount, money.currency) : '';
    this.draft = {
      code: coupon.code,
      type: coupon.type,
      percent: coupon.percent_off === null ? '' : String(coupon.percent_off),
      amount: m(coupon.amount_off),
      minimum: m(coupon.minimum_subtotal),
      startsAt: toLocalInput(coupon.starts_at),
      endsAt: toLocalInput(coupon.ends_at),
      usageLimit: coupon.usage_limit === null ? '' : String(coupon.usage_limit),
      perEmailLimit: coupon.per_email_limit === null ? '' : String(coupon.per_email_limit),
      active: coupon.active,
    };
  }

  /** The draft as the API's fields, or problems by field. */
  private fields(draft: CouponDraft): Omit<CouponCreate, 'code' | 'type'> | null {
    const problems = new Map<keyof CouponDraft, { key: AdminMessageKey; params?: Record<string, string> }>();
    const digits = currencyExponent(this.currency);
    const example = digits === 0 ? '500' : `5.${'0'.repeat(digits)}`;
    const money = (text: string, field: keyof CouponDraft, required: boolean): number | null => {
      if (!required && text.trim() === '') return null;
      const minor = decimalToMinor(text, this.currency);
      if (minor === null || minor < (required ? 1 : 0))
        problems.set(field, { key: 'coupons.invalid.money', params: { example } });
      return minor;
    };
    const count = (text: string, field: keyof CouponDraft): number | null => {
      if (text.trim() === '') return null;
      if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < 1) problems.set(field, { key: 'coupons.invalid.count' });
      return Number(text);
    };
    if (!this.coupon && !/^[A-Za-z0-9_-]{2,64}$/.test(draft.code.trim()))
      problems.set('code', { key: 'coupons.invalid.code' });
    let percent: number | null = null;
    if (draft.type === 'percentage') {
      percent = /^\d{1,3}$/.test(draft.percent.trim()) ? Number(draft.percent) : NaN;
      if (!(percent >= 1 && percent <= 100)) problems.set('percent', { key: 'coupons.invalid.percent' });
    }
    const amount = draft.type === 'fixed_amount' ? money(draft.amount, 'amount', true) : null;
    const minimum = money(draft.minimum, 'minimum', false);
    const startsAt = fromLocalInput(draft.startsAt);
    const endsAt = fromLocalInput(draft.endsAt);
    if (startsAt && endsAt && startsAt >= endsAt) problems.set('endsAt', { key: 'coupons.invalid.dates' });
    const fields = {
      ...(draft.type === 'percentage' ? { percent_off: percent } : {}),
      ...(draft.type === 'fixed_amount' ? { amount_off: amount } : {}),
      minimum_subtotal: minimum,
      starts_at: startsAt,
      ends_at: endsAt,
      usage_limit: count(draft.usageLimit, 'usageLimit'),
      per_email_limit: count(draft.perEmailLimit, 'perEmailLimit'),
      active: draft.active,
    };
    this.problems = problems;
    return problems.size === 0 ? fields : null;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.draft || this.saving) return;
    this.saveError = '';
    const fields = this.fields(this.draft);
    if (!fields) return this.focusFirstProblem();
    this.saving = true;
    try {
      if (this.coupon) {
        this.show(await this.console.client.coupons.update(this.coupon.id, fields as CouponUpdate));
        this.console.announce(this.t('common.saved'));
      } else {
        const created = await this.console.client.coupons.create({
          code: this.draft.code.trim(),
          type: this.draft.type,
          ...fields,
        });
        this.console.announce(this.t('coupons.created', { code: created.code }));
        this.console.navigate(`coupons/${created.id}`);
      }
    } catch (error) {
      if (isShopError(error) && error.code === 'coupon_code_taken') {
        this.problems = new Map([['code', { key: 'coupons.invalid.codeTaken' }]]);
      } else if (isShopError(error) && error.param && FIELD_OF_PARAM[error.param]) {
        this.problems = new Map([[FIELD_OF_PARAM[error.param]!, { key: 'error.invalidRequest' }]]);
        this.saveError = error.message;
      } else {
        this.saveError = this.describe(error);
      }
      await this.focusFirstProblem();
    } finally {
      this.saving = false;
    }
  }

  private async focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async ask(question: 'disable' | 'delete'): Promise<boolean> {
    this.question = question;
    await this.updateComplete;
    return this.confirm.ask();
  }

  private async toggle(): Promise<void> {
    const coupon = this.coupon;
    if (!coupon) return;
    if (coupon.active && !(await this.ask('disable'))) return;
    try {
      const changed = coupon.active
        ? await this.console.client.coupons.disable(coupon.id)
        : await this.console.client.coupons.enable(coupon.id);
      this.show(changed);
      this.console.announce(this.t(changed.active ? 'coupons.enabled' : 'coupons.disabled', { code: changed.code }));
    } catch (error) {
      this.saveError = this.describe(error);
    }
  }

  private async deleteCoupon(): Promise<void> {
    if (!this.coupon || !(await this.ask('delete'))) return;
    try {
      await this.console.client.coupons.delete(this.coupon.id);
      this.console.announce(this.t('coupons.deleted'));
      this.console.navigate('coupons');
    } catch (error) {
      this.saveError = this.describe(error);
    }
  }

  private input(
    field: keyof CouponDraft,
    label: string,
    options: { type?: string; inputmode?: string; hint?: AdminMessageKey; disabled?: boolean } = {},
  ): TemplateResult {
    const problem = this.problems.get(field);
    const value = this.draft![field];
    const described = [problem ? `${field}-error` : '', options.hint ? `${field}-hint` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${field}>${label}</label>
      ${options.hint ? html`<span class="muted" id="${field}-hint">${this.t(options.hint)}</span>` : nothing}
      <input
        id=${field}
        type=${options.type ?? 'text'}
        inputmode=${options.inputmode ?? 'text'}
        autocomplete="off"
        .value=${String(value)}
        ?disabled=${options.disabled ?? false}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(e: Event) => (this.draft = { ...this.draft!, [field]: (e.target as HTMLInputElement).value })}
      />
      ${problem ? html`<span class="field-error" id="${field}-error">${this.t(problem.key, problem.params)}</span>` : nothing}
    </div>`;
  }

  private renderUsage(usage: CouponUsage): TemplateResult {
    const locale = this.i18n.locale;
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section aria-labelledby="usage-heading" class="stack">
      <h2 id="usage-heading">${this.t('coupons.usageTitle')}</h2>
      <p>
        ${this.t('coupons.timesRedeemed', { count: usage.times_redeemed })} ·
        ${this.t('coupons.totalDiscount', { amount: formatMoney(usage.total_discount, locale) })}
      </p>
      ${
        usage.data.length === 0
          ? html`<p class="muted">${this.t('coupons.noUsage')}</p>`
          : html`<table class="responsive">
            <thead>
              <tr>
                <th scope="col">${this.t('coupons.order')}</th>
                <th scope="col">${this.t('coupons.customer')}</th>
                <th scope="col" class="num">${this.t('coupons.orderDiscount')}</th>
                <th scope="col" class="num">${this.t('coupons.orderTotal')}</th>
                <th scope="col">${this.t('coupons.redeemedAt')}</th>
              </tr>
            </thead>
            <tbody>
              ${usage.data.map(
                (r) => html`<tr>
                  <td data-label=${this.t('coupons.order')}>
                    ${
                      r.order_id
                        ? html`<a href="#/orders/${r.order_id}">${r.order_number}</a>`
                        : html`<span class="muted">${this.t('coupons.orderGone')}</span>`
                    }
                  </td>
                  <td data-label=${this.t('coupons.customer')}>${r.email}</td>
                  <td data-label=${this.t('coupons.orderDiscount')} class="num">
                    ${r.discount ? formatMoney(r.discount, locale) : '—'}
                  </td>
                  <td data-label=${this.t('coupons.orderTotal')} class="num">
                    ${r.total ? formatMoney(r.total, locale) : '—'}
                  </td>
                  <td data-label=${this.t('coupons.redeemedAt')}>${date.format(new Date(r.redeemed_at))}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
    </section>`;
  }

  override render() {
    const draft = this.draft;
    const coupon = this.coupon;
    const title = coupon ? this.t('coupons.editTitle', { code: coupon.code }) : this.t('coupons.createTitle');
    if (this.loadError)
      return html`<h1 tabindex="-1">${this.t('coupons.title')}</h1>
        <div class="card" role="alert">
          <p class="error">${this.loadError}</p>
          <button class="button" type="button" @click=${() => this.load()}>${this.t('common.retry')}</button>
          <a href="#/coupons">${this.t('common.back')}</a>
        </div>`;
    if (!draft)
      return html`<h1 tabindex="-1">${this.t('coupons.title')}</h1>
        <p role="status">${this.t('common.loading')}</p>`;
    return html`<p><a href="#/coupons">${this.t('common.back')}</a></p>
      <h1 tabindex="-1">${title}</h1>
      ${coupon ? html`<p><span class="badge">${this.t(`coupons.status.${coupon.status}`)}</span></p>` : nothing}
      <form class="stack card" novalidate @submit=${this.save}>
        ${this.input('code', this.t('coupons.code'), { disabled: coupon !== null })}
        <div class="field">
          <label for="type">${this.t('coupons.kind')}</label>
          <select
            id="type"
            ?disabled=${coupon !== null}
            @change=${(e: Event) =>
              (this.draft = { ...this.draft!, type: (e.target as HTMLSelectElement).value as CouponType })}
          >
            ${(['percentage', 'fixed_amount', 'free_shipping'] as const).map(
              (type) =>
                html`<option value=${type} ?selected=${draft.type === type}>${this.t(`coupons.type.${type}`)}</option>`,
            )}
          </select>
        </div>
        ${
          draft.type === 'percentage'
            ? this.input('percent', this.t('coupons.percentOff'), { inputmode: 'numeric' })
            : nothing
        }
        ${
          draft.type === 'fixed_amount'
            ? this.input('amount', this.t('coupons.amountOff', { currency: this.currency }), { inputmode: 'decimal' })
            : nothing
        }
        ${this.input('minimum', this.t('coupons.minimumSubtotal', { currency: this.currency }), {
          inputmode: 'decimal',
          hint: 'coupons.minimumHint',
        })}
        <div class="row">
          ${this.input('startsAt', this.t('coupons.startsAt'), { type: 'datetime-local', hint: 'coupons.datesHint' })}
          ${this.input('endsAt', this.t('coupons.endsAt'), { type: 'datetime-local' })}
        </div>
        <div class="row">
          ${this.input('usageLimit', this.t('coupons.usageLimit'), { inputmode: 'numeric', hint: 'coupons.limitHint' })}
          ${this.input('perEmailLimit', this.t('coupons.perEmailLimit'), { inputmode: 'numeric' })}
        </div>
        ${
          coupon
            ? nothing
            : html`<label class="row"
              ><input
                type="checkbox"
                .checked=${draft.active}
                @change=${(e: Event) => (this.draft = { ...this.draft!, active: (e.target as HTMLInputElement).checked })}
              />${this.t('coupons.active')}</label
            >`
        }
        ${this.saveError ? html`<p class="error" role="alert">${this.saveError}</p>` : nothing}
        <div class="row">
          <button class="button primary" type="submit" ?disabled=${this.saving}>
            ${this.saving ? this.t('common.saving') : coupon ? this.t('common.save') : this.t('common.create')}
          </button>
          ${
            coupon
              ? html`<button class="button" type="button" @click=${() => this.toggle()}>
                  ${this.t(coupon.active ? 'coupons.disable' : 'coupons.enable')}
                </button>
                <button class="button" type="button" @click=${() => this.deleteCoupon()}>${this.t('coupons.delete')}</button>`
              : nothing
          }
        </div>
      </form>
      ${this.usage ? this.renderUsage(this.usage) : nothing}
      <shop-admin-confirm
        heading=${
          coupon
            ? this.t(this.question === 'delete' ? 'coupons.deleteQuestion' : 'coupons.disableQuestion', {
                code: coupon.code,
              })
            : ''
        }
        confirm-label=${this.t(this.question === 'delete' ? 'common.delete' : 'coupons.disable')}
        danger
      ></shop-admin-confirm>`;
  }
}
