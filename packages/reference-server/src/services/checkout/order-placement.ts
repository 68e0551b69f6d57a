import type { Order } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, NotFoundError, ShoptagError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PaymentIntent, PaymentProvider } from '../../payments/payment-provider.js';
import { createCheckoutRepository } from '../../store/checkout-repository.js';
import { createCouponRepository } from '../../store/coupon-repository.js';
import type { Db } from '../../store/db.js';
import { createOrderRepository } from '../../store/order-repository.js';
import type { CouponService } from '../coupons/index.js';
import { randomId } from '../../ids.js';
import type { ReservationService } from '../inventory/index.js';
import type { CheckoutPricingConfig } from '../pricing/index.js';
import { missingField, priceSession, toRate } from './checkout-pricing-view.js';
import type { OrderViews } from './order-views.js';

export interface OrderPlacementDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  reservations: ReservationService;
  coupons: CouponService;
  payments: PaymentProvider;
  pricing: CheckoutPricingConfig;
  orders: OrderViews;
  /** Called once for each order placed, after it is paid (the confirmation email). */
  onPlaced?: (order: Order) => Promise<void>;
}

/**
 * Turns an authorized payment into exactly one order — from `complete` and from the payment
 * webhook alike. One transaction locks the session, writes the order (unique per session),
 * converts the hold into a sale and redeems the coupon; only after it commits is the payment
 * captured. When the order cannot be written, the authorization is cancelled: no money is taken
 * for an order that does not exist.
 */
export function createOrderPlacement(deps: OrderPlacementDeps) {
  const { db, clock, reservations, payments } = deps;

  async function orderOfSession(sessionId: string): Promise<Order> {
    const row = await createOrderRepository(db).bySession(sessionId);
    if (!row) throw new NotFoundError(`No order for checkout session '${sessionId}'`, { param: 'id' });
    return deps.orders.toOrder(row);
  }

  async function capture(orderId: string, intent: PaymentIntent): Promise<void> {
    const captured = intent.status === 'succeeded' ? intent : await payments.captureIntent(intent.id, { idempotencyKey: `${orderId}:capture` });
    if (captured.status !== 'succeeded') throw new Error(`capture of ${intent.id} left it ${captured.status}`);
    await createOrderRepository(db).transition(orderId, ['pending'], 'paid', clock.now(), { captured: captured.amountCaptured });
  }

  return {
    orderOfSession,

    /** Places the order for a session whose payment `intent` is authorized (or captured); idempotent per session. */
    async place(sessionId: string, intent: PaymentIntent): Promise<Order> {
      let placed: { orderId: string; created: boolean };
      try {
        placed = await db.transaction(async (tx) => {
          const repo = createCheckoutRepository(tx);
          const session = await repo.get(sessionId, { lock: true });
          if (!session) throw new NotFoundError(`No such checkout session: '${sessionId}'`, { param: 'id' });
          const orders = createOrderRepository(tx);
          const existing = await orders.bySession(sessionId);
          if (existing) return { orderId: existing.id, created: false };
          if (session.payment_intent_id !== intent.id) throw new ConflictError('The payment does not belong to this checkout.', { code: 'payment_mismatch' });
          if (session.status !== 'open' || !session.hold_id) throw new ConflictError('This checkout has expired; its stock is no longer held.', { code: 'checkout_expired' });
          const [variants, coupon] = await Promise.all([repo.variants(session.lines.map((l) => l.variant_id)), session.coupon_id ? createCouponRepository(tx).get(session.coupon_id) : undefined]);
          const priced = priceSession(deps.pricing, session, variants, coupon ?? null, clock.now());
          if (missingField(priced) !== null || priced.lines.length !== session.lines.length || !priced.method) {
            throw new ConflictError('The checkout is not ready for an order.', { code: 'checkout_incomplete' });
          }
          if (priced.pricing.total !== intent.amount) {
            throw new ConflictError('The total changed after the payment was authorized; pay again.', { code: 'amount_mismatch', details: { total: priced.pricing.total, authorized: intent.amount } });
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
              shipping_address: row.shipping_address!,
              billing_address: row.billing_same_as_shipping ? row.shipping_address! : row.billing_address!,
              shipping_method: toRate(priced.method, row.currency),
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
            })),
          );
          // The unique constraint on checkout_session_id: another placement won (cannot happen under the row lock, but the constraint is the guarantee).
          if (!inserted) throw new ConflictError('An order for this checkout already exists.', { code: 'order_exists' });
          if (priced.couponApplies && coupon) await deps.coupons.redeem(tx, coupon.id, row.email!, orderId);
          await repo.update(sessionId, { status: 'complete', order_id: orderId, hold_id: null }, now);
          await repo.emptyCart(session.cart_id, now);
          // Last, so the stock rows (the most contended locks: every order of a popular variant
          // needs them) are held only until the commit that follows. A sale takes held units, so
          // what is available (and cached, and indexed for search) does not change.
          await reservations.convertToSale(tx, holdId);
          return { orderId, created: true };
        });
      } catch (error) {
        if (error instanceof ShoptagError && error.code !== 'order_exists') {
          // The order will not exist: release the authorization (never capture it).
          await payments.cancelIntent(intent.id, { idempotencyKey: `${sessionId}:cancel:${intent.id}` }).catch((e: unknown) => deps.logger.error(`cancelling ${intent.id} failed`, e));
        }
        throw error;
      }
      if (placed.created) {
        try {
          await capture(placed.orderId, intent);
        } catch (error) {
          // The order stays pending; the webhook or an admin retries the capture.
          deps.logger.error(`capturing the payment of order ${placed.orderId} failed`, error);
        }
      } else {
        const existing = await createOrderRepository(db).get(placed.orderId);
        if (existing?.status === 'pending') await capture(placed.orderId, await payments.retrieveIntent(intent.id)).catch(() => undefined);
      }
      const order = await deps.orders.toOrder((await createOrderRepository(db).get(placed.orderId))!);
      if (placed.created && deps.onPlaced) {
        deps.onPlaced(order).catch((error: unknown) => deps.logger.error(`the confirmation email of order ${order.number} failed`, error));
      }
      return order;
    },
  };
}

export type OrderPlacement = ReturnType<typeof createOrderPlacement>;
