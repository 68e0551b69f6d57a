import type { Queryable } from './db.js';

export interface CouponRow {
  id: string;
  code: string;
  type: 'percentage' | 'fixed_amount' | 'free_shipping';
  percent_off: number | null;
  amount_off: number | null;
  minimum_subtotal: number | null;
  currency: string;
  starts_at: Date | null;
  ends_at: Date | null;
  usage_limit: number | null;
  per_email_limit: number | null;
  times_redeemed: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export type CouponFields = Omit<CouponRow, 'id' | 'times_redeemed' | 'created_at' | 'updated_at'>;
export type CouponChanges = Partial<Omit<CouponFields, 'code' | 'type' | 'currency'>>;

const COLUMNS =
  'id, code, type, percent_off, amount_off, minimum_subtotal, currency, starts_at, ends_at, usage_limit, per_email_limit, times_redeemed, active, created_at, updated_at';
const CHANGEABLE = [
  'percent_off',
  'amount_off',
  'minimum_subtotal',
  'starts_at',
  'ends_at',
  'usage_limit',
  'per_email_limit',
  'active',
] as const;

/** A coupon's state at a moment (see the contract's CouponStatus). */
export type CouponState = 'active' | 'scheduled' | 'expired' | 'used_up' | 'disabled';

/** The state in SQL, `$now` standing for the moment; the precedence matches the service's `couponStatus`. */
const STATE_SQL = `CASE WHEN NOT active THEN 'disabled'
  WHEN ends_at IS NOT NULL AND ends_at <= $now THEN 'expired'
  WHEN usage_limit IS NOT NULL AND times_redeemed >= usage_limit THEN 'used_up'
  WHEN starts_at IS NOT NULL AND starts_at > $now THEN 'scheduled'
  ELSE 'active' END`;

/** One order's use of a coupon. */
export interface RedemptionRow {
  id: number;
  email: string;
  reference: string;
  created_at: Date;
  order_id: string | null;
  order_number: string | null;
  discount: number | null;
  total: number | null;
  order_currency: string | null;
}

/** Why `redeem` refused: the total limit or this email's limit is reached, or the coupon is gone. */
export type RedeemOutcome =
  { ok: true; timesRedeemed: number } | { ok: false; reason: 'used_up' | 'email_used_up' | 'missing' };

export function createCouponRepository(q: Queryable) {
  return {
    async insert(id: string, fields: CouponFields, now: Date): Promise<CouponRow | undefined> {
      const { rows } = await q.query<CouponRow>(
        `INSERT INTO coupons (id, code, type, percent_off, amount_off, minimum_subtotal, currency, starts_at, ends_at, usage_limit, per_email_limit, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
         ON CONFLICT (code) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          id,
          fields.code,
          fields.type,
          fields.percent_off,
          fields.amount_off,
          fields.minimum_subtotal,
          fields.currency,
          fields.starts_at,
          fields.ends_at,
          fields.usage_limit,
          fields.per_email_limit,
          fields.active,
          now,
        ],
      );
      return rows[0];
    },

    async get(id: string): Promise<CouponRow | undefined> {
      const { rows } = await q.query<CouponRow>(`SELECT ${COLUMNS} FROM coupons WHERE id = $1`, [id]);
      return rows[0];
    },

    async findByCode(code: string): Promise<CouponRow | undefined> {
      const { rows } = await q.query<CouponRow>(`SELECT ${COLUMNS} FROM coupons WHERE code = upper($1)`, [code]);
      return rows[0];
    },

    /**
     * Newest first, after the keyset `(created_at, id)` when given; narrowed to a state at `now`
     * (the same order of precedence as the service's `couponStatus`), a type, and codes containing `q`.
     */
    async list(
      limit: number,
      after?: { createdAt: Date; id: string },
      filter: {
        status?: CouponState | undefined;
        type?: CouponRow['type'] | undefined;
        q?: string | undefined;
        now?: Date;
      } = {},
    ): Promise<CouponRow[]> {
      const { rows } = await q.query<CouponRow>(
        `SELECT ${COLUMNS} FROM coupons
          WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::text))
            AND ($4::text IS NULL OR type = $4)
            AND ($5::text IS NULL OR strpos(code, upper($5)) > 0)
            AND (${STATE_SQL.replaceAll('$now', '$6::timestamptz')}) = coalesce($7::text, ${STATE_SQL.replaceAll('$now', '$6::timestamptz')})
          ORDER BY created_at DESC, id DESC LIMIT $3`,
        [
          after?.createdAt ?? null,
          after?.id ?? '',
          limit,
          filter.type ?? null,
          filter.q ?? null,
          filter.now ?? new Date(),
          filter.status ?? null,
        ],
      );
      return rows;
    },

    /**
     * The orders that used a coupon, newest first (after the keyset `(created_at, id)` of the
     * redemption when given), with each order's number, discount and total; an order deleted
     * since leaves its redemption with nulls.
     */
    async redemptions(
      couponId: string,
      limit: number,
      after?: { createdAt: Date; id: number },
    ): Promise<RedemptionRow[]> {
      const { rows } = await q.query<RedemptionRow>(
        `SELECT r.id::int AS id, r.email, r.reference, r.created_at, o.id AS order_id, o.number AS order_number,
                o.discount::bigint AS discount, o.total::bigint AS total, o.currency AS order_currency
           FROM coupon_redemptions r LEFT JOIN orders o ON o.id = r.reference
          WHERE r.coupon_id = $1 AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::bigint))
          ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
        [couponId, after?.createdAt ?? null, after?.id ?? 0, limit],
      );
      return rows.map((r) => ({
        ...r,
        discount: r.discount === null ? null : Number(r.discount),
        total: r.total === null ? null : Number(r.total),
      }));
    },

    /** The discount every order that used the coupon got, summed (minor units of the orders' currency). */
    async totalDiscount(couponId: string): Promise<number> {
      const { rows } = await q.query<{ total: string | number | null }>(
        `SELECT coalesce(sum(o.discount), 0)::bigint AS total
           FROM coupon_redemptions r JOIN orders o ON o.id = r.reference WHERE r.coupon_id = $1`,
        [couponId],
      );
      return Number(rows[0]?.total ?? 0);
    },

    async update(id: string, changes: CouponChanges, now: Date): Promise<CouponRow | undefined> {
      const sets: string[] = [];
      const params: unknown[] = [id, now];
      for (const key of CHANGEABLE) {
        if (changes[key] === undefined) continue;
        params.push(changes[key]);
        sets.push(`${key} = $${params.length}`);
      }
      const { rows } = await q.query<CouponRow>(
        `UPDATE coupons SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
        params,
      );
      return rows[0];
    },

    async delete(id: string): Promise<boolean> {
      const { rowCount } = await q.query('DELETE FROM coupons WHERE id = $1', [id]);
      return rowCount > 0;
    },

    /**
     * Redeems a coupon for one order, inside the order's transaction. The guarded UPDATE takes the
     * coupon's row lock and one use only while uses remain, so concurrent orders queue on it and
     * the per-email count read next cannot race; if this email is at its limit the caller's
     * transaction must roll back (the increment goes with it).
     */
    async redeem(couponId: string, email: string, reference: string, now: Date): Promise<RedeemOutcome> {
      const taken = await q.query<{ times_redeemed: number; per_email_limit: number | null }>(
        `UPDATE coupons SET times_redeemed = times_redeemed + 1, updated_at = $2
          WHERE id = $1 AND (usage_limit IS NULL OR times_redeemed < usage_limit)
          RETURNING times_redeemed, per_email_limit`,
        [couponId, now],
      );
      const row = taken.rows[0];
      if (!row) return { ok: false, reason: (await this.get(couponId)) ? 'used_up' : 'missing' };
      const normalized = email.trim().toLowerCase();
      if (row.per_email_limit !== null) {
        const { rows } = await q.query<{ n: number }>(
          'SELECT count(*) AS n FROM coupon_redemptions WHERE coupon_id = $1 AND email = $2',
          [couponId, normalized],
        );
        if ((rows[0]?.n ?? 0) >= row.per_email_limit) return { ok: false, reason: 'email_used_up' };
      }
      await q.query(
        'INSERT INTO coupon_redemptions (coupon_id, email, reference, created_at) VALUES ($1, $2, $3, $4)',
        [couponId, normalized, reference, now],
      );
      return { ok: true, timesRedeemed: row.times_redeemed };
    },

    async redemptionsFor(couponId: string, email: string): Promise<number> {
      const { rows } = await q.query<{ n: number }>(
        'SELECT count(*) AS n FROM coupon_redemptions WHERE coupon_id = $1 AND email = $2',
        [couponId, email.trim().toLowerCase()],
      );
      return rows[0]?.n ?? 0;
    },
  };
}

export type CouponRepository = ReturnType<typeof createCouponRepository>;
