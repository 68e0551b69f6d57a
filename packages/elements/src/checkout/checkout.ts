import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  checkoutSteps,
  createCheckoutStore,
  formatMoney,
  getCartStore,
  isShopError,
  type CheckoutState,
  type CheckoutStep,
  type CheckoutStore,
  type Money,
  type ShopClient,
} from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { errorMessageKey } from '../internal/errors.js';
import { Localizer } from '../i18n/localizer.js';
import type { MessageKey } from '../i18n/catalogues.js';
import type { MessageParams } from '../i18n/message.js';
import { ShopCheckoutCompleteEvent } from '../events/checkout-complete.js';
import { EMPTY_CONTACT, contactOf, type ContactForm, type ContactKey } from './checkout-fields.js';
import { purchaseParameters } from './checkout-analytics.js';
import { checkContact, fieldMessage, fieldOf, serverProblems, type FieldProblem } from './field-messages.js';
import { cardMessageKey, isCardError } from './card-messages.js';
import { readContact, renderContactStep } from './checkout-contact.js';
import { renderCardForm, renderStripeForm } from './checkout-payment.js';
import { renderEmpty, renderProgress, renderShippingStep, renderStepHeading, stepErrorKey } from './checkout-steps.js';
import { testPaymentMethod } from './test-cards.js';
import { StripePaymentController, stripeReturn, withoutStripeReturn } from './stripe-payment.js';
import { checkoutStyles } from './checkout.styles.js';
import { tokens } from '../styles/shared.styles.js';
import { orderDetailsStyles } from '../order/order-details.styles.js';
import { renderReview, typedCard } from './checkout-review.js';
import { renderConfirmation } from './checkout-confirmation.js';

/** Where focus goes after the next render: the step's heading, the first invalid field, or the card problem. */
type FocusTarget = 'heading' | 'invalid' | 'card' | null;

/**
 * Checkout in steps — contact and shipping address → shipping method → payment → review →
 * confirmation — with a progress indicator, browser autofill, and back and forward without losing
 * what was typed. Place order places exactly one order however often it is clicked. A session
 * whose stock is gone shows an expired state; an empty cart says so, with a link back to the shop.
 * When nothing in the cart needs shipping (digital goods, gift cards), the first step asks for the
 * billing address (what tax and the receipt need) and there is no shipping step.
 *
 * The address form follows the chosen country (US, CA, GB, DE, FR, JP, AU): its fields, their
 * names and their order, with the state, province or prefecture chosen from a list. It is read
 * when submitted, so fields filled by a password manager without `input` events count. Every
 * problem is checked before sending with the contract's rules and shown beside its field in the
 * shopper's language, as is any field error the server answers (mapped by `param` and `code`,
 * never its developer text); focus goes to the first field to fix. Each step change moves focus
 * to the step's heading. A declined card returns to the payment step with the reason, focus there.
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
 * @csspart step-heading - The current step's heading (focused when the step changes).
 * @csspart empty - The empty-cart message with its link back to the shop.
 * @csspart field - A labelled form field.
 * @csspart field-error - A field's validation message.
 * @csspart error - A message about the whole step (a declined card …).
 * @csspart primary - The button that moves on.
 * @csspart place-order - The Place order button.
 * @csspart challenge - The card authentication step (simulated, or Stripe's next action).
 * @csspart stripe-payment - The box around the Stripe Payment Element.
 * @csspart review - The Review step's summary: contact, address, shipping method, payment, each with a Change button.
 * @csspart confirmation - The confirmation: the whole order with its number.
 * @csspart order-link - The confirmation's link to the order status page (`order-url`).
 * @csspart items - The order's lines on Review and Confirmation.
 * @csspart ships-later - A line's note of the units that ship later (sold on backorder).
 * @csspart no-shipping - The note that nothing needs shipping (the first step then asks for the billing address).
 * @csspart totals - The order's totals on Review and Confirmation.
 *
 * @cssproperty --shop-color-accent - Buttons and the reached steps (and Stripe's primary color).
 * @cssproperty --shop-color-danger - Validation messages (and Stripe's danger color).
 * @cssproperty --shop-color-text - Text (and Stripe's text color).
 * @cssproperty --shop-color-surface - Button background (and Stripe's background color).
 * @cssproperty --shop-radius - Corner radius (and Stripe's border radius).
 */
export class ShopCheckout extends LitElement {
  static readonly tagName = 'shop-checkout';
  static override styles = [tokens, checkoutStyles, orderDetailsStyles];

