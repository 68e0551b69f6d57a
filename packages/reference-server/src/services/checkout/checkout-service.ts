import type {
  CheckoutCompletion,
  CheckoutSession,
  CheckoutSessionUpdate,
  PaymentStart,
  ShippingRateList,
} from '@shoptag/sdk/contract';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { CardError, ConflictError, InvalidRequestError, NotFoundError } from '../../errors.js';
import type { FaultInjector } from '../../fault-injection.js';
import type { Logger } from '../../logger.js';
import type { PaymentIntent, PaymentProvider } from '../../payments/payment-provider.js';
import { createCartRepository } from '../../store/cart-repository.js';
import {
  createCheckoutRepository,
  type CheckoutSessionRow,
  type SessionLine,
} from '../../store/checkout-repository.js';
import { createCouponRepository } from '../../store/coupon-repository.js';
import type { Db } from '../../store/db.js';
import { createPlacementRecoveryRepository } from '../../store/placement-recovery-repository.js';
import { couponProblem } from '../coupons/index.js';
import { randomId } from '../../ids.js';
import type { ReservationService } from '../inventory/index.js';
import { checkoutPricingFrom, subtotalOf, type CheckoutPricingSource } from '../pricing/index.js';
import { couponLapsedError, type CheckoutEnding } from './checkout-ending.js';
import { missingField, priceSession, toCheckoutSession, toRate, type PricedSession } from './checkout-pricing-view.js';
import type { OrderPlacement } from './order-placement.js';

type CheckoutUpdateParsed = z.output<typeof CheckoutSessionUpdate>;

export interface CheckoutServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  reservations: ReservationService;
  payments: PaymentProvider;
  placement: OrderPlacement;
  /** Ends a session that can no longer be paid, its stock back on sale at once. */
  ending: CheckoutEnding;
  pricing: CheckoutPricingSource;
  /** Lifetime of the stock hold, refreshed while the session is used. */
  holdTtlMs: number;
  faults: FaultInjector;
}

/** A provider's answer that the intent is no longer in a state to be confirmed (ours or Stripe's code). */
function isUnexpectedState(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'payment_intent_unexpected_state'
  );
}

/** Whether a session's lines are the cart's lines now (the same quantity of each variant). */
function sameLines(a: readonly SessionLine[], b: readonly SessionLine[]): boolean {
  if (a.length !== b.length) return false;
  const quantities = new Map(a.map((l) => [l.variant_id, l.quantity]));
  return b.every((l) => quantities.get(l.variant_id) === l.quantity);
}

const missing = (id: string) => new NotFoundError(`No such checkout session: '${id}'`, { param: 'id' });

/**
 * Checkout sessions: created from a cart (its stock held for the hold TTL, refreshed while the
 * session is used), filled in with email, addresses and a shipping method, paid through the
 * payment provider, and completed into exactly one order. Payment calls never run inside a
 * database transaction.
 */
