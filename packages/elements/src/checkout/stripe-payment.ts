import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  Appearance,
  Stripe,
  StripeElementLocale,
  StripeElements,
  StripeError,
  StripePaymentElement,
} from '@stripe/stripe-js';
import { CardError, createShopError, type PaymentStart } from '@shoptag/sdk';

/** Where the Payment Element is: not started, loading Stripe.js, shown, or failed to load. */
export type StripePaymentStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The slot of `<shop-checkout>` that shows the light-DOM node Stripe mounts its iframe into. */
export const STRIPE_SLOT = 'stripe-payment';

/**
 * The query parameter that names the checkout session in Stripe's `return_url`, so the page a
 * redirect-based payment method (or a bank's authentication page) returns to can resume it.
 */
export const RETURN_SESSION_PARAM = 'shop_checkout_session';

/** The session and PaymentIntent of a page Stripe redirected back to, or null. */
export function stripeReturn(href: string): { sessionId: string; clientSecret: string } | null {
  const params = new URL(href).searchParams;
  const sessionId = params.get(RETURN_SESSION_PARAM);
  const clientSecret = params.get('payment_intent_client_secret');
  return sessionId && clientSecret ? { sessionId, clientSecret } : null;
}

/** `href` without what Stripe's redirect added, so a reload does not complete the session again. */
export function withoutStripeReturn(href: string): string {
  const url = new URL(href);
  for (const name of [RETURN_SESSION_PARAM, 'payment_intent', 'payment_intent_client_secret', 'redirect_status'])
    url.searchParams.delete(name);
  return url.href;
}

/** The page's address with the session named, for `confirmParams.return_url`. */
export function returnUrl(href: string, sessionId: string): string {
  const url = new URL(withoutStripeReturn(href));
  url.searchParams.set(RETURN_SESSION_PARAM, sessionId);
  return url.href;
}

/** Stripe's Appearance from the element's `--shop-*` tokens, so the iframe matches the page. */
function appearanceOf(host: HTMLElement): Appearance {
  const style = getComputedStyle(host);
  const token = (name: string) => style.getPropertyValue(name).trim() || undefined;
  const variables: NonNullable<Appearance['variables']> = {
    colorPrimary: token('--shop-color-accent'),
    colorText: token('--shop-color-text') ?? style.color,
    colorDanger: token('--shop-color-danger'),
    colorBackground: token('--shop-color-surface'),
    borderRadius: token('--shop-radius'),
    fontFamily: style.fontFamily,
  };
  for (const key of Object.keys(variables) as (keyof typeof variables)[]) if (!variables[key]) delete variables[key];
  return { theme: 'stripe', variables };
}

/**
 * The Payment Element's language for the shopper's locale: Stripe takes `de`, `fr-CA`, `ja`, `ar` …
 * and falls back to the browser's language for one it does not know ('auto').
 */
export function stripeLocale(locale: string): StripeElementLocale {
  const tag = locale.replace('_', '-');
  const language = tag.split('-')[0]!.toLowerCase();
  const known =
    STRIPE_LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase()) ?? STRIPE_LOCALES.find((l) => l === language);
  return known ?? 'auto';
}

// The locales Stripe's Elements speak (stripe.com/docs/js/appendix/supported_locales).
const STRIPE_LOCALES: readonly StripeElementLocale[] = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'he',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
];

/** A PaymentIntent a retry finds already confirmed (the order request failed after Stripe answered). */
function alreadyConfirmed(error: StripeError): boolean {
  return (
    error.code === 'payment_intent_unexpected_state' &&
    ['requires_capture', 'succeeded', 'processing'].includes(error.payment_intent?.status ?? '')
  );
}

function toShopError(error: StripeError) {
  // A card error keeps Stripe's decline code, which chooses the shopper's message.
  if (error.type === 'card_error')
    return new CardError({
      type: 'card_error',
      code: error.code ?? 'card_declined',
      message: error.message ?? 'The card was declined.',
      details: error.decline_code ? { decline_code: error.decline_code } : undefined,
    });
  return createShopError({
    type:
      error.type === 'validation_error' || error.type === 'invalid_request_error'
        ? 'invalid_request_error'
        : 'api_error',
    code: error.code ?? 'payment_failed',
    message: error.message ?? 'The payment failed.',
  });
}

