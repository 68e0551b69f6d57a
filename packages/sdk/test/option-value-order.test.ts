import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clothingSizeRank, compareOptionValues } from '@shoptag/sdk';

const sorted = (values: string[], locale = 'en') => [...values].sort(compareOptionValues(locale));

test('clothing sizes run from the smallest to the largest', () => {
  assert.deepEqual(sorted(['XL', 'M', '3XL', 'S', 'XXS', 'L', 'XXL', 'XS', '4XL']), [
    'XXS',
    'XS',
    'S',
    'M',
    'L',
    'XL',
    'XXL',
    '3XL',
    '4XL',
  ]);
});

test('3XL is XXXL, 2XS is XXS, case and a stray hyphen do not matter, and words are no sizes', () => {
  assert.equal(clothingSizeRank('3XL'), clothingSizeRank('XXXL'));
  assert.equal(clothingSizeRank('2XS'), clothingSizeRank('XXS'));
  assert.equal(clothingSizeRank('x-l'), clothingSizeRank('XL'));
  assert.equal(clothingSizeRank('m'), 0);
  assert.equal(clothingSizeRank('Small'), undefined);
  assert.equal(clothingSizeRank('Sand'), undefined);
  assert.equal(clothingSizeRank('1XL'), undefined);
});

test("the shop's size facet reads 6, 7, 8, then each unit together in numeric order, then the rest", () => {
  const shop = ['24 cm', '30 ml', '45 cm', '50 ml', '500 ml', '6', '7', '750 ml', '8', '8 oz', 'A5', 'A4', '12 oz'];
  assert.deepEqual(sorted(shop), [
    '6',
    '7',
    '8',
    '24 cm',
    '45 cm',
    '30 ml',
    '50 ml',
    '500 ml',
    '750 ml',
    '8 oz',
    '12 oz',
    'A4',
    'A5',
  ]);
});

test('numbers sort numerically, decimals too, and sizes come before numbers', () => {
  assert.deepEqual(sorted(['10', '9.5', '2', 'L', '10,5', 'S']), ['S', 'L', '2', '9.5', '10', '10,5']);
});

test('units are grouped whatever their spacing or case', () => {
  assert.deepEqual(sorted(['100ML', '20 cm', '50 ml', '5cm']), ['5cm', '20 cm', '50 ml', '100ML']);
});

test('other values sort alphabetically in the locale, digits compared as numbers', () => {
  assert.deepEqual(sorted(['Zinc', 'ändern', 'Apple', 'EU 42', 'EU 8']), ['ändern', 'Apple', 'EU 8', 'EU 42', 'Zinc']);
  assert.deepEqual(sorted(['ö', 'z', 'o'], 'sv'), ['o', 'z', 'ö']);
});
