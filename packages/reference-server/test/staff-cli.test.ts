// `shoptag-server staff …`: an owner made on the command line (password from stdin, as a script
// gives it) signs in to the console; list shows accounts without secrets; reset-password signs the
// account out; on a terminal the password is asked twice and never echoed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { promptHidden, readNewPassword, PasswordMismatchError } from '../src/password-prompt.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(PORT|HOST|DATABASE_|REDIS_URL|STRIPE_|SHOPTAG_|LOG_LEVEL)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function cli(args: string[], env: Record<string, string>, stdin = '') {
  const child = spawn(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, ...args], {
    env: cleanEnv(env),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (status) => resolve({ status, stdout, stderr })),
  );
}

let dir: string;
let env: Record<string, string>;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoptag-staff-cli-'));
  env = { SHOPTAG_DATA_DIR: dir };
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('--help lists the staff command, and staff --help its subcommands', async () => {
  assert.match((await cli(['--help'], env)).stdout, /staff <create\|list\|reset-password>/);
  const help = await cli(['staff', '--help'], env);
  assert.match(help.stdout, /create --email EMAIL --role owner\|staff/);
  assert.match(help.stdout, /reset-password --email EMAIL/);
});

test('staff create reads the password from stdin, and the account is listed without it', async () => {
  const created = await cli(
    ['staff', 'create', '--email', 'owner@shop.example', '--role', 'owner', '--name', 'Olive'],
    env,
    'a long enough password\n',
  );
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /Created owner owner@shop\.example \(stf_/);
  const list = await cli(['staff', 'list', '--json'], env);
  const staff = JSON.parse(list.stdout) as { email: string; role: string; status: string }[];
  assert.deepEqual(
    staff.map((s) => [s.email, s.role, s.status]),
    [['owner@shop.example', 'owner', 'active']],
  );
  assert.doesNotMatch(list.stdout, /argon2|password/);
});

test('a short password, a taken email or a bad role is a usage error (exit 64) that changes nothing', async () => {
  const short = await cli(['staff', 'create', '--email', 'x@shop.example', '--role', 'staff'], env, 'short\n');
  assert.equal(short.status, 64);
  assert.match(short.stderr, /at least 12 characters/);
  const taken = await cli(
    ['staff', 'create', '--email', 'OWNER@shop.example', '--role', 'staff'],
    env,
    'another long password\n',
  );
  assert.equal(taken.status, 64);
  assert.match(taken.stderr, /already a staff account/);
  const role = await cli(
    ['staff', 'create', '--email', 'y@shop.example', '--role', 'admin'],
    env,
    'another long password\n',
  );
  assert.equal(role.status, 64);
  assert.equal(JSON.parse((await cli(['staff', 'list', '--json'], env)).stdout).length, 1);
});

test('staff reset-password sets a new password for the account', async () => {
  const res = await cli(['staff', 'reset-password', '--email', 'owner@shop.example'], env, 'the new long password\n');
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /New password set for owner@shop\.example/);
  const unknown = await cli(
    ['staff', 'reset-password', '--email', 'nobody@shop.example'],
    env,
    'the new long password\n',
  );
  assert.equal(unknown.status, 64);
});

/** A terminal stand-in: raw mode recorded, keys typed into it. */
function fakeTty() {
  const input = Object.assign(new PassThrough(), { isTTY: true, raw: false as boolean });
  const setRawMode = (mode: boolean) => void (input.raw = mode);
  const output = new PassThrough();
  let shown = '';
  output.on('data', (d: Buffer) => (shown += d.toString()));
  return { input: Object.assign(input, { setRawMode }), output, shown: () => shown };
}

test('on a terminal the password is asked without echo, Backspace erasing, in raw mode until Enter', async () => {
  const tty = fakeTty();
  const answer = promptHidden('Password: ', tty.input, tty.output);
  assert.equal(tty.input.raw, true);
  tty.input.write('secreX\u007ft pass\r');
  assert.equal(await answer, 'secret pass');
  assert.equal(tty.input.raw, false);
  assert.equal(tty.shown(), 'Password: \n', 'nothing typed is shown');
});

test('on a terminal the password is asked twice and two different answers change nothing', async () => {
  const tty = fakeTty();
  const reading = readNewPassword(tty);
  tty.input.write('first answer here\r');
  await new Promise((r) => setImmediate(r));
  tty.input.write('second answer here\r');
  await assert.rejects(reading, PasswordMismatchError);
});
