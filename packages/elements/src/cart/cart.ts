import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatMoney, type Cart, type CartLine, type Money } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ownStoreValue } from '../internal/own-store.js';
import type { ShopStoreValue } from '../internal/store-context.js';
import { warn } from '../internal/dev.js';
import { CartController } from '../internal/cart-controller.js';
import { analyticsFor, analyticsForCart } from '../internal/analytics.js';
import { describeError } from '../internal/errors.js';
import { mediaUrl } from '../internal/media.js';
import { ShopAddToCartEvent } from '../events/add-to-cart.js';
import { ShopRemoveFromCartEvent } from '../events/remove-from-cart.js';
import { ShopCartChangeEvent } from '../events/cart-change.js';
import { cartStyles } from './cart.styles.js';

/** The deepest focused element, through shadow roots, so focus can go back exactly there. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * The cart as a drawer on the native `<dialog>`: lines with image, name, options and line total,
 * quantity steppers, remove, a coupon field with the server's messages inline, the order summary
 * (subtotal, discount, shipping — "Free" when free — tax, or the tax included, and total), how much more earns free
 * shipping, and an empty state. Opening moves focus in; Escape or the close button closes it and
 * returns focus to where it was. Changes are announced in a polite live region. It opens by itself
 * when something is added to the cart anywhere on the page (set `open-on-add="false"` to stop that).
 *
 * @summary The cart drawer.
 * @tagname shop-cart
 *
 * @event {ShopAddToCartEvent} shop-add-to-cart - A line's quantity was raised (GA4 `add_to_cart` parameters).
 * @event {ShopRemoveFromCartEvent} shop-remove-from-cart - A line was removed or lowered (GA4 `remove_from_cart` parameters).
 * @event {ShopCartChangeEvent} shop-cart-change - The cart changed here; `detail.cart` is the server's cart.
 *
 * @slot heading - The drawer's title (default "Your cart").
 * @slot empty - Shown when the cart is empty, instead of the default message.
 * @slot footer - Under the totals, e.g. a checkout link.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The title bar with the close button.
 * @csspart close-button - The close button.
 * @csspart progress - The free-shipping message.
 * @csspart line - Each cart line.
 * @csspart line-image - A line's image.
 * @csspart stepper - The quantity buttons of a line.
 * @csspart remove-button - A line's remove button.
 * @csspart coupon-form - The coupon field and its button.
 * @csspart summary - The totals.
 * @csspart total - The total row.
 *
 * @cssproperty --shop-cart-width - Width of the drawer. Default `26rem`.
 * @cssproperty --shop-cart-backdrop - The backdrop behind the open drawer. Default `rgb(17 24 39 / 0.45)`.
 */
export class ShopCart extends LitElement {
  static readonly tagName = 'shop-cart';
  static override styles = cartStyles;

  /** A publishable key for an element used on its own, with no `<shop-store>` on the page (a CMS block). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** The shop server's origin for `publishable-key`; defaults as `<shop-store>`'s does. */
  @property() endpoint = '';

  /** Whether the drawer is open. Set it, or call `show()` / `hide()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Open when anything is added to the cart on this page (default true; `open-on-add="false"` turns it off). */
  @property({ attribute: 'open-on-add', converter: { fromAttribute: (value: string | null) => value !== 'false' } })
  openOnAdd = true;

  @state() private announcement = '';
  @state() private couponError = '';
  @state() private lineError: { lineId: string; text: string } | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly cartController = new CartController(this);
  private readonly store = new StoreConsumer(this, { required: false });
  private returnFocusTo: HTMLElement | null = null;

