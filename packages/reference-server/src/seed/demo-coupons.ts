import type { Clock } from '../clock.js';
import type { Queryable } from '../store/db.js';
import { createCouponRepository, type CouponFields } from '../store/coupon-repository.js';
import { randomId } from '../ids.js';

/**
 * The demo shop's codes; amounts in minor units of a two-decimal currency (scaled for others).
 * FREESHIP and SAVE5 have no usage limit on purpose: they exist only in a `--demo` install (test
 * keys, simulated or test-mode payments), where the tests and the bench redeem them many times. A
 * production start never creates a coupon.
 */
function demoCoupons(currency: string, scale: number): CouponFields[] {
  const base = {
    currency,
    starts_at: null,
    ends_at: null,
    usage_limit: null,
    per_email_limit: null,
    active: true,
    percent_off: null,
    amount_off: null,
    minimum_subtotal: null,
  };
  return [
    { ...base, code: 'WELCOME10', type: 'percentage', percent_off: 10, per_email_limit: 1 },
    { ...base, code: 'FREESHIP', type: 'free_shipping' },
    { ...base, code: 'SAVE5', type: 'fixed_amount', amount_off: 5 * scale, minimum_subtotal: 40 * scale },
  ];
}

/** Adds the demo coupons that do not exist yet (by code); answers how many it added. */
export async function seedDemoCoupons(
  db: Queryable,
  options: { clock: Clock; currency: string; minorPerMajor: number },
): Promise<number> {
  const repo = createCouponRepository(db);
  let added = 0;
  for (const fields of demoCoupons(options.currency, options.minorPerMajor)) {
    if (await repo.insert(randomId('cpn', 16), fields, options.clock.now())) added++;
  }
  return added;
}
