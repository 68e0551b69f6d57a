import { atom, type ReadableAtom } from 'nanostores';
import type { ShopClient } from '../client.js';
import type {
  CheckoutRequiresAction,
  CheckoutSession,
  CheckoutSessionUpdate,
  PaymentStart,
  ShippingRate,
} from '../contract/checkout.js';
import type { Order } from '../contract/orders.js';
import { CardError, createShopError, isShopError, type ShopError } from '../errors.js';
import { newIdempotencyKey } from '../request.js';

/** The steps of a checkout, in order. */
export const CHECKOUT_STEPS = ['contact', 'shipping', 'payment', 'review', 'confirmation'] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

/** What the checkout is doing: idle, waiting for the server, failed, waiting for the shopper's challenge, or expired. */
export type CheckoutStatus = 'idle' | 'pending' | 'error' | 'requires_action' | 'expired';

export interface CheckoutState {
  step: CheckoutStep;
  session: CheckoutSession | null;
  shippingMethods: ShippingRate[];
  payment: PaymentStart | null;
  /** The challenge to show when the card needs authentication. */
  action: CheckoutRequiresAction | null;
  order: Order | null;
  status: CheckoutStatus;
  error: ShopError | null;
  /** Messages by dotted field (`shipping_address.postal_code`), from the server's field errors. */
  fieldErrors: Record<string, string>;
}

/** The reactive checkout: one store to render from and the actions that move it on. */
export interface CheckoutStore {
  readonly $checkout: ReadableAtom<CheckoutState>;
  /** Starts checkout from a cart. */
  start(cartId: string): Promise<CheckoutSession>;
  /** Resumes an existing session (after a reload). */
  load(sessionId: string): Promise<CheckoutSession>;
  /** Sends changes; field errors land in `fieldErrors` and the step stays. */
  update(changes: CheckoutSessionUpdate): Promise<CheckoutSession | null>;
  /** Moves to a step already reached (back and forward without losing input). */
  goTo(step: CheckoutStep): void;
  startPayment(): Promise<PaymentStart | null>;
  /**
   * Places the order. Calling again while a placement is in flight answers the same promise, and
   * every attempt reuses one idempotency key until the payment is refused: one order however
   * often it is clicked.
   */
  placeOrder(paymentMethod?: string): Promise<Order | null>;
  /**
   * Stripe: runs `confirm` first (Stripe.js confirming the PaymentIntent in the browser, or taking
   * the shopper through its next action), then places the order, under the same guard as
   * `placeOrder`: one confirmation and one order however often it is called. What `confirm`
   * throws (a declined card) becomes the store's error; the cart stays.
   */
  confirmAndPlaceOrder(confirm: () => Promise<void>): Promise<Order | null>;
  /** Simulated provider: answers the challenge, then places the order when it was completed. */
  authenticate(result: 'complete' | 'cancel'): Promise<Order | null>;
  reset(): void;
}

const INITIAL: CheckoutState = {
  step: 'contact',
  session: null,
  shippingMethods: [],
  payment: null,
  action: null,
  order: null,
  status: 'idle',
  error: null,
  fieldErrors: {},
};

/**
 * The steps a session goes through: all of them, or without `shipping` when nothing in it needs
 * shipping (digital goods, gift cards): the contact step then asks for the billing address.
 */
export function checkoutSteps(session: Pick<CheckoutSession, 'requires_shipping'> | null): readonly CheckoutStep[] {
  return session && !session.requires_shipping ? CHECKOUT_STEPS.filter((s) => s !== 'shipping') : CHECKOUT_STEPS;
}

/** The furthest step a session's state allows. */
export function reachableStep(session: CheckoutSession): CheckoutStep {
  if (session.status === 'complete') return 'confirmation';
  if (!session.requires_shipping) return session.email && session.billing_address ? 'payment' : 'contact';
  if (!session.email || !session.shipping_address) return 'contact';
  if (!session.shipping_method) return 'shipping';
  return 'payment';
}

function fieldErrorsOf(error: ShopError): Record<string, string> {
  const listed = error.details?.errors;
  if (Array.isArray(listed)) {
    const out: Record<string, string> = {};
    for (const item of listed as { param?: unknown; message?: unknown }[]) {
      if (typeof item.param === 'string' && typeof item.message === 'string') out[item.param] = item.message;
    }
    return out;
  }
  return error.param ? { [error.param]: error.message } : {};
}

