import { Readable, pipeline } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { InvalidRequestError } from '../../errors.js';

/** One record of the CSV by column name, and its number in the file (the header row is 1). */
export interface CsvRecord {
  row: number;
  fields: Record<string, string>;
}

/**
 * Where a CSV comes from: called once per pass, it answers the file's bytes or text in pieces
 * (a request body sliced, a file read as a stream). Reading it twice (count, then import) keeps
 * only one piece and one chunk of rows in memory.
 */
export type CsvSource = () => AsyncIterable<Buffer | string>;

/** Piece size when slicing text held in memory: small enough that parsing one piece is quick. */
const PIECE_CHARS = 16 * 1024;

/** Longest record accepted: a product's HTML body may be 100,000 characters; ten times that is no product. */
const MAX_RECORD_CHARS = 1_000_000;

/** A source over text already in memory (a request body), handed out in 16 K-character pieces. */
export function textSource(text: string): CsvSource {
  return async function* pieces() {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + PIECE_CHARS, text.length);
      // Never split a surrogate pair: each half alone would decode to U+FFFD.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
      yield text.slice(start, end);
      start = end;
    }
  };
}

/**
 * Keeps a loop from holding the event loop: `maybeYield()` gives other callbacks (requests,
 * signals, timers) a turn once `budgetMs` of uninterrupted work has passed.
 */
export function createYielder(budgetMs: number) {
  let since = performance.now();
  return {
    async maybeYield(): Promise<void> {
      if (performance.now() - since < budgetMs) return;
      await nextTurn();
      since = performance.now();
    },
    async yieldNow(): Promise<void> {
      await nextTurn();
      since = performance.now();
    },
  };
}

const csvInvalid = (message: string, cause?: unknown) =>
  new InvalidRequestError(`The CSV could not be parsed: ${message}`, { code: 'csv_invalid', ...(cause === undefined ? {} : { cause }) });

/**
 * The records of a CSV with a header row, streamed: parsed piece by piece as they are asked for.
 * A malformed file throws `csv_invalid` (with csv-parse's line number) when the parse reaches the
 * fault; a header without every `requiredColumns` throws before the first record.
 */
export async function* readCsvRecords(source: CsvSource, requiredColumns: readonly string[], missingMessage: string): AsyncGenerator<CsvRecord> {
  let header: string[] | null = null;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: false,
    max_record_size: MAX_RECORD_CHARS,
    columns: (names: string[]) => {
      header = names;
      return names;
    },
  });
  // pipeline passes a failing source on to the parser (and stops the source when we stop reading).
  const records = pipeline(Readable.from(source(), { objectMode: false }), parser, () => {});
  let row = 1;
  let checked = false;
  try {
    for await (const fields of records as AsyncIterable<Record<string, string>>) {
      if (!checked) {
        checked = true;
        checkHeader(header, requiredColumns, missingMessage);
      }
      row += 1;
      yield { row, fields };
    }
  } catch (error) {
    if (error instanceof InvalidRequestError) throw error;
    if (isCsvError(error)) throw csvInvalid(error.message, error);
    throw error;
  }
  if (!checked) checkHeader(header, requiredColumns, missingMessage);
}

function checkHeader(header: string[] | null, required: readonly string[], missingMessage: string): void {
  if (header !== null && !required.every((c) => (header as string[]).includes(c))) {
    throw new InvalidRequestError(missingMessage, { code: 'csv_invalid' });
  }
}

/** csv-parse's own errors (`CsvError`) carry a `CSV_…` code. */
function isCsvError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('CSV_');
}
