const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** A CSV that does not follow RFC 4180's quoting; the message names the line. */
export class CsvSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

type State = 'start' | 'unquoted' | 'quoted' | 'after-quote' | 'after-cr';

/**
 * A streaming RFC 4180 tokenizer: text goes in piece by piece (split anywhere), complete records
 * come out as arrays of fields. Quoted fields may hold commas, `""` and line breaks; records end
 * with LF, CRLF or CR; a leading BOM and empty lines are dropped. Strict like csv-parse's
 * defaults: a quote inside an unquoted field, text after a closing quote, a quoted field never
 * closed, or a record longer than `maxRecordChars` is a {@link CsvSyntaxError}.
 *
 * Written for the import rather than using csv-parse's stream: csv-parse builds an error object
 * (with a stack trace and deep copies of the record) for every record whose field count differs
 * from the header's, which made a file of short rows cost ~0.1 ms per row.
 */
export function createCsvTokenizer(options: { maxRecordChars: number }) {
  let state: State = 'start';
  let field = '';
  let record: string[] = [];
  let recordChars = 0;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  /** Whether the current record has a quoted field: `""` alone on a line is a record, not an empty line. */
  let quoted = false;
  let started = false;

  const checkSize = () => {
    if (recordChars + field.length > options.maxRecordChars) {
      throw new CsvSyntaxError(
        `the record starting on line ${recordLine} is longer than ${options.maxRecordChars.toLocaleString('en')} characters`,
      );
    }
  };
  const endField = () => {
    record.push(field);
    recordChars += field.length;
    field = '';
  };
  const endRecord = (out: string[][]) => {
    endField();
    // An empty line is a record of one empty field: skip it.
    if (quoted || record.length > 1 || record[0] !== '') out.push(record);
    quoted = false;
    record = [];
    recordChars = 0;
    recordLine = line;
  };

  return {
    /** Tokenizes the next piece; answers the records it completed. */
    push(piece: string): string[][] {
      const out: string[][] = [];
      let text = piece;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      const n = text.length;
      let i = 0;
      while (i < n) {
        switch (state) {
          case 'after-cr':
            // The CR ended the record; the LF of a CRLF belongs to it.
            if (text.charCodeAt(i) === LF) i += 1;
            state = 'start';
            break;
          case 'start':
            if (text.charCodeAt(i) === QUOTE) {
              i += 1;
              quoteLine = line;
              quoted = true;
              state = 'quoted';
            } else {
              state = 'unquoted';
            }
            break;
          case 'unquoted': {
            let j = i;
            let c = 0;
            while (j < n) {
              c = text.charCodeAt(j);
              if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
              j += 1;
            }
            field += text.slice(i, j);
            checkSize();
            i = j;
            if (j === n) break;
            if (c === QUOTE)
              throw new CsvSyntaxError(
                `a quote inside an unquoted field on line ${line} (quote the whole field and double the quote)`,
              );
            i += 1;
            if (c === COMMA) {
              endField();
              state = 'start';
            } else {
              line += 1;
              endRecord(out);
              state = c === CR ? 'after-cr' : 'start';
            }
            break;
          }
          case 'quoted': {
            const j = text.indexOf('"', i);
            const end = j === -1 ? n : j;
            const part = text.slice(i, end);
            for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) line += 1;
            field += part;
            checkSize();
            i = end;
            if (j !== -1) {
              i += 1;
              state = 'after-quote';
            }
            break;
          }
          case 'after-quote': {
            const c = text.charCodeAt(i);
            i += 1;
            if (c === QUOTE) {
              field += '"';
              state = 'quoted';
            } else if (c === COMMA) {
              endField();
              state = 'start';
            } else if (c === LF || c === CR) {
              line += 1;
              endRecord(out);
              state = c === CR ? 'after-cr' : 'start';
            } else {
              throw new CsvSyntaxError(`text after the closing quote of a field on line ${line}`);
            }
            break;
          }
        }
      }
      return out;
    },

    /** The end of the input: answers the last record when it had no line break after it. */
    end(): string[][] {
      if (state === 'quoted')
        throw new CsvSyntaxError(`the quoted field starting on line ${quoteLine} is never closed`);
      const out: string[][] = [];
      if (state === 'unquoted' || state === 'after-quote' || record.length > 0) endRecord(out);
      state = 'start';
      return out;
    },
  };
}