  private readonly onAdded = () => {
    if (this.openOnAdd) this.show();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('shop-add-to-cart', this.onAdded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('shop-add-to-cart', this.onAdded);
  }

  /** This element's shop: its own `publishable-key`, else the enclosing or page's store. */
  private get shop(): ShopStoreValue | undefined {
    return this.publishableKey ? ownStoreValue(ShopCart.tagName, this.endpoint, this.publishableKey) : this.store.value;
  }

  protected override willUpdate(): void {
    const shop = this.shop;
    this.cartController.use(shop?.client);
    if (!shop && this.store.status === 'missing') {
      warn(
        'W001',
        '<shop-cart> found no store: set its publishable-key, wrap it in <shop-store publishable-key="pk_…">, or set window.shoptag.',
      );
    }
  }

  /** Opens the drawer as a modal dialog and moves focus into it. */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer; focus returns to where it was before it opened. */
  hide(): void {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open') || !this.dialog) return;
    if (this.open && !this.dialog.open) {
      this.returnFocusTo = deepActiveElement();
      this.dialog.showModal();
      void this.cartController.store?.refresh().catch(() => undefined);
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
  }

  private onClose(): void {
    this.open = false;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) target.focus();
  }

  private money(money: Money): string {
    const locale = this.shop?.locale || document.documentElement.lang || undefined;
    return formatMoney(money, locale);
  }

  private announce(text: string): void {
    // Clearing first makes a repeated message ("Quantity 2", "Quantity 2") announced again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private changed(cart: Cart): void {
    this.dispatchEvent(new ShopCartChangeEvent({ ...analyticsForCart(cart), cart }));
  }

  private async setQuantity(line: CartLine, quantity: number): Promise<void> {
    const store = this.cartController.store;
    if (!store) return;
    this.lineError = null;
    try {
      const cart = await store.update(line.id, quantity);
      const delta = quantity - line.quantity;
      if (delta > 0)
        this.dispatchEvent(new ShopAddToCartEvent(analyticsFor(cart.currency, [{ line, quantity: delta }])));
      if (delta < 0)
        this.dispatchEvent(new ShopRemoveFromCartEvent(analyticsFor(cart.currency, [{ line, quantity: -delta }])));
      this.announce(`${line.name}: quantity ${quantity}. Total ${this.money(cart.totals.total)}.`);
      this.changed(cart);
    } catch (error) {
      this.lineError = { lineId: line.id, text: describeError(error) };
      this.announce(describeError(error));
    }
  }

  private async removeLine(line: CartLine): Promise<void> {
    const store = this.cartController.store;
    if (!store) return;
    this.lineError = null;
    try {
      const cart = await store.remove(line.id);
      this.dispatchEvent(new ShopRemoveFromCartEvent(analyticsFor(cart.currency, [{ line }])));
      this.announce(`Removed ${line.name} from the cart.`);
      this.changed(cart);
      // The removed line's button is gone: keep focus in the drawer.
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
    } catch (error) {
      this.lineError = { lineId: line.id, text: describeError(error) };
    }
  }

  private async applyCoupon(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    if (!code) {
      this.couponError = 'Enter a code.';
      return;
    }
    const store = this.cartController.store;
    if (!store) return;
    this.couponError = '';
    try {
      const cart = await store.applyCoupon(code);
      input.value = '';
      this.announce(`Code ${cart.coupon?.code ?? code} applied. Total ${this.money(cart.totals.total)}.`);
      this.changed(cart);
    } catch (error) {
      this.couponError = describeError(error);
      this.announce(this.couponError);
    }
  }

  private async removeCoupon(): Promise<void> {
    const store = this.cartController.store;
    if (!store) return;
    try {
      const cart = await store.removeCoupon();
      this.announce(`Code removed. Total ${this.money(cart.totals.total)}.`);
      this.changed(cart);
    } catch (error) {
      this.couponError = describeError(error);
    }
  }

  protected override render() {
    const cart = this.cartController.cart;
    const count = this.cartController.count;
    const pending = this.cartController.status.state === 'pending';
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
      <div class="panel">
        <header part="header">
          <h2 id="title"><slot name="heading">Your cart</slot>${count > 0 ? html` <span class="count">(${count})</span>` : nothing}</h2>
          <button part="close-button" class="icon-button close" type="button" aria-label="Close cart" autofocus @click=${this.hide}>×</button>
        </header>
        <div class="body" aria-busy=${pending ? 'true' : 'false'}>
          ${cart && cart.lines.length > 0 ? this.renderLines(cart) : this.renderEmpty()}
        </div>
        ${cart && cart.lines.length > 0 ? this.renderFooter(cart) : nothing}
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    </dialog>`;
  }

  private renderEmpty() {
    return html`<div class="empty">
      <slot name="empty"><p>Your cart is empty.</p></slot>
      <button class="button" type="button" @click=${this.hide}>Continue shopping</button>
    </div>`;
  }

  private renderLines(cart: Cart) {
    const free = cart.free_shipping;
    return html`${
      free
        ? html`<p part="progress" class="progress">
            ${free.remaining.amount > 0 ? `Add ${this.money(free.remaining)} more for free shipping.` : 'Your order ships free.'}
          </p>`
        : nothing
    }
      <ul aria-label="Items">
        ${repeat(
          cart.lines,
          (line) => line.id,
          (line) => this.renderLine(line, cart),
        )}
      </ul>`;
  }

  private renderLine(line: CartLine, cart: Cart) {
    const atMax = line.quantity >= Math.min(cart.max_line_quantity, line.available_quantity);
    const short = line.available_quantity < line.quantity;
    const error = this.lineError?.lineId === line.id ? this.lineError.text : '';
    return html`<li part="line" class="line">
      ${
        line.image
          ? html`<img part="line-image" src=${mediaUrl(line.image.url, this.shop?.endpoint)} alt="" width="72" height="72" loading="lazy" />`
          : html`<span class="no-image" part="line-image"></span>`
      }
      <div>
        <p class="line-name">${line.name}</p>
        ${line.variant_title ? html`<p class="line-options">${line.variant_title}</p>` : nothing}
        <p class="line-unit">${this.money(line.unit_price)} each</p>
        <div class="controls" part="stepper">
          <button class="icon-button" type="button" aria-label=${`Decrease quantity of ${line.name}`} ?disabled=${line.quantity <= 1} @click=${() => this.setQuantity(line, line.quantity - 1)}>−</button>
          <span class="quantity" aria-label=${`Quantity of ${line.name}`}>${line.quantity}</span>
          <button class="icon-button" type="button" aria-label=${`Increase quantity of ${line.name}`} ?disabled=${atMax} @click=${() => this.setQuantity(line, line.quantity + 1)}>+</button>
          <button part="remove-button" class="remove" type="button" aria-label=${`Remove ${line.name}`} @click=${() => this.removeLine(line)}>Remove</button>
        </div>
      </div>
      <p class="line-total">${this.money(line.line_total)}</p>
      ${short ? html`<p class="warning">Only ${line.available_quantity} available now.</p>` : nothing}
      ${error ? html`<p class="warning" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private renderFooter(cart: Cart) {
    const t = cart.totals;
    const coupon = cart.coupon;
    return html`<footer>
      ${
        coupon
          ? html`<p class="coupon-applied">
            <span>Code <strong>${coupon.code}</strong>${coupon.applies ? '' : html` — ${coupon.message}`}</span>
            <button class="remove" type="button" aria-label=${`Remove code ${coupon.code}`} @click=${this.removeCoupon}>Remove</button>
          </p>`
          : nothing
      }
      <form part="coupon-form" @submit=${this.applyCoupon} novalidate>
        <input
          name="code"
          autocomplete="off"
          aria-label="Discount code"
          placeholder="Discount code"
          aria-invalid=${this.couponError ? 'true' : 'false'}
          aria-describedby="coupon-error"
          @input=${() => (this.couponError = '')}
        />
        <button class="button" type="submit">Apply</button>
      </form>
      <p id="coupon-error" class="coupon-error" role="alert">${this.couponError}</p>
      <dl part="summary">
        <dt>Subtotal</dt>
        <dd>${this.money(t.subtotal)}</dd>
        ${t.discount.amount > 0 ? html`<dt>Discount</dt><dd>−${this.money(t.discount)}</dd>` : nothing}
        <dt>Shipping</dt>
        <dd>${t.shipping.amount === 0 ? 'Free' : this.money(t.shipping)}</dd>
        <dt>${t.tax_included ? 'Tax included' : 'Tax'}</dt>
        <dd>${this.money(t.tax)}</dd>
        <dt class="total" part="total">Total</dt>
        <dd class="total">${this.money(t.total)}</dd>
      </dl>
      <slot name="footer"></slot>
    </footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-cart': ShopCart;
  }
}