/** Creates the checkout store for a client. */
export function createCheckoutStore(client: ShopClient): CheckoutStore {
  const $checkout = atom<CheckoutState>(INITIAL);
  const set = (patch: Partial<CheckoutState>) => $checkout.set({ ...$checkout.get(), ...patch });
  let placing: Promise<Order | null> | null = null;
  let completeKey: string | null = null;

  function fail(error: unknown): null {
    const shopError = isShopError(error)
      ? error
      : createShopError({ type: 'api_error', message: error instanceof Error ? error.message : String(error) });
    const expired = shopError.code === 'checkout_expired' || shopError.code === 'out_of_stock';
    set({ status: expired ? 'expired' : 'error', error: shopError, fieldErrors: fieldErrorsOf(shopError) });
    return null;
  }

  async function run<T>(task: () => Promise<T>): Promise<T | null> {
    set({ status: 'pending', error: null });
    try {
      const result = await task();
      if ($checkout.get().status === 'pending') set({ status: 'idle' });
      return result;
    } catch (error) {
      return fail(error);
    }
  }

  /**
   * After a refused payment or placement (not a declined card): the server ends a checkout that
   * can no longer be paid (its coupon was used up, its total changed …) and gives its stock back,
   * so ask it whether this one is still open, and show it expired if not.
   */
  async function noticeEnded(sessionId: string): Promise<void> {
    const { status, error } = $checkout.get();
    if (status !== 'error' || !error || error instanceof CardError || !error.statusCode || error.statusCode >= 500)
      return;
    const fresh = await client.checkout.get(sessionId).catch(() => null);
    if (fresh?.status === 'expired' && $checkout.get().error === error) set({ session: fresh, status: 'expired' });
  }

  function showSession(session: CheckoutSession, step?: CheckoutStep): void {
    set({
      session,
      step: step ?? $checkout.get().step,
      ...(session.status === 'expired' ? { status: 'expired' as const } : {}),
    });
  }

  async function complete(paymentMethod: string | undefined): Promise<Order | null> {
    const session = $checkout.get().session;
    if (!session) return null;
    completeKey ??= newIdempotencyKey();
    const result = await run(() =>
      client.checkout.complete(session.id, paymentMethod ? { payment_method: paymentMethod } : {}, {
        idempotencyKey: completeKey ?? undefined,
      }),
    );
    if (!result) {
      // A refused payment may be tried again with another card: that is a new request.
      completeKey = null;
      await noticeEnded(session.id);
      return null;
    }
    completeKey = null;
    if (result.object === 'checkout_action') {
      set({ status: 'requires_action', action: result });
      return null;
    }
    set({
      order: result,
      action: null,
      step: 'confirmation',
      status: 'idle',
      session: { ...session, status: 'complete', order_id: result.id },
    });
    return result;
  }

  function placeOrder(paymentMethod?: string, confirm?: () => Promise<void>): Promise<Order | null> {
    placing ??= (async () => {
      if (confirm && (await run(confirm)) === null) return null;
      return complete(paymentMethod);
    })().finally(() => {
      placing = null;
    });
    return placing;
  }

  return {
    $checkout,
    async start(cartId) {
      const session = await client.checkout.create(cartId);
      set({ ...INITIAL, session, step: reachableStep(session) });
      return session;
    },
    async load(sessionId) {
      const session = await client.checkout.get(sessionId);
      set({
        ...INITIAL,
        session,
        step: reachableStep(session),
        status: session.status === 'expired' ? 'expired' : 'idle',
      });
      return session;
    },
    async update(changes) {
      const session = $checkout.get().session;
      if (!session) return null;
      const updated = await run(() => client.checkout.update(session.id, changes));
      if (!updated) return null;
      set({ fieldErrors: {} });
      const shippingMethods =
        updated.shipping_address && updated.requires_shipping
          ? ((await run(() => client.checkout.shippingMethods(session.id)))?.data ?? [])
          : [];
      const steps = checkoutSteps(updated);
      const current = Math.max(0, steps.indexOf($checkout.get().step));
      const reachable = steps.indexOf(reachableStep(updated));
      showSession(updated, steps[Math.min(reachable, current + 1)]);
      set({ shippingMethods });
      return updated;
    },
    goTo(step) {
      const { session } = $checkout.get();
      if (!session || step === 'confirmation') return;
      const steps = checkoutSteps(session);
      // Nothing to ship: there is no shipping step; going "back" to it goes to the contact step.
      const target = steps.includes(step) ? step : 'contact';
      const reachable = reachableStep(session);
      // Review comes after payment details are entered in the page, so it is open once payment is.
      const limit = steps.indexOf(reachable === 'payment' ? 'review' : reachable);
      if (steps.indexOf(target) > limit) return;
      set({ step: target, fieldErrors: {} });
    },
    async startPayment() {
      const session = $checkout.get().session;
      if (!session) return null;
      const payment = await run(() => client.checkout.startPayment(session.id));
      if (payment) set({ payment });
      else await noticeEnded(session.id);
      return payment;
    },
    placeOrder: (paymentMethod) => placeOrder(paymentMethod),
    confirmAndPlaceOrder: (confirm) => placeOrder(undefined, confirm),
    async authenticate(result) {
      const session = $checkout.get().session;
      if (!session) return null;
      const updated = await run(() => client.checkout.authenticate(session.id, result));
      if (!updated) return null;
      set({ action: null });
      return placeOrder();
    },
    reset() {
      placing = null;
      completeKey = null;
      $checkout.set(INITIAL);
    },
  };
}
