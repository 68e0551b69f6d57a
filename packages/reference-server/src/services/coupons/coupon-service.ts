import {
  type Coupon,
  type CouponCreate,
  type CouponList,
  type CouponUpdate,
  type CouponUsage,
  type CouponStatus,
  minorToDecimalString,
} from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError, NotFoundError, UnprocessableError } from '../../errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { createCouponRepository, type CouponRow } from '../../store/coupon-repository.js';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { randomId } from '../../ids.js';
import { meetsMinimumSubtotal, type CouponEffect } from '../pricing/index.js';

/** Why a coupon does not apply to a cart now; each is its own error code. */
export type CouponProblem =
  'coupon_unknown' | 'coupon_expired' | 'coupon_not_yet_valid' | 'coupon_below_minimum' | 'coupon_used_up';

export function toCouponEffect(row: CouponRow): CouponEffect {
  if (row.type === 'percentage') return { type: 'percentage', percentOff: row.percent_off ?? 0 };
  if (row.type === 'fixed_amount') return { type: 'fixed_amount', amountOff: row.amount_off ?? 0 };
  return { type: 'free_shipping' };
}

/**
 * The first reason `row` does not apply at `now` to lines whose subtotal (the pricing domain's
 * `subtotalOf`, before any discount) is `subtotal`, or null when it applies.
 */
export function couponProblem(
  row: CouponRow,
  subtotal: number,
  now: Date,
): { code: CouponProblem; message: string; details?: Record<string, unknown> } | null {
  if (!row.active) return { code: 'coupon_unknown', message: `The code ${row.code} is not valid.` };
  if (row.starts_at && row.starts_at > now)
    return { code: 'coupon_not_yet_valid', message: `The code ${row.code} is not valid yet.` };
  if (row.ends_at && row.ends_at <= now)
    return { code: 'coupon_expired', message: `The code ${row.code} has expired.` };
  if (row.usage_limit !== null && row.times_redeemed >= row.usage_limit)
    return { code: 'coupon_used_up', message: `The code ${row.code} has been used up.` };
  if (row.minimum_subtotal !== null && !meetsMinimumSubtotal(subtotal, row.minimum_subtotal)) {
    const minimum = { amount: row.minimum_subtotal, currency: row.currency };
    return {
      code: 'coupon_below_minimum',
      message: `The code ${row.code} needs a subtotal of at least ${minorToDecimalString(minimum.amount, minimum.currency)} ${minimum.currency}.`,
      details: { minimum_subtotal: minimum },
    };
  }
  return null;
}

/** What a coupon is doing at `now`: switched off, ended, used up, not started yet, or usable (first that holds). */
export function couponStatus(row: CouponRow, now: Date): CouponStatus {
  if (!row.active) return 'disabled';
  if (row.ends_at && row.ends_at <= now) return 'expired';
  if (row.usage_limit !== null && row.times_redeemed >= row.usage_limit) return 'used_up';
  if (row.starts_at && row.starts_at > now) return 'scheduled';
  return 'active';
}

