import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  changedOptions,
  findVariant,
  initialSelection,
  nearestAvailable,
  optionValueState,
  type Product,
  type ProductVariant,
} from '@shoptag/sdk';

const sizes = ['S', 'M', 'L', 'XL'];
const colours = ['Sand', 'Plum'];

/** A tee in four sizes and two colours; `stock` gives units per "Size/Colour", 5 when unlisted. */
function tee(stock: Record<string, number> = {}, missing: string[] = []): Product {
  const variants: ProductVariant[] = [];
  for (const Colour of colours)
    for (const Size of sizes) {
      const title = `${Size} / ${Colour}`;
      if (missing.includes(title)) continue;
      const units = stock[title] ?? 5;
      variants.push({
        id: `var_${Size}_${Colour}`,
        sku: title,
        title,
        options: { Size, Colour },
        price: { amount: 2500, currency: 'USD' },
        compare_at_price: null,
        available_quantity: units,
        in_stock: units > 0,
        image_id: null,
        enabled: true,
        weight_grams: null,
      });
    }
  return {
    options: [
      { name: 'Size', values: sizes },
      { name: 'Colour', values: colours },
    ],
    variants,
  } as unknown as Product;
}

test('the page starts on the first variant that can be bought', () => {
  assert.deepEqual(initialSelection(tee({ 'S / Sand': 0 })), { Size: 'M', Colour: 'Sand' });
});

test('a value is available, sold out or unavailable beside the other choices', () => {
  const product = tee({ 'XL / Plum': 0 }, ['S / Plum']);
  const chosen = { Size: 'M', Colour: 'Plum' };
  assert.equal(optionValueState(product, chosen, 'Size', 'L'), 'available');
  assert.equal(optionValueState(product, chosen, 'Size', 'XL'), 'sold-out');
  assert.equal(optionValueState(product, chosen, 'Size', 'S'), 'unavailable');
});

test('a disabled variant counts as sold out even with stock', () => {
  const product = tee();
  (product.variants[0] as { enabled: boolean }).enabled = false;
  assert.equal(optionValueState(product, { Size: 'M', Colour: 'Sand' }, 'Size', 'S'), 'sold-out');
});

test('XL then Plum, with XL in Plum sold out, offers Plum in L: the colour just chosen stays, the nearest size changes', () => {
  const product = tee({ 'XL / Plum': 0 });
  const chosen = { Size: 'XL', Colour: 'Plum' };
  assert.equal(findVariant(product, chosen)?.in_stock, false, 'the choice itself is kept, and sold out');
  const nearest = nearestAvailable(product, chosen, 'Colour')!;
  assert.deepEqual(nearest.options, { Size: 'L', Colour: 'Plum' });
  assert.deepEqual(changedOptions(product, chosen, nearest), [{ name: 'Size', value: 'L' }]);
});

test('keeping the size just chosen, the nearest offer changes the colour instead', () => {
  const product = tee({ 'XL / Plum': 0 });
  const nearest = nearestAvailable(product, { Size: 'XL', Colour: 'Plum' }, 'Size')!;
  assert.deepEqual(nearest.options, { Size: 'XL', Colour: 'Sand' });
});

test('a combination that does not exist is offered the nearest one that does', () => {
  const product = tee({}, ['S / Plum']);
  const nearest = nearestAvailable(product, { Size: 'S', Colour: 'Plum' }, 'Colour')!;
  assert.deepEqual(nearest.options, { Size: 'M', Colour: 'Plum' });
});

test('when nothing with the chosen value can be bought, the offer changes fewest options of the rest', () => {
  const product = tee({ 'S / Plum': 0, 'M / Plum': 0, 'L / Plum': 0, 'XL / Plum': 0 });
  const nearest = nearestAvailable(product, { Size: 'L', Colour: 'Plum' }, 'Colour')!;
  assert.deepEqual(nearest.options, { Size: 'L', Colour: 'Sand' });
});

test('nothing is offered when the choice can be bought or nothing can', () => {
  assert.equal(nearestAvailable(tee(), { Size: 'M', Colour: 'Sand' }, 'Size'), null);
  const none = tee(Object.fromEntries(colours.flatMap((c) => sizes.map((s) => [`${s} / ${c}`, 0]))));
  assert.equal(nearestAvailable(none, { Size: 'M', Colour: 'Sand' }, 'Size'), null);
});

test('a product without options has its one variant', () => {
  const product = { options: [], variants: tee().variants.slice(0, 1) } as unknown as Product;
  assert.equal(findVariant(product, {})?.id, 'var_S_Sand');
});
