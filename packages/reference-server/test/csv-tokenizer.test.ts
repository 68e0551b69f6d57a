// The import's CSV tokenizer reads what csv-parse reads, however the text is split into pieces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { createCsvTokenizer, CsvSyntaxError } from '../src/services/catalog/csv-tokenizer.js';

function tokenize(pieces: string[], maxRecordChars = 1_000_000): string[][] {
  const tokenizer = createCsvTokenizer({ maxRecordChars });
  return [...pieces.flatMap((p) => tokenizer.push(p)), ...tokenizer.end()];
}

/** `text` cut at the given offsets (sorted, deduplicated by the caller's arbitrary). */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : points[i - 1], end));
}

const fieldText = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', 'é', '😀', '<p>'),
  maxLength: 8,
});
const field = fc
  .record({ text: fieldText, forceQuotes: fc.boolean() })
  .map(({ text, forceQuotes }) => (forceQuotes || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text));
const csvText = fc
  .record({
    records: fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
    trailing: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(
    ({ records, eol, trailing, bom }) =>
      `${bom ? '\ufeff' : ''}${records.map((r) => r.join(',')).join(eol)}${trailing && records.length > 0 ? eol : ''}`,
  );

test('any valid CSV, cut into pieces anywhere, reads as csv-parse reads it whole', () => {
  fc.assert(
    fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), (text, at) => {
      const expected = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
      assert.deepEqual(tokenize(cut(text, at)), expected);
    }),
    { numRuns: 500 },
  );
});

test('quoted fields keep commas, doubled quotes and line breaks; empty lines are dropped', () => {
  const text = 'Handle,Body\r\n\r\nmug,"<p>A ""big"", warm\nmug</p>"\n"",x\n\nlast,';
  assert.deepEqual(tokenize(cut(text, [3, 20, 21, 22])), [
    ['Handle', 'Body'],
    ['mug', '<p>A "big", warm\nmug</p>'],
    ['', 'x'],
    ['last', ''],
  ]);
});

test('malformed quoting and oversized records are errors that name the line', () => {
  const failsWith = (text: string, message: RegExp) =>
    assert.throws(
      () => tokenize([text], 50),
      (e: unknown) => e instanceof CsvSyntaxError && message.test(e.message),
    );
  failsWith('Handle,Title\n"unterminated,x\n', /quoted field starting on line 2 is never closed/);
  failsWith('Handle,Title\nmu"g,x\n', /quote inside an unquoted field on line 2/);
  failsWith('Handle,Title\n"mug"x,y\n', /text after the closing quote of a field on line 2/);
  failsWith(`Handle,Title\nmug,${'x'.repeat(60)}\n`, /record starting on line 2 is longer than 50 characters/);
});

test('a file of short rows under a wide header costs no more per row than a narrow one', () => {
  const body = Array.from({ length: 20_000 }, (_, i) => `p-${i},,1.00`).join('\n');
  const time = (header: string) => {
    const started = performance.now();
    assert.equal(tokenize([`${header}\n${body}`]).length, 20_001);
    return performance.now() - started;
  };
  time('Handle,Title,Variant Price'); // warm up
  const narrow = time('Handle,Title,Variant Price');
  const wide = time(`Handle,${Array.from({ length: 40 }, (_, i) => `Column ${i}`).join(',')}`);
  assert.ok(wide < narrow * 3 + 50, `wide header ${Math.round(wide)} ms, narrow ${Math.round(narrow)} ms`);
});