export function toCoupon(row: CouponRow, now: Date = new Date()): Coupon {
  const money = (amount: number | null) => (amount === null ? null : { amount, currency: row.currency });
  return {
    object: 'coupon',
    id: row.id,
    code: row.code,
    type: row.type,
    percent_off: row.percent_off,
    amount_off: money(row.amount_off),
    minimum_subtotal: money(row.minimum_subtotal),
    starts_at: row.starts_at?.toISOString() ?? null,
    ends_at: row.ends_at?.toISOString() ?? null,
    usage_limit: row.usage_limit,
    per_email_limit: row.per_email_limit,
    times_redeemed: row.times_redeemed,
    active: row.active,
    status: couponStatus(row, now),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export interface CouponServiceDeps {
  db: Db;
  clock: Clock;
  /** The shop currency (or where to read it now): amounts of new coupons are in its minor units. */
  currency: string | (() => Promise<string>);
}

type CouponCreateParsed = { [K in keyof CouponCreate]: CouponCreate[K] };
type CouponUpdateParsed = { [K in keyof CouponUpdate]: CouponUpdate[K] };

const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

/** Coupons: admin CRUD, the storefront's lookup by code, and the atomic redeem used at order placement. */
export function createCouponService(deps: CouponServiceDeps) {
  const { db, clock } = deps;
  const repo = createCouponRepository(db);

  async function mustGet(id: string): Promise<CouponRow> {
    const row = await repo.get(id);
    if (!row) throw new NotFoundError(`No such coupon: '${id}'`, { param: 'id' });
    return row;
  }

  return {
    async create(input: CouponCreateParsed): Promise<Coupon> {
      const currency = typeof deps.currency === 'function' ? await deps.currency() : deps.currency;
      const row = await repo.insert(
        randomId('cpn', 16),
        {
          code: input.code.toUpperCase(),
          type: input.type,
          percent_off: input.percent_off ?? null,
          amount_off: input.amount_off ?? null,
          minimum_subtotal: input.minimum_subtotal ?? null,
          currency,
          starts_at: date(input.starts_at) ?? null,
          ends_at: date(input.ends_at) ?? null,
          usage_limit: input.usage_limit ?? null,
          per_email_limit: input.per_email_limit ?? null,
          active: input.active ?? true,
        },
        clock.now(),
      );
      if (!row)
        throw new ConflictError(`A coupon with code ${input.code.toUpperCase()} already exists.`, {
          code: 'coupon_code_taken',
          param: 'code',
        });
      return toCoupon(row, clock.now());
    },

    get: async (id: string) => toCoupon(await mustGet(id), clock.now()),

    async list(query: {
      limit?: number | undefined;
      cursor?: string | undefined;
      status?: CouponStatus | undefined;
      type?: CouponRow['type'] | undefined;
      q?: string | undefined;
    }): Promise<CouponList> {
      const limit = query.limit ?? 24;
      let after: { createdAt: Date; id: string } | undefined;
      if (query.cursor !== undefined) {
        const [createdAt, id] = decodeCursor(query.cursor, 'coupons', ['timestamp', 'text']);
        if (typeof createdAt !== 'string' || typeof id !== 'string')
          throw new InvalidRequestError('Invalid cursor: pass next_cursor from a previous page.', { param: 'cursor' });
        after = { createdAt: new Date(createdAt), id };
      }
      const now = clock.now();
      const rows = await repo.list(limit + 1, after, { status: query.status, type: query.type, q: query.q, now });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const hasMore = rows.length > limit;
      return {
        object: 'list',
        data: page.map((row) => toCoupon(row, now)),
        has_more: hasMore,
        next_cursor: hasMore && last ? encodeCursor('coupons', [last.created_at.toISOString(), last.id]) : null,
      };
    },

    async update(id: string, input: CouponUpdateParsed): Promise<Coupon> {
      const current = await mustGet(id);
      if (input.percent_off != null && current.type !== 'percentage')
        throw new InvalidRequestError('percent_off applies to percentage coupons only.', { param: 'percent_off' });
      if (input.amount_off != null && current.type !== 'fixed_amount')
        throw new InvalidRequestError('amount_off applies to fixed_amount coupons only.', { param: 'amount_off' });
      if (
        (input.percent_off === null && current.type === 'percentage') ||
        (input.amount_off === null && current.type === 'fixed_amount')
      ) {
        throw new InvalidRequestError('The amount of a coupon cannot be removed.', {
          param: current.type === 'percentage' ? 'percent_off' : 'amount_off',
        });
      }
      const startsAt = input.starts_at === undefined ? current.starts_at : (date(input.starts_at) ?? null);
      const endsAt = input.ends_at === undefined ? current.ends_at : (date(input.ends_at) ?? null);
      if (startsAt && endsAt && startsAt >= endsAt)
        throw new InvalidRequestError('ends_at must be after starts_at.', { param: 'ends_at' });
      const row = await repo.update(
        id,
        {
          percent_off: input.percent_off ?? undefined,
          amount_off: input.amount_off ?? undefined,
          minimum_subtotal: input.minimum_subtotal,
          starts_at: date(input.starts_at),
          ends_at: date(input.ends_at),
          usage_limit: input.usage_limit,
          per_email_limit: input.per_email_limit,
          active: input.active,
        },
        clock.now(),
      );
      if (!row) throw new NotFoundError(`No such coupon: '${id}'`, { param: 'id' });
      return toCoupon(row, clock.now());
    },

    /** How often the coupon was used, by which orders (newest first, paged), and the discount it gave in all. */
    async usage(id: string, query: { limit?: number | undefined; cursor?: string | undefined }): Promise<CouponUsage> {
      const coupon = await mustGet(id);
      const limit = query.limit ?? 24;
      let after: { createdAt: Date; id: number } | undefined;
      if (query.cursor !== undefined) {
        const [createdAt, rid] = decodeCursor(query.cursor, 'coupon_usage', ['timestamp', 'text']);
        if (typeof createdAt !== 'string' || typeof rid !== 'string' || !/^\d{1,15}$/.test(rid))
          throw new InvalidRequestError('Invalid cursor: pass next_cursor from a previous page.', { param: 'cursor' });
        after = { createdAt: new Date(createdAt), id: Number(rid) };
      }
      const [rows, totalDiscount] = await Promise.all([repo.redemptions(id, limit + 1, after), repo.totalDiscount(id)]);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const hasMore = rows.length > limit;
      return {
        object: 'coupon_usage',
        coupon_id: id,
        times_redeemed: coupon.times_redeemed,
        usage_limit: coupon.usage_limit,
        total_discount: { amount: totalDiscount, currency: coupon.currency },
        data: page.map((r) => {
          const currency = r.order_currency ?? coupon.currency;
          return {
            order_id: r.order_id,
            order_number: r.order_number,
            email: r.email,
            discount: r.discount === null ? null : { amount: r.discount, currency },
            total: r.total === null ? null : { amount: r.total, currency },
            redeemed_at: r.created_at.toISOString(),
          };
        }),
        has_more: hasMore,
        next_cursor:
          hasMore && last ? encodeCursor('coupon_usage', [last.created_at.toISOString(), String(last.id)]) : null,
      };
    },

    async delete(id: string): Promise<{ object: 'coupon'; id: string; deleted: true }> {
      if (!(await repo.delete(id))) throw new NotFoundError(`No such coupon: '${id}'`, { param: 'id' });
      return { object: 'coupon', id, deleted: true };
    },

    /** The coupon for `code` if it applies to a cart with `subtotal` now; otherwise the 422 that says why. Inside a transaction, pass it as `q`. */
    async forCart(code: string, subtotal: number, q: Queryable = db): Promise<CouponRow> {
      const row = await createCouponRepository(q).findByCode(code.trim());
      if (!row)
        throw new UnprocessableError(`The code ${code.trim().toUpperCase()} is not valid.`, {
          code: 'coupon_unknown',
          param: 'code',
        });
      const problem = couponProblem(row, subtotal, clock.now());
      if (problem)
        throw new UnprocessableError(problem.message, {
          code: problem.code,
          param: 'code',
          ...(problem.details ? { details: problem.details } : {}),
        });
      return row;
    },

    /**
     * Uses the coupon once for an order, inside the order transaction `tx`: 422 `coupon_used_up`
     * when the total or per-email limit is reached (the caller must then roll back).
     */
    async redeem(tx: Queryable, couponId: string, email: string, orderReference: string): Promise<void> {
      const outcome = await createCouponRepository(tx).redeem(couponId, email, orderReference, clock.now());
      if (outcome.ok) return;
      if (outcome.reason === 'missing')
        throw new UnprocessableError('The coupon no longer exists.', { code: 'coupon_unknown', param: 'code' });
      throw new UnprocessableError(
        outcome.reason === 'email_used_up'
          ? 'This code has already been used with this email address.'
          : 'The code has been used up.',
        { code: 'coupon_used_up', param: 'code' },
      );
    },
  };
}

export type CouponService = ReturnType<typeof createCouponService>;
