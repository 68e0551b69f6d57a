import { z } from 'zod';

/**
 * Query-string helpers: query values arrive as strings, while SDK callers pass
 * numbers and booleans. Each helper accepts both and outputs the typed value.
 */
export function queryInt(options: { min?: number; max?: number } = {}) {
  let target = z.number().int();
  if (options.min !== undefined) target = target.min(options.min);
  if (options.max !== undefined) target = target.max(options.max);
  return z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+$/, 'must be an integer')
        .transform(Number),
    ])
    .pipe(target);
}

export const queryBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')])
  .meta({ description: 'true/false (1/0 accepted)' });

/** A comma-separated list in the query string, or an array from the SDK. */
export function queryList<T extends z.ZodType<string, string>>(item: T, max = 100) {
  return z
    .union([
      z.array(z.string()),
      z.string().transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).max(max));
}
