import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  createCheckoutStore,
  formatMoney,
  getCartStore,
  minorToDecimalString,
  type CheckoutState,
  type CheckoutStep,
  type CheckoutStore,
  type Money,
  type ShopClient,
} from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ShopCheckoutCompleteEvent } from '../events/checkout-complete.js';
import { CONTACT_FIELDS, COUNTRIES, EMPTY_CONTACT, field, type ContactForm } from './checkout-fields.js';
import { testPaymentMethod } from './test-cards.js';
import { STRIPE_SLOT, StripePaymentController, stripeReturn, withoutStripeReturn } from './stripe-payment.js';
import { checkoutStyles } from './checkout.styles.js';
import { Localizer } from '../i18n/localizer.js';
import { orderDetailsStyles } from '../order/order-details.styles.js';
import { renderReview, typedCard } from './checkout-review.js';
import { renderConfirmation } from './checkout-confirmation.js';

const STEP_LABELS: Record<CheckoutStep, string> = {
  contact: 'Contact & address',
  shipping: 'Shipping',
  payment: 'Payment',
  review: 'Review',
  confirmation: 'Confirmation',
};
const STEPS: CheckoutStep[] = ['contact', 'shipping', 'payment', 'review', 'confirmation'];

/**
 * Checkout in steps — contact and shipping address → shipping method → payment → review →
 * confirmation — with a progress indicator, browser autofill, the server's validation messages
 * inline on each field, and back and forward without losing what was typed. Place order places
 * exactly one order however often it is clicked. A session whose stock is gone shows an expired
 * state.
 *
 * Payment follows the server's provider (the session's `payment_provider`):
 * - **Stripe** (the server has `STRIPE_*` keys): the Stripe Payment Element, loaded from Stripe
 *   (`@stripe/stripe-js`, imported only then) and styled from the `--shop-*` tokens. Stripe's
 *   iframe is mounted into a `<div slot="stripe-payment">` the element adds to its own light DOM,
 *   so it works in any page; card data never reaches the shop's server. Place order confirms the
 *   PaymentIntent in the browser (Stripe shows 3-D Secure itself), then completes the session; the
 *   server checks the PaymentIntent. A payment method that redirects comes back to this page with
 *   `shop_checkout_session` and `payment_intent_client_secret` in the address, and the element
 *   completes that session. A form that fails to load offers Try again.
 * - **Simulated** (no keys): a card form for Stripe's test card numbers, turned into test
 *   PaymentMethod ids in the page (no card number is sent), with its challenge step.
 *
 * @summary The checkout steps, from the cart to the confirmation.
 * @tagname shop-checkout
 *
 * @event {ShopCheckoutCompleteEvent} shop-checkout-complete - The order was placed (GA4 `purchase` parameters).
 *
 * @csspart progress - The step indicator.
 * @csspart field - A labelled form field.
 * @csspart field-error - A field's validation message.
 * @csspart error - A message about the whole step (a declined card …).
 * @csspart primary - The button that moves on.
 * @csspart place-order - The Place order button.
 * @csspart challenge - The card authentication step (simulated, or Stripe's next action).
 * @csspart stripe-payment - The box around the Stripe Payment Element.
 * @csspart confirmation - The confirmation with the order number.
 *
 * @cssproperty --shop-color-accent - Buttons and the reached steps (and Stripe's primary color).
 * @cssproperty --shop-color-danger - Validation messages (and Stripe's danger color).
 * @cssproperty --shop-color-text - Text (and Stripe's text color).
 * @cssproperty --shop-color-surface - Button background (and Stripe's background color).
 * @cssproperty --shop-radius - Corner radius (and Stripe's border radius).
 */
export class ShopCheckout extends LitElement {
  static readonly tagName = 'shop-checkout';
  static override styles = [checkoutStyles, orderDetailsStyles];

  /** Start from this cart; defaults to the page's cart. */
  @property({ attribute: 'cart-id' }) cartId = '';
  /** Resume this checkout session instead. */
  @property({ attribute: 'session-id' }) sessionId = '';
  /** The order status page the confirmation links to, with `{id}` and `{token}` (`order.html#order={id}&token={token}`). */
  @property({ attribute: 'order-url' }) orderUrl = '';