  /** Start from this cart; defaults to the page's cart. */
  @property({ attribute: 'cart-id' }) cartId = '';
  /** Resume this checkout session instead. */
  @property({ attribute: 'session-id' }) sessionId = '';
  /** Where "Back to the shop" leads when the cart is empty or the checkout expired. */
  @property({ attribute: 'shop-url' }) shopUrl = '/';
  /** The order status page the confirmation links to, with `{id}` and `{token}` (`order.html#order={id}&token={token}`). */
  @property({ attribute: 'order-url' }) orderUrl = '';

  @state() private view: CheckoutState | null = null;
  @state() private contact: ContactForm = { ...EMPTY_CONTACT };
  /** Problems the form found before sending (the server's come from the store's error). */
  @state() private problems: FieldProblem[] = [];
  /** The card number of the simulated card form, as read when it was submitted. */
  @state() private cardNumber = '';
  /** Why the card cannot be used: declined, not a test card, incomplete. */
  @state() private cardProblem: MessageKey | null = null;
  /** There is nothing to check out: no cart, or an empty one. */
  @state() private empty = false;
  /** Starting the checkout failed for another reason. */
  @state() private startError: unknown = null;

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
  private readonly stripe = new StripePaymentController(this);
  /** The Stripe form was asked for on this visit to the payment step. */
  private stripeShown = false;
  /** Completing a session Stripe redirected back to. */
  private resuming = false;
  private checkout: CheckoutStore | undefined;
  private client: ShopClient | undefined;
  private unsubscribe: (() => void) | undefined;
  private completedOrderId = '';
  private shownStep: CheckoutStep | 'expired' | undefined;
  private focusTarget: FocusTarget = null;

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

  private t(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.store.value?.client;
    if (client && (client !== this.client || changed.has('cartId') || changed.has('sessionId')))
      void this.begin(client);
  }

  private async begin(client: ShopClient): Promise<void> {
    this.client = client;
    this.unsubscribe?.();
    this.empty = false;
    this.startError = null;
    const checkout = createCheckoutStore(client);
    this.checkout = checkout;
    this.unsubscribe = checkout.$checkout.subscribe((value) => {
      this.view = value;
      if (value.order && value.order.id !== this.completedOrderId) this.completed(value);
      this.noticeDecline(value);
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
        if (!cartId) this.empty = true;
        else await checkout.start(cartId);
      }
    } catch (error) {
      // The server answers 400 `cart_empty` for an empty cart, 404 for a cart that is gone.
      if (isShopError(error) && (error.code === 'cart_empty' || error.param === 'cart_id')) this.empty = true;
      else if (!this.view?.session) this.startError = error;
    } finally {
      this.resuming = false;
      this.requestUpdate();
    }
    const session = this.view?.session;
    if (session?.shipping_address || (session && !session.requires_shipping && session.billing_address))
      this.contact = contactOf(session);
  }

  /** A refused card sends the shopper back to the payment step, with the reason and focus there. */
  private noticeDecline(value: CheckoutState): void {
    if (value.step !== 'review' || value.status !== 'error' || !isCardError(value.error)) return;
    this.cardProblem = cardMessageKey(value.error);
    this.cardNumber = '';
    this.focusTarget = 'card';
    queueMicrotask(() => this.checkout?.goTo('payment'));
  }

  private completed(value: CheckoutState): void {
    const order = value.order!;
    this.completedOrderId = order.id;
    if (this.client) getCartStore(this.client).clear();
    const ecommerce = purchaseParameters(order);
    this.dispatchEvent(new ShopCheckoutCompleteEvent({ order, ecommerce }));
  }

  private money(m: Money): string {
    return formatMoney(m, this.i18n.locale);
  }

  /** The problems to show on the contact form: the form's own, else the server's. */
  private contactErrors(v: CheckoutState): Partial<Record<ContactKey, string>> {
    const problems = this.problems.length ? this.problems : v.status === 'error' ? serverProblems(v.error) : [];
    const out: Partial<Record<ContactKey, string>> = {};
    for (const problem of problems) {
      const key = fieldOf(problem.param);
      const message = fieldMessage(problem, this.contact);
      if (key && message && !out[key]) out[key] = this.t(message.key, message.params);
    }
    return out;
  }

  private async submitContact(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const c = (this.contact = readContact(e.currentTarget as HTMLFormElement, this.contact));
    this.problems = checkContact(c);
    if (this.problems.length) {
      this.focusTarget = 'invalid';
      return;
    }
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    const address = {
      name: c.name,
      line1: c.line1,
      line2: optional(c.line2),
      city: c.city,
      region: optional(c.region),
      postal_code: optional(c.postal_code),
      country: c.country,
      phone: optional(c.phone),
    };
    // Nothing to ship: the address is the billing address (tax follows its country), and there is no shipping step.
    const updated = await this.checkout?.update(
      this.view?.session?.requires_shipping === false
        ? { email: c.email.trim(), billing_address: address }
        : { email: c.email.trim(), shipping_address: address, billing_same_as_shipping: true },
    );
    if (!updated && serverProblems(this.view?.error ?? null).length) {
      this.focusTarget = 'invalid';
      this.requestUpdate();
    }
  }

