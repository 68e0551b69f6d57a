import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatMoney } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { DEV_MODE, warn } from '../internal/dev.js';
import { moneyStyles } from './money.styles.js';
import { Localizer } from '../i18n/localizer.js';

/**
 * Shows an amount of money from integer minor units, formatted for the locale with the currency's
 * own number of decimals (JPY 0, USD 2, KWD 3), e.g. `<shop-money amount="1999" currency="USD">`
 * → $19.99. No floating-point arithmetic touches the amount.
 *
 * @summary Formats integer minor units as a localized price.
 * @tagname shop-money
 *
 * @csspart base - The formatted amount.
 */
export class ShopMoney extends LitElement {
  static readonly tagName = 'shop-money';
  static override styles = moneyStyles;

  /** The amount in minor units (cents for USD, yen for JPY, fils for KWD); an integer. */
  @property({ type: Number }) amount: number | undefined = undefined;

  /** ISO 4217 currency code, e.g. `USD`. Defaults to the store's `currency`. */
  @property() currency = '';

  /** BCP 47 locale, e.g. `ja-JP`. Defaults to the store's `locale`, else the nearest `lang` (through shadow roots), else the browser's. */
  @property() locale = '';

  private readonly store = new StoreConsumer(this);
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);

  /** The formatted text, or an empty string while the amount or currency is missing. */
  get formatted(): string {
    const currency = (this.currency || this.store.value?.currency || '').toUpperCase();
    const amount = this.amount;
    if (amount === undefined || amount === null || !currency) return '';
    if (!Number.isSafeInteger(amount)) {
      if (DEV_MODE) warn('W010', `<shop-money amount="${String(amount)}"> must be an integer number of minor units.`);
      return '';
    }
    const locale = this.locale || this.i18n.locale;
    try {
      return formatMoney({ amount, currency }, locale);
    } catch (err) {
      if (DEV_MODE) warn('W011', `<shop-money> could not format ${amount} ${currency}: ${(err as Error).message}`);
      return '';
    }
  }

  protected override render() {
    const text = this.formatted;
    return text ? html`<span part="base">${text}</span>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-money': ShopMoney;
  }
}
