/** One option as the editor holds it: a name and its values typed as a comma list. */
export interface OptionDraft {
  name: string;
  values: string;
}

/** Most options a product has, and most variants (the contract's limits). */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 250;

/** The values of an option: split on commas, trimmed, empties and repeats dropped. */
export function optionValues(values: string): string[] {
  return [
    ...new Set(
      values
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Every combination of the options' values, in order (the first option varies slowest), as
 * option name → value maps. Options without a name or values are left out; no options give one
 * combination with none. Stops at `MAX_VARIANTS + 1` so a caller can say there are too many.
 */
export function variantCombinations(options: readonly OptionDraft[]): Record<string, string>[] {
  const usable = options
    .map((o) => ({ name: o.name.trim(), values: optionValues(o.values) }))
    .filter((o) => o.name && o.values.length > 0);
  let combos: Record<string, string>[] = [{}];
  for (const option of usable) {
    const next: Record<string, string>[] = [];
    for (const combo of combos) {
      for (const value of option.values) {
        if (next.length > MAX_VARIANTS) break;
        next.push({ ...combo, [option.name]: value });
      }
    }
    combos = next;
  }
  return combos;
}

/** A stable key for a combination (its values in option order), to keep a variant's fields when options change. */
export function combinationKey(options: Record<string, string>): string {
  return Object.values(options).join(' / ');
}

/** A SKU suggestion from the handle and the values: `linen-shirt-m-blue` → `LINEN-SHIRT-M-BLUE`. */
export function suggestSku(handle: string, options: Record<string, string>): string {
  return [handle, ...Object.values(options)]
    .join('-')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toUpperCase()
    .slice(0, 100);
}

/** A handle from a title: lower-case ASCII words joined by hyphens. */
export function handleFrom(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
}
