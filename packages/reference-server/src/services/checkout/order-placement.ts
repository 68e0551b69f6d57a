import type { Order } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, NotFoundError, ShoptagError, UnfinishedError } from '../../errors.js';
import type { FaultInjector } from '../../fault-injection.js';
import type { Logger } from '../../logger.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';
import type { PaymentIntent, PaymentProvider } from '../../payments/payment-provider.js';
import { createCheckoutRepository } from '../../store/checkout-repository.js';
import { createCouponRepository } from '../../store/coupon-repository.js';
import type { Db } from '../../store/db.js';
import { createOrderRepository } from '../../store/order-repository.js';
import type { RecoveryActor } from '../../store/placement-recovery-repository.js';
import type { CouponService } from '../coupons/index.js';
import { randomId } from '../../ids.js';
import type { ReservationService } from '../inventory/index.js';
import { checkoutPricingFrom, type CheckoutPricingSource } from '../pricing/index.js';
import { couponLapsedError, type CheckoutEnding } from './checkout-ending.js';
import { missingField, priceSession, toRate } from './checkout-pricing-view.js';
import type { OrderSettlement, Settlement } from './order-settlement.js';
import type { OrderViews } from './order-views.js';

export interface OrderPlacementDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  reservations: ReservationService;
  coupons: CouponService;
  payments: PaymentProvider;
  pricing: CheckoutPricingSource;
  orders: OrderViews;
  /** Captures (or gives up) the payment of a pending order; it also sends the confirmation email. */
  settlement: OrderSettlement;
  /** Ends a session whose placement failed for good, its stock back on sale at once. */
  ending: CheckoutEnding;
  faults: FaultInjector;
  /** Counts orders written (default: nothing counted). */
  metrics?: MetricsSink;
}

/** A refused placement that leaves its session unpayable: all but a payment of another checkout and a session that does not exist. */
function endsCheckout(error: ShoptagError): boolean {
  return error.code !== 'payment_mismatch' && !(error instanceof NotFoundError);
}

/**
 * Turns an authorized payment into exactly one order — from `complete`, the payment webhook and
 * the recovery job alike. One transaction locks the session, writes the order (unique per
 * session), converts the hold into a sale and redeems the coupon; only after it commits is the
 * payment captured. When the order cannot be written, the authorization is cancelled: no money is
 * taken for an order that does not exist. An order left `pending` (a crash or a failed capture
 * between the two) is finished by whoever comes next: a retry, the webhook or the recovery job.
 */
