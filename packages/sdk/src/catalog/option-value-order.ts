/**
 * Orders option values the way shoppers read them: clothing sizes by size (XXS < XS < S < M < L <
 * XL < XXL < 3XL), plain numbers numerically, measurements grouped by unit and numeric within each
 * unit (all the ml together, all the cm together), then everything else alphabetically with a
 * locale-aware, digit-aware compare.
 */

const SIZE_WORDS: Record<string, string> = {
  SMALL: 'S',
  MEDIUM: 'M',
  LARGE: 'L',
  EXTRASMALL: 'XS',
  XSMALL: 'XS',
  EXTRALARGE: 'XL',
  XLARGE: 'XL',
};

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const MEASURE = /^([+-]?\d+(?:[.,]\d+)?)\s*([\p{L}"'%°µ][\p{L}\d"'%°µ./²³]*)$/u;

/** A size's place: M is 0, S −1, XS −2 …, L 1, XL 2, XXL 3, 3XL 4; undefined when it is no size. */
export function clothingSizeRank(value: string): number | undefined {
  const compact = value.toUpperCase().replace(/[\s_-]+/g, '');
  const size = SIZE_WORDS[compact] ?? compact;
  if (size === 'M') return 0;
  const match = /^(?:(\d+)X|(X*))([SL])$/.exec(size);
  if (!match) return undefined;
  const xs = match[1] !== undefined ? Number(match[1]) : match[2]!.length;
  if (match[1] !== undefined && xs < 2) return undefined;
  return match[3] === 'S' ? -(xs + 1) : xs + 1;
}

type Key =
  | { group: 0; rank: number }
  | { group: 1; rank: number }
  | { group: 2; unit: string; rank: number }
  | { group: 3; text: string };

const toNumber = (text: string) => Number(text.replace(',', '.'));

function keyOf(value: string): Key {
  const text = value.trim();
  const size = clothingSizeRank(text);
  if (size !== undefined) return { group: 0, rank: size };
  if (NUMBER.test(text)) return { group: 1, rank: toNumber(text) };
  const measure = MEASURE.exec(text);
  if (measure) return { group: 2, unit: measure[2]!.toLowerCase(), rank: toNumber(measure[1]!) };
  return { group: 3, text };
}

/** A compare function (for `Array#sort`) that puts option values in the order described above. */
export function compareOptionValues(locale?: string | string[]): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  return (a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    if (x.group !== y.group) return x.group - y.group;
    if (x.group === 2 && y.group === 2 && x.unit !== y.unit) return collator.compare(x.unit, y.unit);
    if (x.group === 3 || y.group === 3) return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
    return x.rank - y.rank || collator.compare(a, b);
  };
}

/** A sorted copy of `values` (see `compareOptionValues`); items are read through `valueOf`. */
export function sortOptionValues<T>(
  values: readonly T[],
  valueOf: (item: T) => string,
  locale?: string | string[],
): T[] {
  const compare = compareOptionValues(locale);
  return [...values].sort((a, b) => compare(valueOf(a), valueOf(b)));
}