  @state() private view: CheckoutState | null = null;
  @state() private contact: ContactForm = { ...EMPTY_CONTACT };
  @state() private card = { number: '', expiry: '', cvc: '' };
  @state() private cardError = '';

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly stripe = new StripePaymentController(this);
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
  /** The Stripe form was asked for on this visit to the payment step. */
  private stripeShown = false;
  /** Completing a session Stripe redirected back to. */
  private resuming = false;
  private checkout: CheckoutStore | undefined;
  private client: ShopClient | undefined;
  private unsubscribe: (() => void) | undefined;
  private completedOrderId = '';

  /** The checkout state as the SDK store has it (null before it starts). */
  get state(): CheckoutState | null {
    return this.view;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.client = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.store.value?.client;
    if (client && (client !== this.client || changed.has('cartId') || changed.has('sessionId')))
      void this.begin(client);
  }

  private async begin(client: ShopClient): Promise<void> {
    this.client = client;
    this.unsubscribe?.();
    const checkout = createCheckoutStore(client);
    this.checkout = checkout;
    this.unsubscribe = checkout.$checkout.subscribe((value) => {
      this.view = value;
      if (value.order && value.order.id !== this.completedOrderId) this.completed(value);
    });
    const returned = stripeReturn(location.href);
    try {
      if (returned) {
        // Back from a redirect (a bank's page …): complete the session the payment was for, once.
        this.resuming = true;
        history.replaceState(history.state, '', withoutStripeReturn(location.href));
        await checkout.load(returned.sessionId);
        await checkout.placeOrder();
      } else if (this.sessionId) await checkout.load(this.sessionId);
      else {
        const cartId =
          this.cartId || getCartStore(client).$cart.get()?.id || (await getCartStore(client).refresh())?.id;
        if (!cartId) return;
        await checkout.start(cartId);
      }
    } catch {
      // The store shows the error.
    } finally {
      this.resuming = false;
      this.requestUpdate();
    }
    const session = this.view?.session;
    if (session?.shipping_address) {
      const a = session.shipping_address;
      this.contact = {
        ...this.contact,
        email: session.email ?? '',
        name: a.name,
        line1: a.line1,
        line2: a.line2 ?? '',
        city: a.city,
        region: a.region ?? '',
        postal_code: a.postal_code ?? '',
        country: a.country,
        phone: a.phone ?? '',
      };
    }
  }

  private completed(value: CheckoutState): void {
    const order = value.order!;
    this.completedOrderId = order.id;
    if (this.client) getCartStore(this.client).clear();
    const major = (m: Money) => Number(minorToDecimalString(m.amount, m.currency));
    const ecommerce = {
      currency: order.currency,
      value: major(order.totals.total),
      transaction_id: order.number,
      tax: major(order.totals.tax),
      shipping: major(order.totals.shipping),
      items: order.items.map((i) => ({
        item_id: i.sku || i.variant_id,
        item_name: i.name,
        item_brand: '',
        item_category: '',
        item_variant: i.variant_title,
        price: major(i.unit_price),
        quantity: i.quantity,
      })),
    };
    this.dispatchEvent(new ShopCheckoutCompleteEvent({ order, ecommerce }));
  }

  private money(m: Money): string {
    return formatMoney(m, this.store.value?.locale ?? (document.documentElement.lang || undefined));
  }

  private async submitContact(e: Event): Promise<void> {
    e.preventDefault();
    const c = this.contact;
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    await this.checkout?.update({
      email: c.email.trim(),
      shipping_address: {
        name: c.name,
        line1: c.line1,
        line2: optional(c.line2),
        city: c.city,
        region: optional(c.region),
        postal_code: optional(c.postal_code),
        country: c.country,
        phone: optional(c.phone),
      },
      billing_same_as_shipping: true,
    });
  }

  private async choose(methodId: string): Promise<void> {
    // Stay on the step: the shopper sees the new total and moves on with Continue.
    if (await this.checkout?.update({ shipping_method_id: methodId })) this.checkout?.goTo('shipping');
  }

  private async submitCard(e: Event): Promise<void> {
    e.preventDefault();
    const pm = testPaymentMethod(this.card.number);
    if (!pm) {
      this.cardError = "Use one of Stripe's test card numbers, e.g. 4242 4242 4242 4242.";
      return;
    }
    this.cardError = '';
    await this.checkout?.startPayment();
    this.checkout?.goTo('review');
  }

  protected override updated(): void {
    const v = this.view;
    if (v?.session?.payment_provider !== 'stripe' || v.step !== 'payment') this.stripeShown = false;
    // Shown once on arrival; after a failure only Try again loads it again, so a later update
    // cannot swap the error (and its button) for a second attempt the shopper did not ask for.
    else if (!this.stripeShown && !this.resuming && v.status !== 'pending' && this.stripe.status !== 'failed') {
      this.stripeShown = true;
      void this.showStripe();
    }
  }

