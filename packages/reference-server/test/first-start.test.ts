import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { firstStartNotice } from '../src/first-start.js';

const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-first-start-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('a start that must create the embedded database says so before the wait', () => {
  assert.match(
    firstStartNotice({ databaseUrl: undefined, dataDir }) ?? '',
    /^Creating the embedded database in .*data/,
  );
});

test('a start on an existing embedded database or on PostgreSQL announces nothing', () => {
  mkdirSync(join(dataDir, 'data'), { recursive: true });
  writeFileSync(join(dataDir, 'data', 'PG_VERSION'), '17\n');
  assert.equal(firstStartNotice({ databaseUrl: undefined, dataDir }), null);
  assert.equal(firstStartNotice({ databaseUrl: 'postgres://db/shop', dataDir: '/nowhere' }), null);
});
