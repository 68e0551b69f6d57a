import { isShopError } from '@shoptag/sdk';
import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { ShopSettings, ShopSettingsUpdate } from '@shoptag/sdk/admin';
import { AdminScreen } from '../ui/admin-screen.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import {
  draftOf,
  fieldOfParam,
  newMethod,
  newZone,
  toUpdate,
  type FieldProblem,
  type MethodDraft,
  type SettingsDraft,
  type ZoneDraft,
} from './settings-draft.js';

type Section = 'shop_name' | 'currency' | 'shipping' | 'tax';

/**
 * The shop's settings: name, currency, shipping zones (countries, methods, rates, free-over
 * thresholds) and tax rates. Amounts are typed in the currency's major units and sent as integer
 * minor units; a section can be handed back to the server's configuration.
 *
 * @summary Console screen: shop settings.
 * @tagname shop-admin-settings
 */
export class ShopAdminSettings extends AdminScreen {
  static readonly tagName = 'shop-admin-settings';
  static override styles = [
    ...AdminScreen.styles,
    css`
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--shop-space-4, 1rem);
        margin: 0;
        display: grid;
        gap: var(--shop-space-3, 0.75rem);
        min-inline-size: 0;
      }
      legend {
        font-weight: 600;
        padding-inline: 0.25rem;
      }
      .grid {
        display: grid;
        gap: var(--shop-space-3, 0.75rem);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
        align-items: start;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 500;
      }
      .hint {
        font-weight: 400;
        font-size: 0.875rem;
        color: var(--_muted);
      }
      .source {
        font-size: 0.8125rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        align-content: start;
      }
      .field label {
        font-weight: 500;
      }
      .grid input,
      .grid select {
        inline-size: 100%;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: flex-end;
      }
    `,
  ];

