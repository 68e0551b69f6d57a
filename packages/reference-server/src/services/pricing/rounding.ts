/** `numerator / denominator` rounded half up, for non-negative integers (no floating point). */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0 || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divideRoundHalfUp expects non-negative safe integers, got ${numerator}/${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** `n` unchanged when it is a safe integer; a RangeError naming `what` otherwise. */
export function safeInteger(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is out of the safe integer range`);
  return n;
}
