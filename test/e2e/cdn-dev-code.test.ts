// The CDN bundle is a production build: development-only checks (warnings W003, W010, W011 …)
// sit behind DEV_MODE, which the CDN build sets to the constant `false`, so the minifier drops
// them with their messages. Reads the built files (run after `npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cdnDir = join(root, 'packages/elements/dist/cdn');
const elementsSrc = join(root, 'packages/elements/src');

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path, keep) : keep(name) ? [path] : [];
  });
}

/** Codes warned under `if (DEV_MODE)` in the elements' sources. */
function devOnlyCodesInSources(): Set<string> {
  const codes = new Set<string>();
  for (const file of filesIn(elementsSrc, (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/if \(DEV_MODE\)\s*\{?\s*warn\(\s*'([WE]\d{3})'/g))
      codes.add(m[1]!);
  }
  return codes;
}

/** Codes docs/elements.md lists as "development builds only". */
function devOnlyCodesInDocs(): Set<string> {
  const rows = readFileSync(join(root, 'docs/elements.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|') && line.includes('development builds only'));
  return new Set(rows.flatMap((row) => [...row.matchAll(/`([WE]\d{3})`/g)].map((m) => m[1]!)));
}

test('the docs list exactly the warnings the sources give in development builds only', () => {
  const fromSources = devOnlyCodesInSources();
  assert.ok(fromSources.size >= 3, `found ${[...fromSources].join(', ')}`);
  assert.deepEqual([...devOnlyCodesInDocs()].sort(), [...fromSources].sort());
});

test('no development-only warning code is left in the built CDN files', () => {
  assert.ok(
    existsSync(join(cdnDir, 'shoptag.js')),
    'packages/elements/dist/cdn/shoptag.js is missing: run npm run build',
  );
  const built = filesIn(cdnDir, (n) => n.endsWith('.js')).map((file) => ({ file, code: readFileSync(file, 'utf8') }));
  // The scan reads the real bundle: a warning every build keeps (W001, a missing store) is there.
  assert.ok(
    built.some(({ code }) => code.includes('W001')),
    'W001 is in the bundle',
  );
  const left = [...devOnlyCodesInSources()].flatMap((code) =>
    built.filter((b) => b.code.includes(code)).map((b) => `${code} in ${b.file.slice(cdnDir.length + 1)}`),
  );
  assert.deepEqual(left, []);
});
