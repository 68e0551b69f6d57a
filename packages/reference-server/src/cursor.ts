import { z } from 'zod';
import { InvalidRequestError } from './errors.js';
import { unstorable } from './storable-text.js';

/**
 * Cursors are opaque to clients: base64url of the sort they were issued for and the sort values
 * of the last item on the page. Anything that does not decode is a 400 naming `cursor`.
 */
const CursorPayload = z.object({ s: z.string(), k: z.array(z.union([z.string(), z.number()])) });

/** What one value of a cursor must be, so a forged one never reaches SQL as a bad cast. */
export type CursorValueKind = 'timestamp' | 'text';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const MAX_TEXT = 200;

function fits(kind: CursorValueKind, value: string | number): boolean {
  if (typeof value !== 'string') return false;
  if (kind === 'timestamp') return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
  return value.length <= MAX_TEXT;
}

export function encodeCursor(sort: string, values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: values })).toString('base64url');
}

/**
 * The sort values of a cursor issued for `sort`. With `shape`, the values must be exactly those
 * kinds (a timestamp, then an id …). No value may hold text PostgreSQL cannot store.
 */
export function decodeCursor(cursor: string, sort: string, shape?: readonly CursorValueKind[]): (string | number)[] {
  const invalid = (why: string) =>
    new InvalidRequestError(`Invalid cursor: ${why}. Pass the next_cursor of a previous page unchanged.`, {
      param: 'cursor',
    });
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
  const values = parsed.data.k;
  if (values.some((v) => typeof v === 'string' && unstorable(v) !== null))
    throw invalid('not a cursor issued by this server');
  if (shape && (values.length !== shape.length || !shape.every((kind, i) => fits(kind, values[i]!))))
    throw invalid('not a cursor issued by this server');
  return values;
}