export function createOrderPlacement(deps: OrderPlacementDeps) {
  const { db, clock, reservations, payments } = deps;

  /**
   * Settles a pending order and answers it paid or cancelled; a payment that cannot be settled
   * now is a 503, so that nothing is stored for the request's Idempotency-Key and a retry
   * finishes the order (a pending order is never the answer).
   */
  async function finish(orderId: string, actor: RecoveryActor | null): Promise<Order> {
    let settled: Settlement;
    try {
      settled = await deps.settlement.settle(orderId, actor);
    } catch (error) {
      if (error instanceof ShoptagError) throw error;
      deps.logger.error(`settling the payment of order ${orderId} failed`, error);
      throw new UnfinishedError(
        'The order is placed and its payment is being finished; retry with the same Idempotency-Key.',
        { code: 'order_pending', cause: error },
      );
    }
    if (settled.outcome === 'undecided') {
      throw new UnfinishedError(
        `The order is placed and its payment is ${settled.paymentStatus}; retry shortly with the same Idempotency-Key.`,
        {
          code: 'order_pending',
          details: { order_id: orderId, payment_status: settled.paymentStatus },
        },
      );
    }
    return deps.orders.toOrder(settled.order);
  }

  /** The order of a completed session, its payment settled first if a crash left it pending. */
  async function orderOfSession(sessionId: string, actor: RecoveryActor = 'retry'): Promise<Order> {
    const row = await createOrderRepository(db).bySession(sessionId);
    if (!row) throw new NotFoundError(`No order for checkout session '${sessionId}'`, { param: 'id' });
    return row.status === 'pending' ? finish(row.id, actor) : deps.orders.toOrder(row);
  }

  return {
    orderOfSession,

    /**
     * Places the order for a session whose payment `intent` is authorized (or captured) and
     * captures it; idempotent per session. `actor` is recorded when the order already existed
     * and this call finished it.
     */
    async place(sessionId: string, intent: PaymentIntent, actor: RecoveryActor = 'retry'): Promise<Order> {
      let placed: { orderId: string; created: boolean };
      // Read before the transaction: live settings are read from the database.
      const pricingConfig = await checkoutPricingFrom(deps.pricing);
      try {
        placed = await db.transaction(async (tx) => {
          const repo = createCheckoutRepository(tx);
          const session = await repo.get(sessionId, { lock: true });
          if (!session) throw new NotFoundError(`No such checkout session: '${sessionId}'`, { param: 'id' });
          const orders = createOrderRepository(tx);
          const existing = await orders.bySession(sessionId);
          if (existing) return { orderId: existing.id, created: false };
          if (session.payment_intent_id !== intent.id)
            throw new ConflictError('The payment does not belong to this checkout.', { code: 'payment_mismatch' });
          if (session.status !== 'open' || !session.hold_id)
            throw new ConflictError('This checkout has expired; its stock is no longer held.', {
              code: 'checkout_expired',
            });
          const [variants, coupon] = await Promise.all([
            repo.variants(session.lines.map((l) => l.variant_id)),
            session.coupon_id ? createCouponRepository(tx).get(session.coupon_id) : undefined,
          ]);
          const priced = priceSession(pricingConfig, session, variants, coupon ?? null, clock.now());
          if (
            missingField(priced) !== null ||
            priced.lines.length !== session.lines.length ||
            (priced.requiresShipping && !priced.method) ||
            !priced.billing
          ) {
            throw new ConflictError('The checkout is not ready for an order.', { code: 'checkout_incomplete' });
          }
          // Its coupon ran out (another order took the last use) or stopped applying: the coupon's own error, as when it is applied.
          if (priced.couponLapse) throw couponLapsedError(priced.couponLapse);
          if (priced.pricing.total !== intent.amount) {
            throw new ConflictError('The total changed after the payment was authorized; pay again.', {
              code: 'amount_mismatch',
              details: { total: priced.pricing.total, authorized: intent.amount },
            });
          }
          const now = clock.now();
          const orderId = randomId('ord');
          const holdId = session.hold_id;
          const { pricing, row } = priced;
          const inserted = await orders.insert(
            {
              id: orderId,
              checkout_session_id: sessionId,
              status: 'pending',
              currency: row.currency,
              email: row.email!,
              // Nothing to ship: no address for shipping nor method on the order, whatever the session held.
              shipping_address: priced.requiresShipping ? row.shipping_address : null,
              billing_address: priced.billing,
              shipping_method: priced.requiresShipping && priced.method ? toRate(priced.method, row.currency) : null,
              requires_shipping: priced.requiresShipping,
              coupon_code: priced.couponApplies && coupon ? coupon.code : null,
              subtotal: pricing.subtotal,
              discount: pricing.discount,
              shipping: pricing.shipping,
              tax: pricing.tax,
              tax_included: pricing.taxIncluded,
              total: pricing.total,
              payment_provider: payments.kind,
              payment_reference: intent.id,
              token: randomId('otok', 32),
              created_at: now,
            },
            priced.lines.map(({ line, variant }, i) => ({
              id: randomId('oi', 20),
              position: i + 1,
              variant_id: variant.variant_id,
              product_id: variant.product_id,
              name: variant.product_name,
              variant_title: variant.variant_title,
              options: variant.options,
              sku: variant.sku,
              image: variant.image_url ? { url: variant.image_url, alt: variant.image_alt ?? '' } : null,
              unit_price: variant.price_amount,
              quantity: line.quantity,
              line_total: pricing.lineTotals[i]!,
              tax: pricing.lineTaxes[i]!,
              requires_shipping: variant.requires_shipping,
            })),
          );
          // The unique constraint on checkout_session_id: another placement won (cannot happen under the row lock, but the constraint is the guarantee).
          if (!inserted)
            throw new ConflictError('An order for this checkout already exists.', { code: 'order_exists' });
          if (priced.couponApplies && coupon) await deps.coupons.redeem(tx, coupon.id, row.email!, orderId);
          await repo.update(sessionId, { status: 'complete', order_id: orderId, hold_id: null }, now);
          await repo.emptyCart(session.cart_id, now);
          // Last, so the stock rows (the most contended locks: every order of a popular variant
          // needs them) are held only until the commit that follows. A sale takes held units, so
          // what is available (and cached, and indexed for search) does not change.
          const sold = await reservations.convertToSale(tx, holdId, orderId);
          // Units that were not on hand (sold on backorder) ship later: the order's lines say so.
          const backordered = sold.filter((s) => s.backordered > 0);
          if (backordered.length > 0) await orders.setBackordered(orderId, backordered);
          return { orderId, created: true };
        });
      } catch (error) {
        if (error instanceof ShoptagError && error.code !== 'order_exists') {
          // The order will not exist: release the authorization (never capture it).
          const released = await deps.ending.releasePayment(sessionId, intent.id);
          // With its payment voided the session can never be paid: a loser (coupon used up, hold
          // lapsed, total changed …) gives its stock back now rather than at the hold's TTL. One
          // whose authorization could not be voided stays open for the recovery job.
          if (released && endsCheckout(error)) await deps.ending.end(sessionId);
        }
        throw error;
      }
      if (placed.created) (deps.metrics ?? noopMetrics).order('placed');
      if (placed.created) deps.faults.reach('after-order');
      return finish(placed.orderId, placed.created ? null : actor);
    },
  };
}

export type OrderPlacement = ReturnType<typeof createOrderPlacement>;
