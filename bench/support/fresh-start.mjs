// What a new user waits for: a fresh clone of this commit in a temporary folder, `npm ci`, then
// `npm start` until the server's ready banner, killed once it has answered / and /shoptag.js.
// Reports npm ci and start-to-ready separately (the budget is on start-to-ready: npm ci depends on
// the network and npm's cache), with the quick build's own time and the progress lines as printed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const READY = /^\s*ready in [\d.]+ s$/m;
const START_TIMEOUT_MS = 5 * 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(cmd, args, options) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return (performance.now() - started) / 1000;
}

/** Runs `npm start` in `dir` until the banner; resolves with the seconds it took and what it printed, each line timed. */
function startUntilReady(dir, port) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['start'], {
      cwd: dir,
      env: { ...process.env, PORT: String(port), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npm → sh → node, stopped together by the group's id
    });
    const lines = [];
    let output = '';
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`npm start printed no ready banner within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    const take = (chunk) => {
      const at = (performance.now() - started) / 1000;
      output += chunk;
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push({ at: Number(at.toFixed(1)), line });
      if (READY.test(output)) {
        clearTimeout(timer);
        resolve({ seconds: at, lines, output, stop, exited: new Promise((done) => child.once('exit', done)) });
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!READY.test(output)) reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** The `start` section: figures `start.npm-ci`, `start.build` and `start.to-ready` (seconds). */
export async function freshStartSection({ log }) {
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), 'shoptag-fresh-clone-'));
  const loadBefore = loadavg()[0];
  try {
    log(`start: cloning ${commit.slice(0, 10)} into ${dir}`);
    run('git', ['clone', '--quiet', '--no-checkout', process.cwd(), dir]);
    run('git', ['-C', dir, 'checkout', '--quiet', commit]);
    log('start: npm ci');
    const npmCi = run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
    log(`start: npm ci took ${npmCi.toFixed(1)} s; npm start`);
    const port = await freePort();
    const ready = await startUntilReady(dir, port);
    try {
      for (const path of ['/', '/shoptag.js', '/v1/health']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        if (!res.ok) throw new Error(`GET ${path} answered ${res.status} after the ready banner`);
      }
    } finally {
      ready.stop();
      await ready.exited;
    }
    const built = /Built in ([\d.]+) s/.exec(ready.output);
    log(`start: ready ${ready.seconds.toFixed(1)} s after npm start`);
    return [
      {
        id: 'start.npm-ci',
        name: 'npm ci on a fresh clone (network and npm cache dependent)',
        seconds: Number(npmCi.toFixed(1)),
      },
      {
        id: 'start.build',
        name: 'the quick build of npm start (scripts/start-build.mjs, esbuild)',
        seconds: built ? Number(built[1]) : null,
      },
      {
        id: 'start.to-ready',
        name: 'npm start on the fresh clone → ready banner (build, embedded database created, migrated, demo seeded, listening), / and /shoptag.js answering',
        seconds: Number(ready.seconds.toFixed(1)),
        commit,
        loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number(loadavg()[0].toFixed(2)) },
        progress: ready.lines,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
