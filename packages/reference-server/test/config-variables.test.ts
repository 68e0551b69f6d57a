import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { PARSED_VARIABLES, loadConfig, ConfigError } from '../src/config.js';
import { CONFIG_VARIABLES, CONFIG_VARIABLE_GROUPS, formatVariablesHelp } from '../src/config-variables.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

test('the catalogue names exactly the variables loadConfig parses, once each', () => {
  const names = CONFIG_VARIABLES.map((v) => v.name);
  assert.equal(new Set(names).size, names.length, 'a variable is listed twice');
  assert.deepEqual([...names].sort(), [...PARSED_VARIABLES].sort());
});

test('every catalogue entry has a group, a summary, a default and an example', () => {
  for (const v of CONFIG_VARIABLES) {
    assert.ok(v.group in CONFIG_VARIABLE_GROUPS, `${v.name}: unknown group ${v.group}`);
    for (const field of ['summary', 'default', 'example'] as const)
      assert.ok(v[field].trim().length > 0, `${v.name}: empty ${field}`);
  }
});

test('every SHOPTAG_ variable of the catalogue is accepted as known, and others are refused', () => {
  for (const v of CONFIG_VARIABLES.filter((c) => c.name.startsWith('SHOPTAG_'))) {
    try {
      loadConfig({ [v.name]: '' }, '/srv/shop');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.doesNotMatch(error.message, /unknown variable/, v.name);
    }
  }
  assert.throws(() => loadConfig({ SHOPTAG_NOT_A_SETTING: '1' }, '/srv/shop'), /unknown variable/);
});

test('shoptag-server --help names every variable the server reads, with its default', () => {
  const r = spawnSync(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, '--help'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  for (const v of CONFIG_VARIABLES) assert.match(r.stdout, new RegExp(`^ {4}${v.name}$`, 'm'), v.name);
  assert.ok(r.stdout.includes(formatVariablesHelp()));
  assert.match(r.stdout, /PORT\n\s+HTTP port \(--port overrides it\)\. Default: 3000/);
});

test('the tables in README.md and docs/server.md are the ones the catalogue generates', () => {
  const r = spawnSync(process.execPath, ['scripts/docs-env.mjs', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, `${r.stderr}(run npm run docs:env to regenerate them)`);
});
