/** A line as pricing sees it: integer minor units, whole units. */
export interface PricedLineInput {
  unitPrice: number;
  quantity: number;
  /** Weight of one unit, for weight-priced shipping; unknown counts as nothing. */
  weightGrams?: number | null;
}

/** Each line's unit price × quantity; a RangeError past the safe integer range. */
export function lineTotalsOf(lines: readonly Pick<PricedLineInput, 'unitPrice' | 'quantity'>[]): number[] {
  const totals = lines.map((l) => l.unitPrice * l.quantity);
  if (!totals.every(Number.isSafeInteger)) throw new RangeError('line total is out of the safe integer range');
  return totals;
}

/**
 * The sum of the line totals, before any discount: what a cart or checkout shows as its
 * subtotal and what a coupon's minimum is compared with.
 */
export function subtotalOf(lines: readonly Pick<PricedLineInput, 'unitPrice' | 'quantity'>[]): number {
  return lineTotalsOf(lines).reduce((a, b) => a + b, 0);
}

/** How many units the lines hold. */
export function itemCountOf(lines: readonly Pick<PricedLineInput, 'quantity'>[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}

/** The parcel's weight in grams; a line of unknown weight counts as nothing. */
export function parcelWeightOf(lines: readonly PricedLineInput[]): number {
  return lines.reduce((g, l) => g + (l.weightGrams ?? 0) * l.quantity, 0);
}
