import { z } from 'zod';
import { queryInt } from './query.js';

export const DEFAULT_PAGE_LIMIT = 24;
export const MAX_PAGE_LIMIT = 100;

/** Paging parameters shared by every list: `limit` (1–100), an opaque `cursor`, or a 1-based `page`. */
export const PageQuery = z.object({
  limit: queryInt({ min: 1, max: MAX_PAGE_LIMIT })
    .optional()
    .meta({ description: `Items per page, 1–${MAX_PAGE_LIMIT} (default ${DEFAULT_PAGE_LIMIT})` }),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .meta({ description: "Opaque cursor from a previous page's next_cursor" }),
  page: queryInt({ min: 1, max: 10_000 })
    .optional()
    .meta({ description: '1-based page number; an alternative to cursor' }),
});
export type PageQuery = z.input<typeof PageQuery>;

/** Builds the list envelope `{ data, has_more, next_cursor, total? }` for an item schema. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
    total: z.number().int().nonnegative().optional(),
  });
}

/** The list envelope for an item type. */
export interface List<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
  total?: number;
}
