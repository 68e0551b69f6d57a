// A project outside the repository that installs the three packages as npm would: `npm pack` of
// each workspace, then `npm install` of the tarballs (their dependencies from the registry), with
// TypeScript 5.9 and esbuild beside them for the checks a user's toolchain would make.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WORKSPACES = ['packages/sdk', 'packages/elements', 'packages/reference-server'] as const;

/** One file of a tarball as `npm pack --json` lists it. */
export interface PackedFile {
  path: string;
  size: number;
}

/** One packed workspace: its manifest (from the repository) and what its tarball holds. */
export interface PackedPackage {
  name: string;
  filename: string;
  files: PackedFile[];
  manifest: PackageManifest;
}

export interface PackageManifest {
  name: string;
  version: string;
  license?: string;
  author?: string;
  homepage?: string;
  keywords?: string[];
  repository?: { type: string; url: string; directory?: string };
  bugs?: { url: string };
  engines?: { node?: string };
  files?: string[];
  exports?: unknown;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  customElements?: string;
  sideEffects?: boolean | string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never throws on a non-zero exit (the caller asserts on it). */
export function run(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      stopGroup(child);
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Stops a child started with `detached: true` together with its own children (npx → node). */
export function stopGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** The environment for npm in the scratch project: no repository workspace config leaks in. */
const NPM_ENV: NodeJS.ProcessEnv = {
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** Packs the three workspaces into `dir` (the repository must be built: `node scripts/build.mjs`). */
export async function packWorkspaces(dir: string): Promise<PackedPackage[]> {
  const args = ['pack', ...WORKSPACES.flatMap((w) => ['--workspace', w]), '--pack-destination', dir, '--json'];
  const result = await run('npm', args, { cwd: REPO_ROOT, env: NPM_ENV, timeoutMs: 180_000 });
  if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  const packed = JSON.parse(result.stdout) as { name: string; filename: string; files: PackedFile[] }[];
  return packed.map((p, i) => ({
    ...p,
    manifest: JSON.parse(readFileSync(join(REPO_ROOT, WORKSPACES[i]!, 'package.json'), 'utf8')) as PackageManifest,
  }));
}

/** The version of a tool the repository itself uses, so the scratch project runs the same one. */
export function repoVersionOf(name: string): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export interface ScratchProject {
  dir: string;
  packages: PackedPackage[];
  /** What `npm install` printed (checked for EBADENGINE). */
  installLog: string;
  remove(): void;
}

/** Packs, then installs the tarballs, `typescript@5.9` and the repository's esbuild in a new temp dir. */
export async function createScratchProject(): Promise<ScratchProject> {
  const dir = mkdtempSync(join(tmpdir(), 'shoptag-pack-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const packages = await packWorkspaces(dir);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'shoptag-scratch', private: true, type: 'module' }, null, 2),
    );
    const install = await run(
      'npm',
      ['install', ...packages.map((p) => `./${p.filename}`), 'typescript@5.9', `esbuild@${repoVersionOf('esbuild')}`],
      { cwd: dir, env: NPM_ENV, timeoutMs: 300_000 },
    );
    if (install.code !== 0) throw new Error(`npm install of the tarballs failed:\n${install.stderr}`);
    return { dir, packages, installLog: `${install.stdout}\n${install.stderr}`, remove };
  } catch (err) {
    remove();
    throw err;
  }
}
