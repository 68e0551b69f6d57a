import { LitElement, html, nothing } from 'lit';
import { StoreConsumer } from '../internal/store-consumer.js';
import { CartController } from '../internal/cart-controller.js';
import { openCartDrawer } from '../internal/open-cart.js';
import { Localizer } from '../i18n/localizer.js';
import { cartButtonStyles } from './cart-button.styles.js';

/**
 * A cart icon with the number of items, e.g. for a site header. Its accessible name says the count
 * ("Cart, 3 items"); pressing it opens the page's `<shop-cart>` drawer (adding one if there is none).
 *
 * @summary A cart icon with an item-count badge that opens the cart drawer.
 * @tagname shop-cart-button
 *
 * @slot - Replaces the cart icon.
 *
 * @csspart button - The button.
 * @csspart badge - The item count.
 *
 * @cssproperty --shop-cart-badge-background - Badge background. Default the accent color.
 * @cssproperty --shop-cart-badge-color - Badge text. Default the on-accent color.
 */
export class ShopCartButton extends LitElement {
  static readonly tagName = 'shop-cart-button';
  static override styles = cartButtonStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private readonly cartController = new CartController(this);
  private readonly store = new StoreConsumer(this, {
    required: true,
    onChange: (value) => this.cartController.use(value?.client),
  });
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);

  /** Items in the cart, as the badge shows. */
  get count(): number {
    return this.cartController.count;
  }

  protected override render() {
    const count = this.cartController.count;
    const label = this.i18n.t('cartButton.label', { count });
    return html`<button part="button" class="button" type="button" aria-label=${label} aria-haspopup="dialog" data-ready=${this.store.status} @click=${() => openCartDrawer()}>
      <slot>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 4h2l2.4 11.2a1.5 1.5 0 0 0 1.5 1.2h8.3a1.5 1.5 0 0 0 1.5-1.1L21 8H6.2"></path>
          <circle cx="9.5" cy="20" r="1.2"></circle>
          <circle cx="17.5" cy="20" r="1.2"></circle>
        </svg>
      </slot>
      ${count > 0 ? html`<span part="badge" class="badge" aria-hidden="true">${count > 99 ? `${new Intl.NumberFormat(this.i18n.locale).format(99)}+` : new Intl.NumberFormat(this.i18n.locale).format(count)}</span>` : nothing}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-cart-button': ShopCartButton;
  }
}
