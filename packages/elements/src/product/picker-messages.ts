// The variant picker's shopper-facing words, in one place until the message catalogue (issue 12,
// item 7) replaces them.
export const pickerMessages = {
  /** Appended (visually hidden) to a value's accessible name: "XL — sold out". */
  valueSoldOut: ' — sold out',
  valueUnavailable: ' — not available',
  inStock: 'In stock',
  lowStock: (n: number) => `Only ${n} left`,
  soldOut: (title: string) => `${title} — sold out`,
  missing: (title: string) => `${title} is not available`,
  /** The offer of the nearest purchasable combination. */
  offer: (kept: string | undefined, changed: string) =>
    kept ? `${kept} is available in ${changed} — choose it` : `Available as ${changed} — choose it`,
} as const;
