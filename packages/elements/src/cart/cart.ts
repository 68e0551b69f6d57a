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
import { Localizer } from '../i18n/localizer.js';
import { couponErrorMessage, lineErrorMessage, type CartMessage } from './cart-messages.js';
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

/** What Tab can reach inside the drawer (slotted content included). */
const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The cart as a drawer on the native `<dialog>`: lines with image, name, options and line total,
 * quantity steppers, remove, a coupon field with the server's messages inline, the order summary
 * (subtotal, discount, shipping — "Free" when free — tax, or the tax included, and total), how much more earns free
 * shipping, and an empty state. Opening moves focus in; Escape or the close button closes it and
 * returns focus to where it was; while it is open, Tab and Shift+Tab cycle inside it. Changes are
 * announced in a polite live region. A refused code says why in the shopper's words (unknown,
 * expired, not yet valid, used up, below the minimum subtotal); a message clears when the next
 * request succeeds. With `checkout-url` the footer ends with a Checkout button (the primary action)
 * that goes there. It opens by itself when something is added to the cart anywhere on the page (set
 * `open-on-add="false"` to stop that).
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
 * @slot footer - Under the totals (and above the Checkout button), e.g. payment icons or a note.
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
 * @csspart checkout-button - The Checkout button shown with `checkout-url`.
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

  /** The page with `<shop-checkout>`, e.g. `/checkout.html`: the drawer then ends with a Checkout button going there. */
  @property({ attribute: 'checkout-url' }) checkoutUrl = '';

  @state() private announcement = '';
  @state() private couponError: CartMessage | null = null;
  @state() private lineError: { lineId: string; message: CartMessage } | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly cartController = new CartController(this);
  private readonly store = new StoreConsumer(this, { required: false });
  private readonly i18n = new Localizer(this, () => this.shop?.locale);
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

  /** Keeps Tab inside the open drawer: past the last control it wraps to the first, and back. */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || event.defaultPrevented) return;
    const focusables = this.focusables();
    const first = focusables[0];
    const last = focusables.at(-1);
    if (!first || !last) return;
    const active = deepActiveElement();
    if (event.shiftKey && (active === first || !focusables.includes(active!))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /** The drawer's focusable controls in tab order, slotted light-DOM content in its place. */
  private focusables(): HTMLElement[] {
    const found: HTMLElement[] = [];
    const visible = (el: HTMLElement) => el.getClientRects().length > 0;
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>(`${FOCUSABLE}, slot`)) {
      if (el instanceof HTMLSlotElement) {
        for (const assigned of el.assignedElements({ flatten: true }))
          if (assigned instanceof HTMLElement)
            for (const candidate of [assigned, ...assigned.querySelectorAll<HTMLElement>(FOCUSABLE)])
              if (candidate.matches(FOCUSABLE) && visible(candidate)) found.push(candidate);
      } else if (visible(el)) {
        found.push(el);
      }
    }
    return found;
  }

  private checkout(): void {
    location.assign(new URL(this.checkoutUrl, document.baseURI).href);
  }

  private onClose(): void {
    this.open = false;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) target.focus();
  }

  private money(money: Money): string {
    return formatMoney(money, this.i18n.locale);
  }

  private say([key, params]: CartMessage): string {
    return this.i18n.t(key, params);
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
      this.couponError = null;
      this.announce(
        this.say(['cart.announceQuantity', { name: line.name, quantity, total: this.money(cart.totals.total) }]),
      );
      this.changed(cart);
    } catch (error) {
      this.lineError = { lineId: line.id, message: lineErrorMessage(error) };
      this.announce(this.say(this.lineError.message));
    }
  }

  private async removeLine(line: CartLine): Promise<void> {
    const store = this.cartController.store;
    if (!store) return;
    this.lineError = null;
    try {
      const cart = await store.remove(line.id);
      this.dispatchEvent(new ShopRemoveFromCartEvent(analyticsFor(cart.currency, [{ line }])));
      this.couponError = null;
      this.announce(this.say(['cart.announceRemoved', { name: line.name }]));
      this.changed(cart);
      // The removed line's button is gone: keep focus in the drawer.
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
    } catch (error) {
      this.lineError = { lineId: line.id, message: lineErrorMessage(error) };
    }
  }

  private async applyCoupon(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('code') as HTMLInputElement;
    const code = input.value.trim();
    if (!code) {
      this.couponError = ['cart.enterCode'];
      input.focus();
      return;
    }
    const store = this.cartController.store;
    if (!store) return;
    this.couponError = null;
    try {
      const cart = await store.applyCoupon(code);
      input.value = '';
      this.lineError = null;
      this.announce(
        this.say([
          'cart.announceCoupon',
          { code: cart.coupon?.code ?? code.toUpperCase(), total: this.money(cart.totals.total) },
        ]),
      );
      this.changed(cart);
    } catch (error) {
      // The error line is role="alert": it speaks once by itself, not again in the live region.
      this.couponError = couponErrorMessage(error, code, (m) => this.money(m));
    }
  }

  private async removeCoupon(): Promise<void> {
    const store = this.cartController.store;
    if (!store) return;
    try {
      const cart = await store.removeCoupon();
      this.couponError = null;
      this.lineError = null;
      this.announce(this.say(['cart.announceCouponRemoved', { total: this.money(cart.totals.total) }]));
      this.changed(cart);
    } catch (error) {
      this.couponError = couponErrorMessage(error, this.cartController.cart?.coupon?.code ?? '', (m) => this.money(m));
    }
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const cart = this.cartController.cart;
    const count = this.cartController.count;
    const pending = this.cartController.status.state === 'pending';
    return html`<dialog part="dialog" aria-labelledby="title" dir=${this.i18n.dir} @close=${this.onClose} @keydown=${this.onKeydown}>
      <div class="panel">
        <header part="header">
          <h2 id="title"><slot name="heading">${t('cart.title')}</slot>${
            count > 0
              ? html` <span class="count" aria-hidden="true">(${new Intl.NumberFormat(this.i18n.locale).format(count)})</span><span class="sr-only">${t('cart.itemCount', { count })}</span>`
              : nothing
          }</h2>
          <button part="close-button" class="icon-button close" type="button" aria-label=${t('cart.close')} autofocus @click=${this.hide}>×</button>
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
      <slot name="empty"><p>${this.i18n.t('cart.empty')}</p></slot>
      <button class="button" type="button" @click=${this.hide}>${this.i18n.t('cart.continue')}</button>
    </div>`;
  }

  private renderLines(cart: Cart) {
    const t = this.i18n.t.bind(this.i18n);
    const free = cart.free_shipping;
    return html`${
      free
        ? html`<p part="progress" class="progress">
            ${free.remaining.amount > 0 ? t('cart.freeShippingRemaining', { amount: this.money(free.remaining) }) : t('cart.freeShipping')}
          </p>`
        : nothing
    }
      <ul aria-label=${t('cart.lines')}>
        ${repeat(
          cart.lines,
          (line) => line.id,
          (line) => this.renderLine(line, cart),
        )}
      </ul>`;
  }

  private renderLine(line: CartLine, cart: Cart) {
    const t = this.i18n.t.bind(this.i18n);
    // null: any number can be bought (stock not tracked, or sold on backorder).
    const limit = line.available_quantity ?? Infinity;
    const atMax = line.quantity >= Math.min(cart.max_line_quantity, limit);
    const short = limit < line.quantity;
    const error = this.lineError?.lineId === line.id ? this.say(this.lineError.message) : '';
    return html`<li part="line" class="line">
      ${
        line.image
          ? html`<img part="line-image" src=${mediaUrl(line.image.url, this.shop?.endpoint)} alt="" width="72" height="72" loading="lazy" />`
          : html`<span class="no-image" part="line-image"></span>`
      }
      <div>
        <p class="line-name">${line.name}</p>
        ${line.variant_title ? html`<p class="line-options">${line.variant_title}</p>` : nothing}
        <p class="line-unit">${t('cart.each', { price: this.money(line.unit_price) })}</p>
        <div class="controls" part="stepper">
          <button class="icon-button" type="button" aria-label=${t('cart.decrease', { name: line.name })} ?disabled=${line.quantity <= 1} @click=${() => this.setQuantity(line, line.quantity - 1)}>−</button>
          <span class="quantity" aria-label=${t('cart.quantityOf', { name: line.name })}>${line.quantity}</span>
          <button class="icon-button" type="button" aria-label=${t('cart.increase', { name: line.name })} ?disabled=${atMax} @click=${() => this.setQuantity(line, line.quantity + 1)}>+</button>
          <button part="remove-button" class="remove" type="button" aria-label=${t('cart.removeLine', { name: line.name })} @click=${() => this.removeLine(line)}>${t('cart.remove')}</button>
        </div>
      </div>
      <p class="line-total">${this.money(line.line_total)}</p>
      ${short ? html`<p class="warning">${t('cart.onlyAvailable', { count: limit })}</p>` : nothing}
      ${line.backorder_quantity > 0 ? html`<p part="ships-later" class="note">${t('cart.shipsLater', { count: line.backorder_quantity })}</p>` : nothing}
      ${error ? html`<p class="warning" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  private renderFooter(cart: Cart) {
    const m = this.i18n.t.bind(this.i18n);
    const t = cart.totals;
    const coupon = cart.coupon;
    return html`<footer>
      ${
        coupon
          ? html`<p class="coupon-applied">
            <span>${m(coupon.applies ? 'cart.couponApplied' : 'cart.couponNotApplying', { code: coupon.code })}</span>
            <button class="remove" type="button" aria-label=${m('cart.removeCoupon', { code: coupon.code })} @click=${this.removeCoupon}>${m('cart.remove')}</button>
          </p>`
          : nothing
      }
      <form part="coupon-form" @submit=${this.applyCoupon} novalidate>
        <input
          name="code"
          autocomplete="off"
          aria-label=${m('cart.discountCode')}
          placeholder=${m('cart.discountCode')}
          aria-invalid=${this.couponError ? 'true' : 'false'}
          aria-describedby="coupon-error"
          @input=${() => (this.couponError = null)}
        />
        <button class="button" type="submit">${m('cart.apply')}</button>
      </form>
      <p id="coupon-error" class="coupon-error" role="alert">${this.couponError ? this.say(this.couponError) : ''}</p>
      <dl part="summary">
        <dt>${m('cart.subtotal')}</dt>
        <dd>${this.money(t.subtotal)}</dd>
        ${t.discount.amount > 0 ? html`<dt>${m('cart.discount')}</dt><dd>−${this.money(t.discount)}</dd>` : nothing}
        <dt>${m('cart.shipping')}</dt>
        <dd>${t.shipping.amount === 0 ? m('cart.free') : this.money(t.shipping)}</dd>
        <dt>${m(t.tax_included ? 'cart.taxIncluded' : 'cart.tax')}</dt>
        <dd>${this.money(t.tax)}</dd>
        <dt class="total" part="total">${m('cart.total')}</dt>
        <dd class="total">${this.money(t.total)}</dd>
      </dl>
      <slot name="footer"></slot>
      ${
        this.checkoutUrl
          ? html`<button part="checkout-button" class="button primary checkout" type="button" @click=${this.checkout}>${m('cart.checkout')}</button>`
          : nothing
      }
    </footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-cart': ShopCart;
  }
}
