import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyExponent, formatMoney, minorToDecimalString } from '@shoptag/sdk';

test('exponents follow ISO 4217: JPY 0, USD 2, KWD 3, unknown 2', () => {
  assert.equal(currencyExponent('JPY'), 0);
  assert.equal(currencyExponent('usd'), 2);
  assert.equal(currencyExponent('KWD'), 3);
  assert.equal(currencyExponent('XYZ'), 2);
});

test('minor units become exact decimal strings', () => {
  assert.equal(minorToDecimalString(1999, 'USD'), '19.99');
  assert.equal(minorToDecimalString(5, 'USD'), '0.05');
  assert.equal(minorToDecimalString(-250, 'EUR'), '-2.50');
  assert.equal(minorToDecimalString(1500, 'JPY'), '1500');
  assert.equal(minorToDecimalString(1234, 'KWD'), '1.234');
  assert.equal(minorToDecimalString(9007199254740991, 'USD'), '90071992547409.91');
});

test('non-integer amounts are refused rather than rounded', () => {
  assert.throws(() => minorToDecimalString(19.99, 'USD'), RangeError);
});

// Intl separates some currency codes and symbols with a no-break space.
const spaced = (s: string) => s.replace(/\u00a0/g, ' ');

test('formatMoney formats minor units in the locale with the currency exponent', () => {
  assert.equal(formatMoney({ amount: 1999, currency: 'USD' }, 'en-US'), '$19.99');
  assert.equal(formatMoney({ amount: 1500, currency: 'JPY' }, 'en-US'), '¥1,500');
  assert.equal(spaced(formatMoney({ amount: 1234, currency: 'KWD' }, 'en-US')), 'KWD 1.234');
  assert.equal(spaced(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE')), '1.234,56 €');
  assert.equal(formatMoney({ amount: 9007199254740991, currency: 'USD' }, 'en-US'), '$90,071,992,547,409.91');
});