  private changeCountry(e: Event): void {
    const form = (e.target as HTMLSelectElement).form;
    if (form) this.contact = { ...readContact(form, this.contact), region: '' };
    this.problems = [];
  }

  private async choose(methodId: string): Promise<void> {
    // Stay on the step: the shopper sees the new total and moves on with Continue.
    if (await this.checkout?.update({ shipping_method_id: methodId })) this.checkout?.goTo('shipping');
  }

  private async submitCard(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const number = new FormData(e.currentTarget as HTMLFormElement).get('cardnumber');
    this.cardNumber = typeof number === 'string' ? number : '';
    if (!testPaymentMethod(this.cardNumber)) {
      this.cardProblem = 'checkout.card.testOnly';
      this.focusTarget = 'card';
      return;
    }
    if (await this.checkout?.startPayment()) {
      this.cardProblem = null;
      this.checkout?.goTo('review');
    }
  }

  protected override updated(): void {
    const v = this.view;
    this.moveFocus(v);
    if (v?.session?.payment_provider !== 'stripe' || v.step !== 'payment') this.stripeShown = false;
    // Shown once on arrival; after a failure only Try again loads it again, so a later update
    // cannot swap the error (and its button) for a second attempt the shopper did not ask for.
    else if (!this.stripeShown && !this.resuming && v.status !== 'pending' && this.stripe.status !== 'failed') {
      this.stripeShown = true;
      void this.showStripe();
    }
  }

  /** Each step change moves focus to its heading; a failed submit to the first invalid field or the card problem. */
  private moveFocus(v: CheckoutState | null): void {
    // An expired checkout is a screen of its own, with its heading to land on.
    const expired = v?.status === 'expired' || v?.session?.status === 'expired';
    const step = v?.session ? (expired ? 'expired' : v.step) : undefined;
    if (step !== this.shownStep) {
      // Not on the first render: a page that shows the checkout keeps its own focus.
      if (this.shownStep !== undefined && step !== undefined) this.focusTarget ??= 'heading';
      this.shownStep = step;
    }
    const target = this.focusTarget;
    if (!target || !step) return;
    const root = this.renderRoot as ShadowRoot;
    const element =
      target === 'invalid'
        ? root.querySelector<HTMLElement>('[aria-invalid="true"]')
        : target === 'card'
          ? (root.querySelector<HTMLElement>('#f-cardnumber') ?? root.querySelector<HTMLElement>('#card-error'))
          : root.querySelector<HTMLElement>('#step-heading');
    if (!element) return; // not rendered yet: try after the next update
    this.focusTarget = null;
    element.focus();
  }

  /** Starts (or refreshes) the PaymentIntent, then shows the Payment Element for it. */
  private async showStripe(): Promise<void> {
    await Promise.resolve(); // not inside this update
    const payment = await this.checkout?.startPayment();
    if (payment) await this.stripe.show(payment, this.i18n.locale);
  }

  private reviewStripe(e: SubmitEvent): void {
    e.preventDefault();
    this.cardProblem = this.stripe.complete ? null : 'checkout.card.incomplete';
    if (this.cardProblem) this.focusTarget = 'card';
    else this.checkout?.goTo('review');
  }

  private async stripeAction(clientSecret: string): Promise<void> {
    const payment = this.view?.payment ?? (await this.checkout?.startPayment());
    if (payment) await this.checkout?.confirmAndPlaceOrder(() => this.stripe.nextAction(payment, clientSecret));
  }

  private place(): void {
    const session = this.view?.session;
    if (session?.payment_provider === 'stripe')
      void this.checkout?.confirmAndPlaceOrder(() => this.stripe.confirm(location.href, session.id));
    else void this.checkout?.placeOrder(testPaymentMethod(this.cardNumber) ?? undefined);
  }

  protected override render() {
    const v = this.view;
    const t = this.t.bind(this);
    if (this.empty) return renderEmpty(t, this.shopUrl);
    if (!v || !v.session) {
      const error = v?.error ?? this.startError;
      if (error) return html`<p part="error" role="alert">${t(errorMessageKey(error))}</p>`;
      return html`<p aria-busy="true">${t('checkout.loading')}</p>`;
    }
    if (v.status === 'expired' || v.session.status === 'expired') {
      return html`<div part="expired" role="alert"><h2 id="step-heading" tabindex="-1">${t('checkout.expired.title')}</h2><p>${t('checkout.expired.body')}</p><a part="primary" href=${this.shopUrl}>${t('checkout.expired.back')}</a></div>`;
    }
    // Field and card problems are shown where they are; other failures above the step.
    const fieldFailure = v.step === 'contact' && serverProblems(v.error).length > 0;
    const stepError =
      v.error && v.status === 'error' && !fieldFailure && !isCardError(v.error) ? stepErrorKey(v.error) : null;
    return html`<div class="checkout" dir=${this.i18n.dir} lang=${this.i18n.locale}>
      ${renderProgress(t, v.step, checkoutSteps(v.session))}
      ${renderStepHeading(t, v.step, v.session.requires_shipping)}
      ${stepError ? html`<p part="error" role="alert">${t(stepError)}</p>` : nothing}
      ${this.renderStep(v)}
      <div role="status" aria-live="polite" class="sr">${v.status === 'pending' ? t('checkout.working') : ''}</div>
    </div>`;
  }

