// What can be checked of the Dockerfile and compose.yaml without a Docker engine (there is none on
// CI or this machine): their structure, parsed; and that the image's command line, run as the tests
// run the CLI, becomes healthy by the image's own HEALTHCHECK — two processes on one PostgreSQL and
// Redis, as compose runs them, when those are installed. docs/deploy.md says what this covers.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { ROUTES } from '@shoptag/sdk/contract';
import { loadConfig } from '../src/config.js';
import { CONFIG_VARIABLES } from '../src/config-variables.js';
import { createScratchDatabase, TEST_DATABASE_URL, TEST_REDIS_URL } from './support/databases.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Dockerfile → stages of instructions (continuation lines joined, comments dropped, ARGs of FROM substituted). */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { op: op.toUpperCase(), args: rest.replace(/\s+/g, ' ') };
    if (instruction.op === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = instruction.args.split('=');
      args.set(name, value);
    } else if (instruction.op === 'FROM') {
      const [image = '', , name] = instruction.args
        .replace(/\$\{(\w+)\}/g, (_, n: string) => args.get(n) ?? '')
        .split(' ');
      stages.push({ from: image, name, instructions: [] });
    } else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

const jsonArgs = (i: Instruction | undefined): string[] => JSON.parse(i?.args ?? '[]') as string[];
const all = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op);
const last = (stage: Stage, op: string) => all(stage, op).at(-1);

const stages = parseDockerfile(read('Dockerfile'));
const runtime = stages.at(-1)!;
const healthcheck = last(runtime, 'HEALTHCHECK')!;
/** The HEALTHCHECK's command: `CMD [ … ]` in exec form. */
const healthCommand = JSON.parse(healthcheck.args.replace(/^.*?CMD /, '')) as string[];
const command = [...jsonArgs(last(runtime, 'ENTRYPOINT')), ...jsonArgs(last(runtime, 'CMD'))];
/** The image's ENV as one object (`ENV A=1 B=2` form). */
const imageEnv = Object.fromEntries(
  all(runtime, 'ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])),
);

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}
const compose = parseYaml(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
/** Services running the server: built from the Dockerfile with its default command (`start`). */
const servers = Object.entries(services).filter(([, s]) => s.build !== undefined && s.command === undefined);
/** `${VAR:-default}` as compose resolves it when VAR is not set. */
const resolveDefaults = (env: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]),
  ) as Record<string, string>;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment a container gets: the image's ENV, then the service's, without the caller's server settings. */
function containerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(PORT|HOST|DATABASE_|REDIS_URL|STRIPE_|SMTP_URL|SHOPTAG_|LOG_LEVEL|NODE_ENV)/.test(k)) env[k] = v;
  return { ...env, ...imageEnv, ...extra };
}

