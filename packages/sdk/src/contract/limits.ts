/**
 * Bounds shared by the contract's number inputs, so no accepted value overflows the column it is
 * stored in or the arithmetic done on it.
 */

/** Largest value of a PostgreSQL `integer` column: counts and limits stored in one are bounded by it. */
export const MAX_INT32 = 2_147_483_647;

/**
 * Largest amount of money any input may carry, in minor units (100 million of the major unit).
 * Sums of lines bounded by it and by the quantity limits stay exact as JavaScript numbers.
 */
export const MAX_AMOUNT = 10_000_000_000;
