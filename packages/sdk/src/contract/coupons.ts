import { z } from 'zod';
import { CouponType } from './carts.js';
import { Money } from './money.js';
import { MAX_AMOUNT, MAX_INT32 } from './limits.js';
import { PageQuery } from './pagination.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });
const DateTimeInput = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 date-time' });

/** A coupon code: letters, digits, `-` and `_`; matched case-insensitively, stored upper case. */
export const CouponCode = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, "-" or "_"')
  .transform((c) => c.toUpperCase());

export const CouponId = z.string().regex(/^cpn_[A-Za-z0-9]{1,64}$/, 'must be a coupon id (cpn_…)');
export const CouponParams = z.object({ id: CouponId });

/**
 * What a coupon is doing now: `disabled` (switched off), `scheduled` (starts later), `expired`
 * (ended), `used_up` (its usage limit is reached) or `active` (a shopper can use it).
 */
export const COUPON_STATUSES = ['active', 'scheduled', 'expired', 'used_up', 'disabled'] as const;
export const CouponStatus = z.enum(COUPON_STATUSES);
export type CouponStatus = z.infer<typeof CouponStatus>;

/** A discount code as the admin API shows it. Amounts are minor units of the shop currency. */
export const Coupon = z
  .object({
    object: z.literal('coupon'),
    id: CouponId,
    code: z.string(),
    type: CouponType,
    percent_off: z.number().int().min(1).max(100).nullable(),
    amount_off: Money.nullable(),
    minimum_subtotal: Money.nullable(),
    starts_at: Timestamp.nullable(),
    ends_at: Timestamp.nullable(),
    usage_limit: z
      .number()
      .int()
      .positive()
      .nullable()
      .meta({ description: 'Orders that may use it in total; null for no limit' }),
    per_email_limit: z
      .number()
      .int()
      .positive()
      .nullable()
      .meta({ description: 'Orders per customer email; null for no limit' }),
    times_redeemed: z.number().int().nonnegative(),
    active: z.boolean(),
    status: CouponStatus,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Coupon' });
export type Coupon = z.infer<typeof Coupon>;

const couponFields = {
  code: CouponCode,
  type: CouponType,
  percent_off: z.number().int().min(1).max(100).nullable().optional(),
  amount_off: z
    .number()
    .int()
    .min(1)
    .max(MAX_AMOUNT)
    .nullable()
    .optional()
    .meta({ description: 'Minor units of the shop currency (fixed_amount)' }),
  minimum_subtotal: z
    .number()
    .int()
    .min(0)
    .max(MAX_AMOUNT)
    .nullable()
    .optional()
    .meta({ description: 'Minor units of the shop currency' }),
  starts_at: DateTimeInput.nullable().optional(),
  ends_at: DateTimeInput.nullable().optional(),
  usage_limit: z.number().int().min(1).max(MAX_INT32).nullable().optional(),
  per_email_limit: z.number().int().min(1).max(MAX_INT32).nullable().optional(),
  active: z.boolean().optional(),
};

type CouponShape = {
  type?: string | undefined;
  percent_off?: number | null | undefined;
  amount_off?: number | null | undefined;
  starts_at?: string | null | undefined;
  ends_at?: string | null | undefined;
};
const checks = <T extends z.ZodType<CouponShape>>(schema: T) =>
  schema
    .refine((c) => c.type !== 'percentage' || typeof c.percent_off === 'number', {
      message: 'percent_off is required for a percentage coupon',
      path: ['percent_off'],
    })
    .refine((c) => c.type !== 'fixed_amount' || typeof c.amount_off === 'number', {
      message: 'amount_off is required for a fixed_amount coupon',
      path: ['amount_off'],
    })
    .refine((c) => c.type === undefined || c.type === 'percentage' || c.percent_off == null, {
      message: 'percent_off applies to percentage coupons only',
      path: ['percent_off'],
    })
    .refine((c) => c.type === undefined || c.type === 'fixed_amount' || c.amount_off == null, {
      message: 'amount_off applies to fixed_amount coupons only',
      path: ['amount_off'],
    })
    .refine((c) => !c.starts_at || !c.ends_at || Date.parse(c.starts_at) < Date.parse(c.ends_at), {
      message: 'ends_at must be after starts_at',
      path: ['ends_at'],
    });

/** Body of `POST /v1/admin/coupons`. */
export const CouponCreate = checks(z.object(couponFields).strict()).meta({ id: 'CouponCreate' });
export type CouponCreate = z.input<typeof CouponCreate>;

/** Body of `PATCH /v1/admin/coupons/:id`: any field but `code` and `type`. */
export const CouponUpdate = z
  .object({
    percent_off: couponFields.percent_off,
    amount_off: couponFields.amount_off,
    minimum_subtotal: couponFields.minimum_subtotal,
    starts_at: couponFields.starts_at,
    ends_at: couponFields.ends_at,
    usage_limit: couponFields.usage_limit,
    per_email_limit: couponFields.per_email_limit,
    active: couponFields.active,
  })
  .strict()
  .meta({ id: 'CouponUpdate' });
export type CouponUpdate = z.input<typeof CouponUpdate>;

export const CouponListQuery = PageQuery.pick({ limit: true, cursor: true })
  .extend({
    status: CouponStatus.optional().meta({ description: 'Only coupons in this state now' }),
    type: CouponType.optional(),
    q: z.string().trim().min(1).max(64).optional().meta({ description: 'Codes containing this text' }),
  })
  .strict();
export type CouponListQuery = z.input<typeof CouponListQuery>;

export const CouponList = z
  .object({
    object: z.literal('list'),
    data: z.array(Coupon),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'CouponList' });
export type CouponList = z.infer<typeof CouponList>;

export const CouponDeleted = z.object({ object: z.literal('coupon'), id: CouponId, deleted: z.literal(true) });

export const CouponUsageQuery = PageQuery.pick({ limit: true, cursor: true }).strict();
export type CouponUsageQuery = z.input<typeof CouponUsageQuery>;

/** One order that used a coupon. */
export const CouponRedemption = z.object({
  order_id: z.string().nullable().meta({ description: 'null when the order is gone' }),
  order_number: z.string().nullable(),
  email: z.string(),
  discount: Money.nullable().meta({ description: "The order's discount; null when the order is gone" }),
  total: Money.nullable(),
  redeemed_at: Timestamp,
});
export type CouponRedemption = z.infer<typeof CouponRedemption>;

/** How much a coupon has been used: how often, by which orders, and the discount it gave in all. */
export const CouponUsage = z
  .object({
    object: z.literal('coupon_usage'),
    coupon_id: CouponId,
    times_redeemed: z.number().int().nonnegative(),
    usage_limit: z.number().int().positive().nullable(),
    total_discount: Money.meta({ description: 'Sum of the discount of every order that used it' }),
    data: z.array(CouponRedemption).meta({ description: 'Orders that used it, newest first' }),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'CouponUsage' });
export type CouponUsage = z.infer<typeof CouponUsage>;