/** The image's command (`shoptag-server …`) run as the tests run the CLI: from the sources through tsx. */
function runImageCommand(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  assert.equal(args[0], 'shoptag-server');
  return spawn(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, ...args.slice(1)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the image's HEALTHCHECK command with the container's PORT; true when it exits 0. */
function healthy(port: number): boolean {
  const [cmd = '', ...args] = healthCommand;
  return spawnSync(cmd, args, { env: { ...process.env, PORT: String(port) }, timeout: 10_000 }).status === 0;
}

async function untilHealthy(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) assert.fail(`the server exited (${child.exitCode}): ${output()}`);
    if (healthy(port)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`not healthy within 180 s: ${output()}`);
}

async function stopWithSigterm(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
}

describe('the Dockerfile', () => {
  test('builds in one stage and runs from a second one on Node 20 or later', () => {
    assert.ok(stages.length >= 2, 'multi-stage');
    assert.equal(stages[0]!.name, 'build');
    assert.match(runtime.from, /^node:(2\d|[3-9]\d)\b/);
    assert.ok(all(stages[0]!, 'RUN').some((i) => /\bnpm ci\b/.test(i.args)));
    assert.ok(all(stages[0]!, 'RUN').some((i) => /\bnpm run build\b/.test(i.args)));
  });

  test('the runtime stage installs production dependencies of the server only and copies nothing else installed', () => {
    const installs = all(runtime, 'RUN').filter((i) => /\bnpm (ci|install|i)\b/.test(i.args));
    assert.equal(installs.length, 1);
    assert.match(installs[0]!.args, /\bnpm ci\b.*--omit=dev/);
    assert.match(installs[0]!.args, /--workspace @shoptag\/reference-server\b/);
    const fromBuild = all(runtime, 'COPY').filter((i) => i.args.startsWith('--from='));
    assert.ok(fromBuild.length >= 2);
    for (const copy of fromBuild) {
      const [, source = ''] = copy.args.split(' ');
      assert.match(
        source,
        /^\/src\/packages\/[a-z-]+\/dist(\/cdn)?$/,
        `only built code comes from the build stage: ${source}`,
      );
    }
    // Plain COPYs bring manifests only (package.json, the lockfile): no sources, no node_modules.
    for (const copy of all(runtime, 'COPY').filter((i) => !i.args.startsWith('--from=')))
      for (const source of copy.args.split(' ').slice(0, -1)) assert.match(source, /(^|\/)package(-lock)?\.json$/);
  });

  test('runs as an unprivileged user', () => {
    const user = last(runtime, 'USER')?.args;
    assert.ok(user && !/^(root|0)(:|$)/.test(user), `USER ${user ?? '(none)'}`);
  });

  test('starts the CLI the package installs, with the command the tests run', () => {
    const pkg = JSON.parse(read('packages/reference-server/package.json')) as { bin: Record<string, string> };
    assert.deepEqual(command, ['shoptag-server', 'start']);
    assert.equal(pkg.bin['shoptag-server'], './dist/cli.js');
    assert.match(read('rollup.config.mjs'), /cli: 'packages\/reference-server\/src\/cli\.ts'/);
    // On PATH as a link to that bin, in the package copied from the build stage.
    const workdir = last(runtime, 'WORKDIR')?.args ?? '';
    const link = `ln -s ${workdir}/packages/reference-server/dist/cli.js /usr/local/bin/shoptag-server`;
    assert.ok(
      all(runtime, 'RUN').some((i) => i.args.includes(link)),
      link,
    );
    assert.ok(all(runtime, 'COPY').some((i) => i.args.endsWith(' packages/reference-server/dist')));
  });

  test("the HEALTHCHECK asks the liveness route of the contract, on the container's port", () => {
    const route = Object.values(ROUTES).find((r) => r.path === '/v1/health');
    assert.equal(route?.method.toUpperCase(), 'GET');
    assert.equal(route?.auth, 'none');
    assert.ok(healthCommand.join(' ').includes("'/v1/health'"));
    assert.ok(healthCommand.join(' ').includes('process.env.PORT'));
  });

  test('the build context leaves out what is installed, built, local or secret', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.git', '**/node_modules', '**/dist', '.shoptag', '.env'])
      assert.ok(ignored.includes(entry), entry);
  });

  test("the image's command, run as the tests run the CLI, becomes healthy by the image's HEALTHCHECK and stops on SIGTERM", async () => {
    // On PostgreSQL when there is one (as the image is meant to run), else on the embedded database.
    const database = TEST_DATABASE_URL ? await createScratchDatabase() : null;
    const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-image-'));
    try {
      const port = await freePort();
      assert.equal(healthy(port), false, 'the healthcheck fails while nothing listens');
      const env = {
        SHOPTAG_DATA_DIR: dataDir,
        PORT: String(port),
        ...(database ? { DATABASE_URL: database.url } : {}),
      };
      const child = runImageCommand(command, containerEnv(env));
      const output = collect(child);
      await untilHealthy(port, child, output);
      assert.equal(await stopWithSigterm(child), 0, output());
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
  });
});

describe('compose.yaml', () => {
  test('runs two server processes, PostgreSQL 15 and Redis 7', () => {
    assert.match(services.postgres?.image ?? '', /^postgres:15\b/);
    assert.match(services.redis?.image ?? '', /^redis:7\b/);
    assert.ok(servers.length >= 2, `server services: ${servers.map(([name]) => name).join(', ')}`);
  });

  test('every server reaches PostgreSQL and Redis by service name, with settings the server knows and accepts', () => {
    const known = new Set(CONFIG_VARIABLES.map((v) => v.name));
    for (const [name, server] of servers) {
      const env = resolveDefaults(server.environment ?? {});
      assert.equal(new URL(env.DATABASE_URL ?? '').hostname, 'postgres', name);
      assert.equal(new URL(env.REDIS_URL ?? '').hostname, 'redis', name);
      for (const variable of Object.keys(env)) assert.ok(known.has(variable), `${name}: ${variable} is not a setting`);
      assert.doesNotThrow(() => loadConfig(env, '/app'), name);
    }
  });

  test('starts servers after healthy databases and a successful migration, and checks their health', () => {
    const migrate = services.migrate;
    assert.deepEqual(migrate?.command, ['migrate']);
    assert.equal(migrate?.image, servers[0]![1].image);
    assert.equal(migrate?.depends_on?.postgres?.condition, 'service_healthy');
    for (const service of ['postgres', 'redis']) assert.ok(services[service]?.healthcheck?.test.length, service);
    for (const [name, server] of servers) {
      assert.equal(server.depends_on?.postgres?.condition, 'service_healthy', name);
      assert.equal(server.depends_on?.redis?.condition, 'service_healthy', name);
      assert.equal(server.depends_on?.migrate?.condition, 'service_completed_successfully', name);
      assert.ok(server.healthcheck?.test.join(' ').includes('/v1/health'), name);
    }
  });

  test('gives a stopping server longer than its drain timeout before SIGKILL', () => {
    for (const [name, server] of servers) {
      const drain = Number(server.environment?.SHOPTAG_DRAIN_TIMEOUT_SECONDS ?? 10);
      const grace = Number(/^(\d+)s$/.exec(server.stop_grace_period ?? '')?.[1] ?? 10);
      assert.ok(grace > drain, `${name}: stop_grace_period ${grace} s must exceed the drain ${drain} s`);
    }
  });

  test(
    'as compose runs them: migrate, then two server processes on one PostgreSQL and Redis, both healthy, both stop cleanly',
    { skip: TEST_DATABASE_URL && TEST_REDIS_URL ? false : 'needs PostgreSQL and Redis' },
    async () => {
      const database = await createScratchDatabase();
      const dirs: string[] = [];
      const children: ChildProcess[] = [];
      try {
        const local = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL ?? '' };
        const migrateEnv = resolveDefaults(services.migrate!.environment ?? {});
        const migrating = runImageCommand(
          ['shoptag-server', ...services.migrate!.command!],
          containerEnv({ ...migrateEnv, ...local, SHOPTAG_DATA_DIR: tmpdir() }),
        );
        const migrateOutput = collect(migrating);
        const code = await new Promise((resolve) => migrating.once('exit', resolve));
        assert.equal(code, 0, migrateOutput());
        const ports: number[] = [];
        for (const [, server] of servers.slice(0, 2)) {
          const port = await freePort();
          const dir = mkdtempSync(join(tmpdir(), 'shoptag-compose-'));
          dirs.push(dir);
          ports.push(port);
          const env = {
            ...resolveDefaults(server.environment ?? {}),
            ...local,
            SHOPTAG_DATA_DIR: dir,
            PORT: String(port),
          };
          children.push(runImageCommand(command, containerEnv(env)));
        }
        const outputs = children.map(collect);
        await Promise.all(children.map((child, i) => untilHealthy(ports[i]!, child, outputs[i]!)));
        for (const [i, child] of children.entries()) assert.equal(await stopWithSigterm(child), 0, outputs[i]!());
      } finally {
        await Promise.all(children.map(stopWithSigterm));
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
        await database.drop();
      }
    },
  );
});
