/**
 * Orders option values the way shoppers read them: clothing sizes by size (XXS < XS < S < M < L <
 * XL < XXL < 3XL), plain numbers numerically, measurements grouped by unit and numeric within each
 * unit (all the ml together, all the cm together), then everything else alphabetically with a
 * locale-aware, digit-aware compare.
 */

const SIZE = /^(?:([2-9])X|(X*))([SL])$/;
const MEASURE = /^([+-]?\d+(?:[.,]\d+)?)\s*(\D*)$/;

/** A size's place: M is 0, S −1, XS −2 …, L 1, XL 2, XXL 3, 3XL 4; undefined when it is no size. */
export function clothingSizeRank(value: string): number | undefined {
  const size = value.toUpperCase().replace(/[\s-]/g, '');
  if (size === 'M') return 0;
  const match = SIZE.exec(size);
  if (!match) return undefined;
  const rank = Number(match[1] ?? match[2]!.length) + 1;
  return match[3] === 'S' ? -rank : rank;
}

/** [group, unit, rank]: sizes 0, numbers 1 (unit ''), measurements 2, the rest 3. */
function keyOf(value: string): [number, string, number] {
  const text = value.trim();
  const size = clothingSizeRank(text);
  if (size !== undefined) return [0, '', size];
  const measure = MEASURE.exec(text);
  if (!measure) return [3, '', 0];
  const unit = measure[2]!.toLowerCase();
  return [unit ? 2 : 1, unit, Number(measure[1]!.replace(',', '.'))];
}

/** A compare function (for `Array#sort`) that puts option values in the order described above. */
export function compareOptionValues(locale?: string | string[]): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  return (a, b) => {
    const [group, unit, rank] = keyOf(a);
    const [otherGroup, otherUnit, otherRank] = keyOf(b);
    return (
      group - otherGroup ||
      collator.compare(unit, otherUnit) ||
      rank - otherRank ||
      collator.compare(a, b) ||
      (a < b ? -1 : a > b ? 1 : 0)
    );
  };
}
