import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { InvalidRequestError } from '../../errors.js';
import { createCsvTokenizer, CsvSyntaxError } from './csv-tokenizer.js';

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

/** Piece size when slicing text held in memory: small enough that tokenizing one piece is quick. */
const PIECE_CHARS = 16 * 1024;

/** Longest record accepted: a product's HTML body may be 100,000 characters; ten times that is no product. */
const MAX_RECORD_CHARS = 1_000_000;

/** A source over text already in memory (a request body), handed out in 16 K-character pieces. */
export function textSource(text: string): CsvSource {
  return async function* pieces() {
    for (let start = 0; start < text.length;) {
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

const csvInvalid = (message: string) =>
  new InvalidRequestError(`The CSV could not be parsed: ${message}.`, { code: 'csv_invalid' });

/**
 * The records of a CSV with a header row, streamed: tokenized piece by piece as they are asked
 * for. A malformed file throws `csv_invalid` (naming the line) when reading reaches the fault; a
 * header without every `requiredColumns` throws before the first record. Fields past the header's
 * columns are ignored; missing ones read as empty.
 */
export async function* readCsvRecords(
  source: CsvSource,
  requiredColumns: readonly string[],
  missingMessage: string,
): AsyncGenerator<CsvRecord> {
  const tokenizer = createCsvTokenizer({ maxRecordChars: MAX_RECORD_CHARS });
  const decoder = new StringDecoder('utf8');
  let header: string[] | null = null;
  let row = 1;
  const tokenize = (next: () => string[][]): string[][] => {
    try {
      return next();
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw csvInvalid(error.message);
      throw error;
    }
  };
  function* records(batch: string[][]): Generator<CsvRecord> {
    for (const values of batch) {
      if (header === null) {
        header = values;
        if (!requiredColumns.every((c) => values.includes(c)))
          throw new InvalidRequestError(missingMessage, { code: 'csv_invalid' });
        continue;
      }
      const fields: Record<string, string> = {};
      const columns = Math.min(header.length, values.length);
      for (let i = 0; i < columns; i++) fields[header[i]!] = values[i]!;
      row += 1;
      yield { row, fields };
    }
  }
  for await (const piece of source()) {
    const text = typeof piece === 'string' ? piece : decoder.write(piece);
    yield* records(tokenize(() => tokenizer.push(text)));
  }
  const rest = decoder.end();
  yield* records(tokenize(() => [...tokenizer.push(rest), ...tokenizer.end()]));
}