export function createCheckoutService(deps: CheckoutServiceDeps) {
  const { db, clock, reservations, payments, placement } = deps;

  async function load(id: string): Promise<PricedSession> {
    const repo = createCheckoutRepository(db);
    const row = await repo.get(id);
    if (!row) throw missing(id);
    const [variants, coupon] = await Promise.all([
      repo.variants(row.lines.map((l) => l.variant_id)),
      row.coupon_id ? createCouponRepository(db).get(row.coupon_id) : undefined,
    ]);
    return priceSession(await checkoutPricingFrom(deps.pricing), row, variants, coupon ?? null, clock.now());
  }

  async function view(priced: PricedSession): Promise<CheckoutSession> {
    const { row } = priced;
    let payment: CheckoutSession['payment'] = null;
    if (row.payment_intent_id && row.payment_provider) {
      const intent = await payments.retrieveIntent(row.payment_intent_id).catch(() => null);
      if (intent) payment = { provider: payments.kind, intent_id: intent.id, status: intent.status };
    }
    return toCheckoutSession(priced, payments.kind, payment);
  }

  /**
   * Keeps an open session's stock held: refreshes the hold, or (once it lapsed) takes a new one
   * under the session row lock, so two requests never take two. 409 `out_of_stock` when the units
   * are gone; the session then expires.
   */
  async function keepHold(row: CheckoutSessionRow): Promise<CheckoutSessionRow> {
    if (row.status !== 'open') return row;
    const ttl = deps.holdTtlMs;
    if (row.hold_id) {
      try {
        const expiresAt = await reservations.refresh(row.hold_id, ttl);
        await createCheckoutRepository(db).update(row.id, { expires_at: expiresAt }, clock.now(), 'open');
        return { ...row, expires_at: expiresAt };
      } catch (error) {
        if (!(error instanceof ConflictError && error.code === 'hold_expired')) throw error;
      }
    }
    try {
      const taken = await db.transaction(async (tx) => {
        const repo = createCheckoutRepository(tx);
        const locked = await repo.get(row.id, { lock: true });
        if (!locked || locked.status !== 'open') return locked;
        if (locked.hold_id && locked.hold_id !== row.hold_id) return locked;
        const hold = await reservations.reserveIn(
          tx,
          locked.lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
          ttl,
        );
        await repo.update(row.id, { hold_id: hold.id, expires_at: hold.expiresAt }, clock.now());
        return { ...locked, hold_id: hold.id, expires_at: hold.expiresAt };
      });
      if (!taken) throw missing(row.id);
      await reservations.invalidate(taken.lines.map((l) => l.variant_id));
      return taken;
    } catch (error) {
      // Its units are gone: the session ends, and any authorization of its payment is released.
      if (error instanceof ConflictError && error.code === 'out_of_stock')
        await deps.ending.end(row.id, { cancelPayment: true });
      throw error;
    }
  }

  /**
   * Loads an open session (or takes the one just `loaded`) and keeps its hold; 409
   * `checkout_complete` / `checkout_expired` otherwise.
   */
  async function active(id: string, loaded?: PricedSession): Promise<PricedSession> {
    const priced = loaded ?? (await load(id));
    if (priced.row.status === 'complete')
      throw new ConflictError('This checkout is complete; its order has been placed.', {
        code: 'checkout_complete',
        details: { order_id: priced.row.order_id },
      });
    if (priced.row.status === 'expired')
      throw new ConflictError('This checkout has expired; start again from the cart.', { code: 'checkout_expired' });
    const row = await keepHold(priced.row);
    return row === priced.row ? priced : { ...priced, row };
  }

  function requireReady(priced: PricedSession): void {
    const field = missingField(priced);
    if (field) {
      const what = {
        email: 'an email address',
        shipping_address: 'a shipping address',
        billing_address: 'a billing address',
        shipping_method_id: 'a shipping method',
      }[field];
      throw new InvalidRequestError(`The checkout needs ${what} before payment.`, {
        code: 'checkout_incomplete',
        param: field,
      });
    }
    if (priced.lines.length !== priced.row.lines.length)
      throw new ConflictError('An item in this checkout is no longer sold.', { code: 'item_unavailable' });
  }

  /**
   * A session whose coupon stopped applying (others used it up, it expired …) cannot be paid at
   * the price the shopper saw: it ends at once — stock back on sale, any authorization cancelled —
   * with the coupon's own error, rather than charging a different total.
   */
  async function refuseLapsedCoupon(priced: PricedSession): Promise<void> {
    if (!priced.couponLapse) return;
    await deps.ending.end(priced.row.id, { cancelPayment: true });
    throw couponLapsedError(priced.couponLapse);
  }

  /** The session's PaymentIntent for its current total: created once (key from the session id), its amount kept in step. */
  async function intentFor(priced: PricedSession): Promise<PaymentIntent> {
    const { row, pricing } = priced;
    const total = pricing.total;
    if (row.payment_intent_id) {
      const intent = await payments.retrieveIntent(row.payment_intent_id);
      if (intent.amount === total || !['requires_payment_method', 'requires_confirmation'].includes(intent.status))
        return intent;
      return payments.updateAmount(intent.id, total, { idempotencyKey: `${row.id}:amount:${intent.id}:${total}` });
    }
    const intent = await payments.createIntent({
      amount: total,
      currency: row.currency,
      metadata: { checkout_session_id: row.id },
      idempotencyKey: `${row.id}:intent`,
    });
    await createCheckoutRepository(db).update(
      row.id,
      { payment_provider: payments.kind, payment_intent_id: intent.id },
      clock.now(),
    );
    return intent;
  }

  return {
    /**
     * The cart's checkout: a cart checks out once at a time. Under the cart's row lock, an open
     * session for the cart as it stands (same items, coupon and currency) is answered as it is,
     * its hold kept — so any number of concurrent starts make one session and one hold; an open
     * session for what the cart used to hold ends first, giving its stock back.
     */
    async create(cartId: string): Promise<CheckoutSession> {
      const id = randomId('cs');
      const released: string[] = [];
      const started = await db.transaction(async (tx): Promise<{ existing: string } | { variantIds: string[] }> => {
        const now = clock.now();
        const repo = createCheckoutRepository(tx);
        const cart = await repo.lockCart(cartId, now);
        if (!cart) throw new NotFoundError(`No such cart: '${cartId}'`, { param: 'cart_id' });
        const lines = await createCartRepository(tx).lines(cartId);
        if (lines.length === 0)
          throw new InvalidRequestError('The cart is empty.', { code: 'cart_empty', param: 'cart_id' });
        const coupon = cart.coupon_id ? await createCouponRepository(tx).get(cart.coupon_id) : undefined;
        const subtotal = subtotalOf(lines.map((l) => ({ unitPrice: l.price_amount, quantity: l.quantity })));
        const couponId = coupon && couponProblem(coupon, subtotal, now) === null ? coupon.id : null;
        const items = lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity }));
        for (const open of await repo.openForCart(cartId)) {
          if (open.currency === cart.currency && open.coupon_id === couponId && sameLines(open.lines, items))
            return { existing: open.id };
          await repo.update(open.id, { status: 'expired', hold_id: null }, now);
          if (open.hold_id) released.push(open.hold_id);
        }
        const hold = await reservations.reserveIn(
          tx,
          items.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
          deps.holdTtlMs,
        );
        await repo.insert({
          id,
          cart_id: cartId,
          currency: cart.currency,
          lines: items,
          coupon_id: couponId,
          hold_id: hold.id,
          expires_at: hold.expiresAt,
          created_at: now,
        });
        return { variantIds: items.map((l) => l.variant_id) };
      });
      // The open session answers as a read would: its hold refreshed (or taken again once lapsed).
      if ('existing' in started) return view(await active(started.existing));
      for (const holdId of released) await reservations.release(holdId).catch(() => undefined);
      await reservations.invalidate(started.variantIds);
      return view(await load(id));
    },

    /** The session priced now; reading an open session keeps its stock held. */
    async get(id: string): Promise<CheckoutSession> {
      const priced = await load(id);
      if (priced.row.status !== 'open') return view(priced);
      try {
        return view({ ...priced, row: await keepHold(priced.row) });
      } catch (error) {
        // The hold lapsed and its units are gone: the session has expired.
        if (error instanceof ConflictError && error.code === 'out_of_stock') return view(await load(id));
        throw error;
      }
    },

    async update(id: string, input: CheckoutUpdateParsed): Promise<CheckoutSession> {
      const priced = await active(id);
      const change: Parameters<ReturnType<typeof createCheckoutRepository>['update']>[1] = {};
      if (input.email !== undefined) change.email = input.email.trim();
      if (input.shipping_address !== undefined) change.shipping_address = input.shipping_address;
      if (input.billing_address !== undefined) {
        change.billing_address = input.billing_address;
        change.billing_same_as_shipping = input.billing_address === null;
      }
      if (input.billing_same_as_shipping !== undefined) {
        change.billing_same_as_shipping = input.billing_same_as_shipping;
        if (input.billing_same_as_shipping) change.billing_address = null;
        else if (!input.billing_address && !priced.row.billing_address) {
          throw new InvalidRequestError('Give billing_address when it is not the shipping address.', {
            code: 'parameter_missing',
            param: 'billing_address',
          });
        }
      }
      const next = priceSession(
        await checkoutPricingFrom(deps.pricing),
        { ...priced.row, ...change },
        priced.lines.map((l) => l.variant),
        priced.coupon,
        clock.now(),
      );
      if (input.shipping_method_id !== undefined) {
        if (!next.requiresShipping)
          throw new InvalidRequestError('Nothing in this checkout needs shipping: there is no method to choose.', {
            code: 'shipping_not_required',
            param: 'shipping_method_id',
          });
        if (!next.row.shipping_address)
          throw new InvalidRequestError('Set shipping_address before choosing a shipping method.', {
            code: 'shipping_address_required',
            param: 'shipping_address',
          });
        if (!next.quotes.some((q) => q.id === input.shipping_method_id)) {
          throw new InvalidRequestError(`No shipping method '${input.shipping_method_id}' for this address.`, {
            code: 'shipping_method_unavailable',
            param: 'shipping_method_id',
          });
        }
        change.shipping_method_id = input.shipping_method_id;
      } else if (priced.row.shipping_method_id && !next.quotes.some((q) => q.id === priced.row.shipping_method_id)) {
        // The new address is not served by the chosen method: choose again.
        change.shipping_method_id = null;
      }
      if (next.requiresShipping && next.row.shipping_address && next.quotes.length === 0) {
        throw new InvalidRequestError(`We do not ship to ${next.row.shipping_address.country}.`, {
          code: 'shipping_unavailable',
          param: 'shipping_address.country',
        });
      }
      await createCheckoutRepository(db).update(id, change, clock.now(), 'open');
      return view(await load(id));
    },

    async shippingMethods(id: string): Promise<ShippingRateList> {
      const priced = await active(id);
      // Nothing to ship: no methods (an empty list rather than an error, so a generic client just shows none).
      if (!priced.requiresShipping) return { object: 'list', data: [] };
      if (!priced.row.shipping_address)
        throw new InvalidRequestError('Set shipping_address to see shipping methods.', {
          code: 'shipping_address_required',
          param: 'shipping_address',
        });
      return { object: 'list', data: priced.quotes.map((q) => toRate(q, priced.row.currency)) };
    },

    async startPayment(id: string): Promise<PaymentStart> {
      const priced = await active(id);
      requireReady(priced);
      await refuseLapsedCoupon(priced);
      const intent = await intentFor(priced);
      return {
        object: 'payment',
        provider: payments.kind,
        intent_id: intent.id,
        client_secret: intent.clientSecret,
        publishable_key: payments.publishableKey,
        amount: { amount: intent.amount, currency: priced.row.currency },
        status: intent.status,
      };
    },

    /** The simulated provider's challenge step: the shopper completes or cancels it. */
    async authenticate(id: string, result: 'complete' | 'cancel'): Promise<CheckoutSession> {
      const priced = await active(id);
      if (!payments.authenticate || !priced.row.payment_intent_id) {
        throw new InvalidRequestError('There is no payment challenge to answer for this checkout.', {
          code: 'no_challenge',
        });
      }
      await payments.authenticate(priced.row.payment_intent_id, result);
      return view(await load(id));
    },

    /**
     * Places the order: keeps the hold, confirms the payment (outside any transaction), and when
     * it is authorized converts the hold into a sale in the order transaction, then captures.
     * Answers the order, a `requires_action` step, or throws a 402 `card_error`. A session whose
     * order exists answers that order, finishing its payment first if a crash left it pending.
     */
    async complete(
      id: string,
      input: { payment_method?: string | undefined },
      requestKey: string | undefined,
    ): Promise<CheckoutCompletion> {
      const first = await load(id);
      if (first.row.status === 'complete') return placement.orderOfSession(id);
      let priced: PricedSession;
      try {
        priced = await active(id, first);
      } catch (error) {
        // Another request (a double click) placed the order a moment ago: answer that order.
        if (error instanceof ConflictError && error.code === 'checkout_complete') return placement.orderOfSession(id);
        throw error;
      }
      requireReady(priced);
      await refuseLapsedCoupon(priced);
      // Marked before any payment call: should this process die from here to the order, the
      // recovery job finds the session and finishes (or releases) what the payment got to. An
      // answer that nothing was authorized removes the mark again: there is nothing to recover.
      const recovery = createPlacementRecoveryRepository(db);
      const markedAt = clock.now();
      await recovery.markCompleting(id, markedAt);
      const unmark = () => recovery.clearCompleting(id, markedAt);
      let intent = await intentFor(priced);
      deps.faults.reach('before-payment');
      if (input.payment_method && ['requires_payment_method', 'requires_confirmation'].includes(intent.status)) {
        try {
          intent = await payments.confirmIntent(intent.id, input.payment_method, {
            idempotencyKey: `${id}:confirm:${requestKey ?? randomId('k', 16)}`,
          });
        } catch (error) {
          if (error instanceof CardError) await unmark();
          // Another request (a double click on another server) confirmed it meanwhile: go on with the intent as it is now.
          if (!isUnexpectedState(error)) throw error;
          intent = await payments.retrieveIntent(intent.id);
        }
      }
      switch (intent.status) {
        case 'requires_action':
          await unmark();
          return {
            object: 'checkout_action',
            status: 'requires_action',
            checkout_session_id: id,
            next_action: {
              type: payments.kind === 'stripe' ? 'use_stripe_sdk' : 'simulated_challenge',
              intent_id: intent.id,
              client_secret: intent.clientSecret,
            },
          };
        case 'requires_payment_method':
        case 'requires_confirmation':
          await unmark();
          if (intent.lastError) {
            throw new CardError(intent.lastError.message, {
              code: intent.lastError.code,
              param: 'payment_method',
              details: { decline_code: intent.lastError.declineCode, payment_intent: intent.id },
            });
          }
          throw new InvalidRequestError(
            'Give payment_method (or confirm the payment in the browser) to complete the checkout.',
            { code: 'payment_method_required', param: 'payment_method' },
          );
        case 'processing':
          // Left marked: the job watches it until it is authorized or fails.
          throw new ConflictError('The payment is still processing; try again shortly.', {
            code: 'payment_processing',
          });
        case 'canceled':
          await unmark();
          throw new ConflictError('The payment was canceled; start the payment again.', { code: 'payment_canceled' });
        default:
          // Authorized: the mark is renewed, so the job leaves a slow but live request alone.
          await recovery.markCompleting(id, clock.now());
          deps.faults.reach('after-authorization');
          return placement.place(id, intent);
      }
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