/**
 * The Stripe Payment Element of `<shop-checkout>`: loads Stripe.js on first use (a dynamic import,
 * so shops without Stripe never download it), mounts the element for the session's PaymentIntent
 * into a light-DOM node of the host (shown through a slot, and kept mounted while the review step
 * is shown, as confirming needs it), and confirms the PaymentIntent in the browser. Card data
 * stays in Stripe's iframe.
 */
export class StripePaymentController implements ReactiveController {
  status: StripePaymentStatus = 'idle';
  /** The shopper has filled in the Payment Element completely. */
  complete = false;
  /** The kind of method chosen in the Payment Element (`card`, `paypal` …), for the Review step. */
  paymentType = '';
  private stripe: Stripe | null = null;
  private elements: StripeElements | null = null;
  private element: StripePaymentElement | null = null;
  private clientSecret = '';
  private container: HTMLElement | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.element?.destroy();
    this.container?.remove();
    this.element = this.elements = this.container = null;
    this.clientSecret = '';
    this.status = 'idle';
  }

  private set(patch: Partial<Pick<StripePaymentController, 'status' | 'complete' | 'paymentType'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Stripe.js for the shop's publishable key; throws what the loader throws. */
  private async load(payment: PaymentStart): Promise<Stripe> {
    if (this.stripe) return this.stripe;
    if (!payment.publishable_key) throw new Error('The shop has no Stripe publishable key (STRIPE_PUBLISHABLE_KEY).');
    const { loadStripe } = await import('@stripe/stripe-js');
    const stripe = await loadStripe(payment.publishable_key);
    if (!stripe) throw new Error('Stripe.js is not available here.');
    return (this.stripe = stripe);
  }

  /**
   * Shows the Payment Element for a started payment (again after Back: the same element, its
   * amount refreshed). A call while one is under way waits for that one instead of starting a
   * second load that could leave the form "loading" after the first has failed.
   */
  show(payment: PaymentStart, locale: string): Promise<void> {
    this.showing ??= this.showOnce(payment, locale).finally(() => {
      this.showing = null;
    });
    return this.showing;
  }

  private showing: Promise<void> | null = null;

  private async showOnce(payment: PaymentStart, locale: string): Promise<void> {
    if (this.elements && payment.client_secret === this.clientSecret) {
      await this.elements.fetchUpdates();
      return;
    }
    this.set({ status: 'loading', complete: false });
    try {
      const stripe = await this.load(payment);
      this.element?.destroy();
      this.clientSecret = payment.client_secret;
      this.elements = stripe.elements({
        clientSecret: payment.client_secret,
        appearance: appearanceOf(this.host),
        locale: stripeLocale(locale),
      });
      const element = (this.element = this.elements.create('payment', { layout: 'tabs' }));
      element.on('change', (event) =>
        this.set({ complete: event.complete, paymentType: event.value?.type ?? this.paymentType }),
      );
      element.on('loaderror', (event) => {
        console.error('[shoptag E002] The Stripe Payment Element could not be loaded:', event.error.message);
        this.set({ status: 'failed' });
      });
      const ready = new Promise<void>((resolve) => element.on('ready', () => resolve()));
      if (!this.container) {
        this.container = document.createElement('div');
        this.container.slot = STRIPE_SLOT;
        this.host.append(this.container);
      }
      element.mount(this.container);
      await ready;
      if (this.status === 'loading') this.set({ status: 'ready' });
    } catch (error) {
      this.clientSecret = '';
      this.elements = null;
      console.error('[shoptag E002] Stripe.js could not be loaded:', error);
      this.set({ status: 'failed' });
    }
  }

  /**
   * Confirms the PaymentIntent with what the shopper entered (Stripe shows 3-D Secure itself, and
   * redirects only for payment methods that need it). Throws a `ShopError` when Stripe refuses.
   */
  async confirm(href: string, sessionId: string): Promise<void> {
    if (!this.stripe || !this.elements || this.status !== 'ready')
      throw createShopError({
        type: 'invalid_request_error',
        code: 'payment_form_not_ready',
        message: 'The payment form is not ready yet.',
      });
    const { error } = await this.stripe.confirmPayment({
      elements: this.elements,
      redirect: 'if_required',
      confirmParams: { return_url: returnUrl(href, sessionId) },
    });
    if (error && !alreadyConfirmed(error)) throw toShopError(error);
  }

  /** Takes the shopper through the action the server says the PaymentIntent still needs (3-D Secure). */
  async nextAction(payment: PaymentStart, clientSecret: string): Promise<void> {
    const stripe = await this.load(payment);
    const { error } = await stripe.handleNextAction({ clientSecret });
    if (error) throw toShopError(error);
  }
}
