import { z } from 'zod';
import { InvalidRequestError } from './errors.js';

/**
 * Cursors are opaque to clients: base64url of the sort they were issued for and the sort values
 * of the last item on the page. Anything that does not decode is a 400 naming `cursor`.
 */
const CursorPayload = z.object({ s: z.string(), k: z.array(z.union([z.string(), z.number()])) });

export function encodeCursor(sort: string, values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: values })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string): (string | number)[] {
  const invalid = (why: string) =>
    new InvalidRequestError(`Invalid cursor: ${why}. Pass the next_cursor of a previous page unchanged.`, { param: 'cursor' });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('not a cursor issued by this server');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor issued by this server');
  }
  const parsed = CursorPayload.safeParse(json);
  if (!parsed.success) throw invalid('not a cursor issued by this server');
  if (parsed.data.s !== sort) throw invalid(`it was issued for sort=${parsed.data.s}, not sort=${sort}`);
  return parsed.data.k;
}
