// `engines` tell the truth: npm warns EBADENGINE when an installed package wants a Node that the
// project's range admits but the package does not. Checked against package-lock.json, so it needs
// no network: the repository's range covers its whole toolchain, and each published package's range
// covers its runtime dependencies (what a user's `npm install` pulls in).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';
import { REPO_ROOT, WORKSPACES } from './support/scratch-project.js';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
  resolved?: string;
  engines?: { node?: string };
  os?: string[];
  cpu?: string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const enginesOf = (dir: string) =>
  (JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines
    ?.node;

/** Whether npm installs the entry on a platform (`os`/`cpu`, as in `["win32"]` or `["!arm"]`). */
const admits = (list: string[] | undefined, value: string) =>
  !list || list.some((v) => v === value) || (list.every((v) => v.startsWith('!')) && !list.includes(`!${value}`));
const installedHere = (e: LockEntry) => admits(e.os, process.platform) && admits(e.cpu, process.arch);

/**
 * Lock entries whose Node range does not cover all of `range`. Platform packages (sharp's libvips
 * builds, esbuild's binaries) count only on this platform: npm neither installs nor checks the rest.
 */
function narrowerThan(range: string, entries: [string, LockEntry][]): string[] {
  return entries
    .filter(([, e]) => installedHere(e) && e.engines?.node && !semver.subset(range, e.engines.node))
    .map(([path, e]) => `${path}@${e.version} wants node ${e.engines!.node}`);
}

/** The lock entry npm resolves `name` to from the package at `from` (nested node_modules first). */
function resolveFrom(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.replace(/\/?node_modules\/(?:@[^/]+\/)?[^/]+$/, '')) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir.includes('node_modules'))
      return lock.packages[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
  }
}

/** Every lock entry a workspace needs at run time (its dependencies, transitively; links followed). */
function runtimeClosure(workspace: string): [string, LockEntry][] {
  const seen = new Map<string, LockEntry>();
  const visit = (path: string) => {
    const entry = lock.packages[path];
    if (!entry || seen.has(path)) return;
    seen.set(path, entry);
    if (entry.link && entry.resolved) return visit(entry.resolved);
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const found = resolveFrom(path, name);
      if (found) visit(found);
    }
  };
  visit(workspace);
  seen.delete(workspace);
  return [...seen].filter(([, e]) => !e.link);
}

test('the repository’s engines admit every package of its toolchain, so npm ci prints no EBADENGINE', () => {
  const range = enginesOf('.');
  assert.ok(range, 'package.json names engines.node');
  assert.ok(semver.satisfies(process.version, range), `this Node (${process.version}) is in ${range}`);
  assert.deepEqual(
    narrowerThan(
      range,
      Object.entries(lock.packages).filter(([p]) => p.includes('node_modules/')),
    ),
    [],
  );
});

test('each published package’s engines admit every runtime dependency it installs', () => {
  for (const workspace of WORKSPACES) {
    const range = enginesOf(workspace);
    assert.ok(range, `${workspace} names engines.node`);
    const closure = runtimeClosure(workspace);
    assert.ok(closure.length > 0, `${workspace} has dependencies in the lockfile`);
    assert.deepEqual(narrowerThan(range, closure), [], `${workspace} (engines ${range})`);
  }
});