  /** Starts (or refreshes) the PaymentIntent, then shows the Payment Element for it. */
  private async showStripe(): Promise<void> {
    await Promise.resolve(); // not inside this update
    const payment = await this.checkout?.startPayment();
    if (payment) await this.stripe.show(payment);
  }

  private reviewStripe(e: Event): void {
    e.preventDefault();
    this.cardError = this.stripe.complete ? '' : 'Complete your payment details.';
    if (!this.cardError) this.checkout?.goTo('review');
  }

  private async stripeAction(clientSecret: string): Promise<void> {
    const payment = this.view?.payment ?? (await this.checkout?.startPayment());
    if (payment) await this.checkout?.confirmAndPlaceOrder(() => this.stripe.nextAction(payment, clientSecret));
  }

  private place(): void {
    const session = this.view?.session;
    if (session?.payment_provider === 'stripe')
      void this.checkout?.confirmAndPlaceOrder(() => this.stripe.confirm(location.href, session.id));
    else void this.checkout?.placeOrder(testPaymentMethod(this.card.number) ?? undefined);
  }

  protected override render() {
    const v = this.view;
    if (!v || !v.session) {
      if (v?.error) return html`<p part="error" role="alert">${v.error.message}</p>`;
      return html`<p aria-busy="true">Loading checkout…</p>`;
    }
    if (v.status === 'expired' || v.session.status === 'expired') {
      return html`<div part="expired" role="alert"><h2>Your checkout has expired</h2><p>${v.error?.message ?? 'The items are no longer reserved for you.'}</p><button part="primary" @click=${() => history.back()}>Back to the shop</button></div>`;
    }
    const current = STEPS.indexOf(v.step);
    return html`
      <ol part="progress" aria-label="Checkout progress">
        ${STEPS.map((s, i) => html`<li aria-current=${s === v.step ? 'step' : 'false'} ?data-done=${i < current}>${STEP_LABELS[s]}</li>`)}
      </ol>
      ${v.error && (v.step !== 'contact' || !Object.keys(v.fieldErrors).length) && v.status !== 'requires_action' ? html`<p part="error" role="alert">${v.error.message}</p>` : nothing}
      ${this.renderStep(v)}
      <div role="status" aria-live="polite" class="sr">${v.status === 'pending' ? 'Working…' : ''}</div>
    `;
  }

