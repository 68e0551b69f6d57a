// Runs every test suite of the repo: SDK and server on node's test runner, elements in
// real Chromium (@web/test-runner), end-to-end in Chromium (Playwright). Starts throwaway
// PostgreSQL and Redis when they are installed, so database suites run on both PGlite and the
// real server. Fails when a suite fails, times out, or runs no test.
//   node scripts/test.mjs [--serial] [suite …]      suites: tools sdk server elements e2e pack
// The server suite runs beside the others unless --serial is given.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { startTestServices } from './services.mjs';

// Generous: a suite that hangs is stopped, but a slow machine must not fail a suite that passes.
const SUITE_TIMEOUT_MS = 40 * 60_000;

function testFiles(dir, pattern = /\.test\.ts$/) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'support' ? [] : testFiles(p, pattern);
      return pattern.test(name) ? [p] : [];
    })
    .sort();
}

const nodeTest = (dirs, pattern) => {
  const files = dirs.flatMap((d) => testFiles(d, pattern));
  return [
    'node',
    ['--conditions=shoptag-source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files],
    files.length,
  ];
};

const SUITES = {
  // The repository's own scripts (bench budgets): plain node, no services, a second or two.
  tools: () => nodeTest(['bench/test'], /\.test\.mjs$/),
  sdk: () => nodeTest(['packages/sdk/test']),
  server: () => nodeTest(['packages/reference-server/test']),
  elements: () => [
    'npx',
    ['wtr', '--config', 'packages/elements/web-test-runner.config.mjs'],
    testFiles('packages/elements/src').length,
  ],
  e2e: () => nodeTest(['test/e2e']),
  // The packages as npm ships them: packed, installed into a scratch project outside the repository
  // (dependencies from the registry), used from Node, TypeScript, esbuild and Chromium.
  pack: () => nodeTest(['test/pack']),
};

/** Reads pass/fail counts from node's spec reporter (ℹ pass N) or web-test-runner (N passed, N failed). */
function countResults(output) {
  const plain = stripVTControlCharacters(output);
  const num = (re) => [...plain.matchAll(re)].map((m) => Number(m[1]));
  const nodePass = num(/^ℹ pass (\d+)/gm);
  const nodeFail = num(/^ℹ fail (\d+)/gm);
  if (nodePass.length) return { passed: nodePass.at(-1), failed: nodeFail.at(-1) ?? 0 };
  const wtr = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) };
  return { passed: 0, failed: 0 };
}

/**
 * The lines that say what failed, to repeat under the summary: a long run's log is often read
 * from its end only. Node's spec reporter ends with a "✖ failing tests:" section; web-test-runner
 * marks each failed test with ❌ and follows it with the error and its stack.
 */
function failureExcerpt(output, maxLines = 80) {
  const lines = stripVTControlCharacters(output).split('\n');
  const nodeStart = lines.findLastIndex((l) => /^✖ failing tests:/.test(l));
  if (nodeStart >= 0) return lines.slice(nodeStart, nodeStart + maxLines);
  const picked = [];
  lines.forEach((line, i) => {
    if (!line.includes('❌') || picked.includes(line)) return;
    // The file the test is in: the nearest line above that names a test file.
    const file = lines.slice(0, i).findLast((l) => /\.test\.[jt]s:?\s*$/.test(l.trim()));
    if (file && !picked.includes(file)) picked.push(file);
    const end = lines.findIndex((l, j) => j > i && (l.includes('❌') || /\.test\.[jt]s:\s*$/.test(l.trim())));
    picked.push(...lines.slice(i, Math.min(end < 0 ? lines.length : end, i + 12)));
  });
  return picked.slice(0, maxLines);
}

/**
 * Runs one suite. `live` streams its output as it comes; otherwise the output is held and printed
 * as one block when the suite ends, so suites running side by side do not interleave their lines.
 */
function runSuite(name, { live = true } = {}) {
  const [cmd, args, fileCount] = SUITES[name]();
  return new Promise((resolve) => {
    if (fileCount === 0) return resolve({ name, passed: 0, failed: 0, code: 1, note: 'no test files' });
    const header = `\n━━ ${name} ━━ ${cmd} ${args.filter((a) => !a.endsWith('.ts')).join(' ')} (${fileCount} files)`;
    if (live) console.log(header);
    else console.log(`${name}: started (${fileCount} files), its output follows when it ends`);
    const started = Date.now();
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
      detached: true,
    });
    let output = '';
    const take = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        if (live) sink.write(chunk);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    const timer = setTimeout(() => {
      console.error(`\n${name}: timed out after ${SUITE_TIMEOUT_MS / 60_000} min; stopping it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, SUITE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (!live) console.log(`${header}\n${stripVTControlCharacters(output)}`);
      const { passed, failed } = countResults(output);
      const excerpt = code === 0 && !failed ? [] : failureExcerpt(output);
      resolve({ name, passed, failed, code: code ?? 1, seconds: (Date.now() - started) / 1000, excerpt });
    });
  });
}

/** Runs suites one after another. */
async function runLane(names, options) {
  const results = [];
  for (const name of names) results.push(await runSuite(name, options));
  return results;
}

const serial = process.argv.includes('--serial');
const requested = process.argv.slice(2).filter((a) => a !== '--serial');
const unknown = requested.filter((s) => !(s in SUITES));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
const suites = requested.length ? requested : Object.keys(SUITES);
// PostgreSQL and Redis only when a suite that may use them runs.
const WITHOUT_SERVICES = new Set(['tools']);
const stopServices = suites.every((name) => WITHOUT_SERVICES.has(name)) ? () => {} : await startTestServices();
const onSignal = () => {
  stopServices();
  process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// The server suite is the longest and mostly waits on PostgreSQL, Redis, timers and child
// processes; the others hardly touch the services. So it runs beside the rest (which go one after
// another) unless --serial is given: the whole run takes about as long as the server suite alone.
const SIDE_LANE = 'server';
const sideBySide = !serial && suites.includes(SIDE_LANE) && suites.length > 1;
let results;
try {
  if (sideBySide) {
    const others = suites.filter((s) => s !== SIDE_LANE);
    const [side, rest] = await Promise.all([runLane([SIDE_LANE], { live: false }), runLane(others)]);
    results = suites.map((name) => [...side, ...rest].find((r) => r.name === name));
  } else {
    results = await runLane(suites);
  }
} finally {
  stopServices();
}

for (const r of results.filter((r) => r.excerpt?.length)) {
  console.log(`\n━━ what failed in ${r.name} ━━`);
  console.log(r.excerpt.join('\n'));
}
console.log('\n━━ summary ━━');
let ok = true;
for (const r of results) {
  const problem =
    r.note ??
    (r.code !== 0
      ? `exit code ${r.code}`
      : r.passed + r.failed === 0
        ? 'ran no test'
        : r.failed
          ? `${r.failed} failed`
          : '');
  if (problem) ok = false;
  console.log(
    `${problem ? '✗' : '✓'} ${r.name.padEnd(9)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${r.seconds ? `  ${r.seconds.toFixed(1)} s` : ''}${problem ? `  — ${problem}` : ''}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