  @state() private settings: ShopSettings | null = null;
  @state() private draft: SettingsDraft | null = null;
  @state() private loadError = '';
  @state() private saveError = '';
  @state() private saving = false;
  @state() private problems = new Map<string, FieldProblem>();
  @query('shop-admin-confirm') private confirm!: ShopAdminConfirm;
  private confirmHeading = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      this.show(await this.console.client.settings.get());
    } catch (error) {
      this.loadError = this.describe(error);
    }
  }

  private show(settings: ShopSettings): void {
    this.settings = settings;
    this.draft = draftOf(settings);
    this.problems = new Map();
  }

  /** Whether the form differs from what was loaded (the shell asks before leaving). */
  canLeave(): boolean {
    if (!this.settings || !this.draft) return true;
    if (JSON.stringify(this.draft) === JSON.stringify(draftOf(this.settings))) return true;
    return confirm(this.t('common.unsaved'));
  }

  private edit(change: (draft: SettingsDraft) => void): void {
    if (!this.draft) return;
    const next = structuredClone(this.draft);
    change(next);
    this.draft = next;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.draft || !this.settings || this.saving) return;
    this.saveError = '';
    const built = toUpdate(this.draft);
    if (!built.ok) {
      this.problems = built.problems;
      await this.focusFirstProblem();
      return;
    }
    this.problems = new Map();
    // Only the sections that changed: a section left alone keeps following the server's configuration.
    const original = toUpdate(draftOf(this.settings));
    const change: ShopSettingsUpdate = {};
    const was = original.ok ? original.update : null;
    const now = built.update;
    if (now.shop_name !== was?.shop_name) change.shop_name = now.shop_name;
    if (now.currency !== was?.currency) change.currency = now.currency;
    if (JSON.stringify(now.shipping) !== JSON.stringify(was?.shipping) || change.currency)
      change.shipping = now.shipping;
    if (JSON.stringify(now.tax) !== JSON.stringify(was?.tax)) change.tax = now.tax;
    if (Object.keys(change).length === 0) {
      this.console.announce(this.t('common.saved'));
      return;
    }
    await this.send(change);
  }

  private async send(change: ShopSettingsUpdate): Promise<void> {
    this.saving = true;
    try {
      this.show(await this.console.client.settings.update(change));
      this.console.announce(this.t('common.saved'));
    } catch (error) {
      if (isShopError(error) && error.code === 'settings_currency_mismatch') {
        this.problems = new Map([['currency', { key: 'settings.invalid.currencyNeedsRates' }]]);
        this.saveError = this.t('settings.invalid.currencyNeedsRates');
      } else if (isShopError(error) && error.type === 'invalid_request_error' && error.param) {
        this.problems = new Map([[fieldOfParam(error.param), { key: 'error.invalidRequest' }]]);
        this.saveError = this.describe(error);
      } else {
        this.saveError = this.describe(error);
      }
      await this.focusFirstProblem();
    } finally {
      this.saving = false;
    }
  }

  private async useConfigured(section: Section): Promise<void> {
    this.confirmHeading = this.t('settings.useConfigured');
    this.requestUpdate();
    await this.updateComplete;
    if (!(await this.confirm.ask())) return;
    await this.send(section === 'currency' ? { currency: null, shipping: null } : { [section]: null });
  }

  private async removeZone(z: number): Promise<void> {
    this.confirmHeading = this.t('settings.removeZoneQuestion');
    this.requestUpdate();
    await this.updateComplete;
    if (!(await this.confirm.ask())) return;
    this.edit((d) => d.zones.splice(z, 1));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#add-zone')?.focus();
  }

  private async focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private problem(path: string): TemplateResult | typeof nothing {
    const p = this.problems.get(path);
    return p ? html`<span class="field-error" id="${path}-error">${this.t(p.key, p.params)}</span>` : nothing;
  }

  /** A labelled text input bound to a path of the draft. */
  private text(
    path: string,
    label: AdminMessageKey,
    value: string,
    set: (d: SettingsDraft, v: string) => void,
    options: { hint?: AdminMessageKey; inputmode?: string; autocomplete?: string; unit?: string } = {},
  ): TemplateResult {
    const invalid = this.problems.has(path);
    const described = [invalid ? `${path}-error` : '', options.hint ? `${path}-hint` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${path}>${this.t(label)}${options.unit ? ` (${options.unit})` : ''}</label>
      ${options.hint ? html`<span class="hint" id="${path}-hint">${this.t(options.hint)}</span>` : nothing}
      <input
        id=${path}
        .value=${value}
        inputmode=${options.inputmode ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(e: Event) => this.edit((d) => set(d, (e.target as HTMLInputElement).value))}
      />${this.problem(path)}
    </div>`;
  }

  private source(section: Section): TemplateResult {
    const source = this.settings!.sources[section];
    return html`<p class="source muted">
      ${this.t(`settings.source.${source}`)}
      ${
        source === 'settings'
          ? html`<button class="button" type="button" ?disabled=${this.saving} @click=${() => this.useConfigured(section)}>
            ${this.t('settings.useConfigured')}
          </button>`
          : nothing
      }
    </p>`;
  }

  private renderMethod(zone: ZoneDraft, z: number, m: MethodDraft, i: number): TemplateResult {
    const at = `zones.${z}.methods.${i}`;
    const set = (fn: (method: MethodDraft, v: string) => void) => (d: SettingsDraft, v: string) =>
      fn(d.zones[z]!.methods[i]!, v);
    const currency = this.draft!.currency.trim().toUpperCase() || '';
    const money = { inputmode: 'decimal', unit: currency };
    return html`<fieldset>
      <legend>${this.t('settings.method', { number: i + 1 })}${m.name ? ` — ${m.name}` : ''}</legend>
      <div class="grid">
        ${this.text(
          `${at}.name`,
          'settings.methodName',
          m.name,
          set((x, v) => (x.name = v)),
        )}
        ${this.text(
          `${at}.carrier`,
          'settings.carrier',
          m.carrier,
          set((x, v) => (x.carrier = v)),
        )}
        <div class="field">
          <label for="${at}.rateType">${this.t('settings.rateType')}</label>
          <select
            id="${at}.rateType"
            .value=${m.rateType}
            @change=${(e: Event) =>
              this.edit((d) => (d.zones[z]!.methods[i]!.rateType = (e.target as HTMLSelectElement).value as 'flat'))}
          >
            <option value="flat" ?selected=${m.rateType === 'flat'}>${this.t('settings.rateFlat')}</option>
            <option value="weight" ?selected=${m.rateType === 'weight'}>${this.t('settings.rateWeight')}</option>
          </select>
        </div>
        ${
          m.rateType === 'flat'
            ? this.text(
                `${at}.amount`,
                'settings.amount',
                m.amount,
                set((x, v) => (x.amount = v)),
                money,
              )
            : html`${this.text(
                `${at}.base`,
                'settings.base',
                m.base,
                set((x, v) => (x.base = v)),
                money,
              )}
            ${this.text(
              `${at}.perKg`,
              'settings.perKg',
              m.perKg,
              set((x, v) => (x.perKg = v)),
              money,
            )}`
        }
        ${this.text(
          `${at}.freeOver`,
          'settings.freeOver',
          m.freeOver,
          set((x, v) => (x.freeOver = v)),
          {
            ...money,
            hint: 'settings.freeOverHint',
          },
        )}
        ${this.text(
          `${at}.days`,
          'settings.daysMin',
          m.daysMin,
          set((x, v) => (x.daysMin = v)),
          {
            inputmode: 'numeric',
          },
        )}
        ${this.text(
          `${at}.daysMax`,
          'settings.daysMax',
          m.daysMax,
          set((x, v) => (x.daysMax = v)),
          {
            inputmode: 'numeric',
          },
        )}
      </div>
      ${
        zone.methods.length > 1
          ? html`<div>
            <button
              class="button"
              type="button"
              @click=${() => this.edit((d) => d.zones[z]!.methods.splice(i, 1))}
            >
              ${this.t('settings.removeMethod')}
            </button>
          </div>`
          : nothing
      }
    </fieldset>`;
  }

  private renderZone(zone: ZoneDraft, z: number): TemplateResult {
    const at = `zones.${z}`;
    return html`<fieldset>
      <legend>${this.t('settings.zone', { number: z + 1 })}${zone.name ? ` — ${zone.name}` : ''}</legend>
      <div class="grid">
        ${this.text(`${at}.name`, 'settings.zoneName', zone.name, (d, v) => (d.zones[z]!.name = v))}
        ${
          zone.everywhere
            ? nothing
            : this.text(
                `${at}.countries`,
                'settings.zoneCountries',
                zone.countries,
                (d, v) => (d.zones[z]!.countries = v),
                {
                  hint: 'settings.zoneCountriesHint',
                  autocomplete: 'off',
                },
              )
        }
      </div>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${zone.everywhere}
          @change=${(e: Event) => this.edit((d) => (d.zones[z]!.everywhere = (e.target as HTMLInputElement).checked))}
        />${this.t('settings.zoneEverywhere')}</label
      >
      ${zone.everywhere ? this.problem(`${at}.countries`) : nothing}
      ${zone.methods.map((m, i) => this.renderMethod(zone, z, m, i))}
      <div class="row">
        <button
          class="button"
          type="button"
          @click=${() => this.edit((d) => d.zones[z]!.methods.push(newMethod(d.zones[z]!.methods)))}
        >
          ${this.t('settings.addMethod')}
        </button>
        ${
          this.draft!.zones.length > 1
            ? html`<button class="button" type="button" @click=${() => this.removeZone(z)}>
              ${this.t('settings.removeZone')}
            </button>`
            : nothing
        }
      </div>
    </fieldset>`;
  }

  private renderTax(draft: SettingsDraft): TemplateResult {
    return html`<fieldset>
      <legend>${this.t('settings.tax')}</legend>
      ${this.source('tax')}
      <label class="check"
        ><input
          type="checkbox"
          .checked=${draft.pricesIncludeTax}
          @change=${(e: Event) => this.edit((d) => (d.pricesIncludeTax = (e.target as HTMLInputElement).checked))}
        />${this.t('settings.pricesIncludeTax')}</label
      >
      <div class="grid">
        ${this.text(
          'defaultCountry',
          'settings.defaultCountry',
          draft.defaultCountry,
          (d, v) => (d.defaultCountry = v),
          {
            hint: 'settings.defaultCountryHint',
          },
        )}
        ${this.text(
          'shippingTaxable',
          'settings.shippingTaxable',
          draft.shippingTaxable,
          (d, v) => (d.shippingTaxable = v),
          {
            hint: 'settings.shippingTaxableHint',
          },
        )}
      </div>
      <h3>${this.t('settings.rates')}</h3>
      ${draft.rates.length === 0 ? html`<p class="muted">${this.t('settings.noRates')}</p>` : nothing}
      ${draft.rates.map(
        (r, i) => html`<div class="grid" role="group" aria-label=${`${this.t('settings.rates')} ${i + 1}`}>
          ${this.text(`rates.${i}.country`, 'settings.rateCountry', r.country, (d, v) => (d.rates[i]!.country = v))}
          ${this.text(`rates.${i}.region`, 'settings.rateRegion', r.region, (d, v) => (d.rates[i]!.region = v))}
          ${this.text(`rates.${i}.percent`, 'settings.ratePercent', r.percent, (d, v) => (d.rates[i]!.percent = v), {
            inputmode: 'decimal',
          })}
          <div>
            <button class="button" type="button" @click=${() => this.edit((d) => d.rates.splice(i, 1))}>
              ${this.t('settings.removeRate')}
            </button>
          </div>
        </div>`,
      )}
      <div>
        <button
          class="button"
          type="button"
          @click=${() => this.edit((d) => d.rates.push({ country: '', region: '', percent: '' }))}
        >
          ${this.t('settings.addRate')}
        </button>
      </div>
    </fieldset>`;
  }

  override render() {
    const draft = this.draft;
    return html`<h1 tabindex="-1">${this.t('settings.title')}</h1>
      ${
        this.loadError
          ? this.loadProblem(this.loadError, () => this.load())
          : !draft
            ? html`<p role="status">${this.t('common.loading')}</p>`
            : html`<form class="stack" novalidate @submit=${this.save}>
              <p class="muted">${this.t('settings.intro')}</p>
              <fieldset>
                <legend>${this.t('settings.general')}</legend>
                <div class="grid">
                  <div>
                    ${this.text('shopName', 'settings.shopName', draft.shopName, (d, v) => (d.shopName = v), {
                      autocomplete: 'organization',
                    })}
                    ${this.source('shop_name')}
                  </div>
                  <div>
                    ${this.text('currency', 'settings.currency', draft.currency, (d, v) => (d.currency = v), {
                      hint: 'settings.currencyHint',
                    })}
                    ${this.source('currency')}
                  </div>
                </div>
              </fieldset>
              <section class="stack" aria-labelledby="shipping-heading">
                <h2 id="shipping-heading">${this.t('settings.shipping')}</h2>
                ${this.source('shipping')} ${draft.zones.map((zone, z) => this.renderZone(zone, z))}
                <div>
                  <button
                    id="add-zone"
                    class="button"
                    type="button"
                    @click=${() => this.edit((d) => d.zones.push(newZone(d.zones)))}
                  >
                    ${this.t('settings.addZone')}
                  </button>
                </div>
              </section>
              ${this.renderTax(draft)}
              ${
                this.problems.size > 0
                  ? html`<p class="error" role="alert">
                    ${this.saveError || this.t('settings.invalid.summary', { count: this.problems.size })}
                  </p>`
                  : this.saveError
                    ? html`<p class="error" role="alert">${this.saveError}</p>`
                    : nothing
              }
              <div class="actions">
                <button class="button primary" type="submit" ?disabled=${this.saving}>
                  ${this.saving ? this.t('common.saving') : this.t('common.save')}
                </button>
              </div>
            </form>`
      }
      <shop-admin-confirm heading=${this.confirmHeading} danger></shop-admin-confirm>`;
  }
}