  private renderStep(v: CheckoutState) {
    const busy = v.status === 'pending';
    const session = v.session!;
    switch (v.step) {
      case 'contact':
        return html`<form @submit=${this.submitContact} novalidate aria-label="Contact and shipping address">
          ${CONTACT_FIELDS.slice(0, 1).map((f) => field(f, this.contact[f.key], v.fieldErrors[f.param], (k, value) => (this.contact = { ...this.contact, [k]: value })))}
          <label part="field">Country
            <select name="country" autocomplete="shipping country" .value=${this.contact.country} @change=${(e: Event) => (this.contact = { ...this.contact, country: (e.target as HTMLSelectElement).value })}>
              ${COUNTRIES.map(([code, name]) => html`<option value=${code} ?selected=${code === this.contact.country}>${name}</option>`)}
            </select>
          </label>
          <div class="row">${CONTACT_FIELDS.slice(1).map((f) => field(f, this.contact[f.key], v.fieldErrors[f.param], (k, value) => (this.contact = { ...this.contact, [k]: value })))}</div>
          <div class="actions"><span></span><button part="primary" type="submit" ?disabled=${busy}>Continue to shipping</button></div>
        </form>`;
      case 'shipping':
        return html`<fieldset aria-label="Shipping method">
            <legend>Shipping method</legend>
            ${v.shippingMethods.map(
              (
                m,
              ) => html`<label class="method"><input type="radio" name="shipping" .checked=${session.shipping_method?.id === m.id} @change=${() => this.choose(m.id)} />
                <span>${m.name} · ${m.carrier}</span><span>${m.estimated_days.min}–${m.estimated_days.max} days</span><span>${m.price.amount === 0 ? 'Free' : this.money(m.price)}</span></label>`,
            )}
          </fieldset>
          <div class="actions"><button @click=${() => this.checkout?.goTo('contact')}>Back</button><button part="primary" ?disabled=${!session.shipping_method || busy} @click=${() => this.checkout?.goTo('payment')}>Continue to payment</button></div>`;
      case 'payment':
        if (session.payment_provider === 'stripe') return this.renderStripe(busy, v.status === 'error');
        return html`<form @submit=${this.submitCard} aria-label="Payment">
          <label part="field">Card number<input name="cardnumber" autocomplete="cc-number" inputmode="numeric" .value=${this.card.number} aria-invalid=${this.cardError ? 'true' : 'false'} aria-describedby="card-error" @input=${(e: Event) => (this.card = { ...this.card, number: (e.target as HTMLInputElement).value })} /></label>
          <div class="row">
            <label part="field">Expiry (MM/YY)<input name="exp" autocomplete="cc-exp" .value=${this.card.expiry} @input=${(e: Event) => (this.card = { ...this.card, expiry: (e.target as HTMLInputElement).value })} /></label>
            <label part="field">CVC<input name="cvc" autocomplete="cc-csc" inputmode="numeric" .value=${this.card.cvc} @input=${(e: Event) => (this.card = { ...this.card, cvc: (e.target as HTMLInputElement).value })} /></label>
          </div>
          ${this.cardError ? html`<p part="field-error" id="card-error">${this.cardError}</p>` : nothing}
          <div class="actions"><button type="button" @click=${() => this.checkout?.goTo('shipping')}>Back</button><button part="primary" type="submit" ?disabled=${busy}>Review order</button></div>
        </form>`;
      case 'review':
        return html`${v.action ? this.renderChallenge(busy, v.action.next_action.type === 'use_stripe_sdk' ? v.action.next_action.client_secret : null) : nothing}
          ${renderReview({
            text: { t: this.i18n.t.bind(this.i18n), locale: this.i18n.locale },
            session,
            payment:
              session.payment_provider === 'stripe' ? { method: this.stripe.paymentType } : typedCard(this.card.number),
            goTo: (step) => this.checkout?.goTo(step),
          })}
          <div class="actions"><button @click=${() => this.checkout?.goTo('payment')}>Back</button><button part="place-order" ?disabled=${busy || v.action !== null} @click=${this.place}>Place order</button></div>`;
      case 'confirmation':
        return html`<h2 tabindex="-1">${this.i18n.t('order.thanks')}</h2>${v.order ? renderConfirmation({ text: { t: this.i18n.t.bind(this.i18n), locale: this.i18n.locale }, order: v.order, orderUrl: this.orderUrl }) : nothing}`;
    }
  }

  /** The Payment Element's step; `startFailed`: the payment could not be started (the store shows why). */
  private renderStripe(busy: boolean, startFailed: boolean) {
    const { status, problem } = this.stripe;
    const failed = status === 'failed' || (status === 'idle' && startFailed && !busy);
    return html`<form @submit=${this.reviewStripe} aria-label="Payment">
      ${status === 'failed' ? html`<p part="error" role="alert">${problem}</p>` : !failed && status !== 'ready' ? html`<p aria-busy="true">Loading the secure payment form…</p>` : nothing}
      <div part="stripe-payment"><slot name=${STRIPE_SLOT}></slot></div>
      ${this.cardError ? html`<p part="field-error" role="alert">${this.cardError}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${() => this.checkout?.goTo('shipping')}>Back</button>
        ${
          failed
            ? html`<button part="primary" type="button" @click=${() => this.showStripe()}>Try again</button>`
            : html`<button part="primary" type="submit" ?disabled=${busy || status !== 'ready'}>Review order</button>`
        }
      </div>
    </form>`;
  }

  /** The authentication step: Stripe's next action when `stripeSecret` is given, else the simulated challenge. */
  private renderChallenge(busy: boolean, stripeSecret: string | null) {
    if (stripeSecret !== null) {
      return html`<div part="challenge" role="dialog" aria-modal="true" aria-label="Confirm your payment">
        <p>Your bank asks you to confirm this payment.</p>
        <div class="actions"><span></span><button part="primary" ?disabled=${busy} @click=${() => this.stripeAction(stripeSecret)}>Confirm payment</button></div>
      </div>`;
    }
    return html`<div part="challenge" role="dialog" aria-modal="true" aria-label="Confirm your payment">
      <p>Your bank asks you to confirm this payment (test authentication).</p>
      <div class="actions">
        <button ?disabled=${busy} @click=${() => this.checkout?.authenticate('cancel')}>Cancel</button>
        <button part="primary" ?disabled=${busy} @click=${() => this.checkout?.authenticate('complete')}>Complete authentication</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-checkout': ShopCheckout;
  }
}