  private renderStep(v: CheckoutState) {
    const busy = v.status === 'pending';
    const session = v.session!;
    const t = this.t.bind(this);
    switch (v.step) {
      case 'contact':
        return renderContactStep({
          t,
          locale: this.i18n.locale,
          form: this.contact,
          errors: this.contactErrors(v),
          busy,
          onSubmit: (e) => void this.submitContact(e),
          onCountry: (e) => this.changeCountry(e),
          shipping: session.requires_shipping,
        });
      case 'shipping':
        return renderShippingStep({
          t,
          busy,
          methods: v.shippingMethods,
          chosen: session.shipping_method?.id ?? null,
          price: (m) => this.money(m),
          onChoose: (id) => void this.choose(id),
          onBack: () => this.checkout?.goTo('contact'),
          onContinue: () => this.checkout?.goTo('payment'),
        });
      case 'payment': {
        const view = {
          t,
          busy,
          problem: this.cardProblem ? t(this.cardProblem) : '',
          cardNumber: this.cardNumber,
          onBack: () => this.checkout?.goTo(session.requires_shipping ? 'shipping' : 'contact'),
        };
        if (session.payment_provider !== 'stripe')
          return renderCardForm({ ...view, onSubmit: (e) => void this.submitCard(e) });
        const status = this.stripe.status;
        return renderStripeForm({
          ...view,
          status,
          failed: status === 'failed' || (status === 'idle' && v.status === 'error' && !busy),
          onSubmit: (e) => this.reviewStripe(e),
          onRetry: () => void this.showStripe(),
        });
      }
      case 'review':
        return this.renderReview(v, busy);
      case 'confirmation':
        return this.renderConfirmation(v);
    }
  }

  private renderReview(v: CheckoutState, busy: boolean) {
    const session = v.session!;
    const t = this.t.bind(this);
    return html`${v.action ? this.renderChallenge(busy, v.action.next_action.type === 'use_stripe_sdk' ? v.action.next_action.client_secret : null) : nothing}
      ${renderReview({
        text: { t: this.i18n.t.bind(this.i18n), locale: this.i18n.locale },
        session,
        payment:
          session.payment_provider === 'stripe' ? { method: this.stripe.paymentType } : typedCard(this.cardNumber),
        goTo: (step) => this.checkout?.goTo(step),
      })}
      <div class="actions"><button @click=${() => this.checkout?.goTo('payment')}>${t('checkout.back')}</button><button part="place-order" ?disabled=${busy || v.action !== null} @click=${this.place}>${t('checkout.placeOrder')}</button></div>`;
  }

  private renderConfirmation(v: CheckoutState) {
    return v.order
      ? renderConfirmation({
          text: { t: this.i18n.t.bind(this.i18n), locale: this.i18n.locale },
          order: v.order,
          orderUrl: this.orderUrl,
        })
      : nothing;
  }

  /** The authentication step: Stripe's next action when `stripeSecret` is given, else the simulated challenge. */
  private renderChallenge(busy: boolean, stripeSecret: string | null) {
    const t = this.t.bind(this);
    if (stripeSecret !== null) {
      return html`<div part="challenge" role="dialog" aria-modal="true" aria-label=${t('checkout.challenge.label')}>
        <p>${t('checkout.challenge.body')}</p>
        <div class="actions"><span></span><button part="primary" ?disabled=${busy} @click=${() => this.stripeAction(stripeSecret)}>${t('checkout.challenge.confirm')}</button></div>
      </div>`;
    }
    return html`<div part="challenge" role="dialog" aria-modal="true" aria-label=${t('checkout.challenge.label')}>
      <p>${t('checkout.challenge.test')}</p>
      <div class="actions">
        <button ?disabled=${busy} @click=${() => this.checkout?.authenticate('cancel')}>${t('checkout.challenge.cancel')}</button>
        <button part="primary" ?disabled=${busy} @click=${() => this.checkout?.authenticate('complete')}>${t('checkout.challenge.complete')}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-checkout': ShopCheckout;
  }
}
