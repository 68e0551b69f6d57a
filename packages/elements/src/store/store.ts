import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { ShopClient } from '@shoptag/sdk';
import { shopStoreContext, type ShopStoreValue } from '../internal/store-context.js';
import { defaultEndpoint, storeValueFrom } from '../internal/page-config.js';
import { warn } from '../internal/dev.js';
import { storeStyles } from './store.styles.js';

/** The colour schemes `<shop-store theme>` accepts. */
export type ShopTheme = 'light' | 'dark' | 'auto';

/**
 * Connects the Shoptag elements inside it to a shop: it creates the SDK client for `endpoint` and
 * `publishable-key` and hands it, with `locale` and `currency`, to every element within. Elements
 * outside any store use the first `<shop-store>` of the page.
 *
 * Light and dark: the elements follow the shopper's `prefers-color-scheme` unless `theme` pins one.
 * The store sets `color-scheme` and `--shop-color-scheme` on its contents, so the page's own form
 * controls inside it follow too. Elements outside any store follow the shopper, or
 * `--shop-color-scheme` set on any ancestor (`:root { --shop-color-scheme: light; }` for a page
 * that has no dark look). See docs/theming.md.
 *
 * @summary Connects the elements inside it to a shop server.
 * @tagname shop-store
 *
 * @slot - The storefront: any markup with Shoptag elements in it.
 *
 * @cssproperty --shop-color-scheme - `light`, `dark` or `light dark` (the default: the shopper's choice); set by `theme`.
 */
export class ShopStore extends LitElement {
  static readonly tagName = 'shop-store';
  static override styles = storeStyles;

  /**
   * The shop server's origin, e.g. `https://shop.example.com`. When omitted: `window.shoptag.endpoint`,
   * else the origin that served the CDN script, else the page's origin.
   */
  @property() endpoint = '';

  /** The store's publishable key (`pk_test_…` or `pk_live_…`). Never a secret key. */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** ISO 4217 currency for amounts shown without one, e.g. `<shop-money amount="1999">`. */
  @property() currency = '';

  /** BCP 47 locale for prices and numbers, e.g. `de-DE`. Defaults to the page's `lang`. */
  @property() locale = '';

  /**
   * `light` or `dark` pins the elements' colours to one scheme; `auto` (the default) follows the
   * shopper's `prefers-color-scheme`.
   */
  @property({ reflect: true }) theme: ShopTheme = 'auto';

  private readonly provider = new ContextProvider(this, { context: shopStoreContext, initialValue: undefined });

  /** The SDK client of this store; undefined until the store has a valid key. */
  get client(): ShopClient | undefined {
    return this.provider.value?.client;
  }

  /** What the elements inside receive. */
  get storeValue(): ShopStoreValue | undefined {
    return this.provider.value;
  }

  override connectedCallback(): void {
    // Configure before the provider's hostConnected answers the children that already asked.
    this.configure(false);
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('publishableKey') || changed.has('currency') || changed.has('locale'))
      this.configure(true);
  }

  private configure(report: boolean): void {
    let value: ShopStoreValue | undefined;
    if (!this.publishableKey) {
      if (report)
        warn(
          'W001',
          '<shop-store> has no publishable-key: set publishable-key="pk_test_…" (find it in the server\'s startup output).',
        );
    } else {
      try {
        value = storeValueFrom({
          endpoint: this.endpoint || defaultEndpoint(),
          publishableKey: this.publishableKey,
          locale: this.locale,
          currency: this.currency.toUpperCase(),
        });
      } catch (err) {
        if (report) warn('W002', `<shop-store> is misconfigured: ${(err as Error).message}`);
      }
    }
    const old = this.provider.value;
    const same =
      old !== undefined &&
      value !== undefined &&
      old.client === value.client &&
      old.locale === value.locale &&
      old.currency === value.currency;
    if (!same && old !== value) this.provider.setValue(value);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-store': ShopStore;
  }
}
