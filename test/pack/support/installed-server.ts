// The reference server as a user runs it from an npm install: `npx shoptag-server start --demo`,
// on a free port, with its data in its own temp dir; the URL and publishable key read from the banner.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopGroup } from './scratch-project.js';

/** The demo publishable key from the data dir, for a banner that does not print it. */
function keyFromDataDir(dataDir: string): string | undefined {
  const file = join(dataDir, 'keys.json');
  return existsSync(file) ? PUBLISHABLE_KEY.exec(readFileSync(file, 'utf8'))?.[0] : undefined;
}

export interface InstalledServer {
  url: string;
  publishableKey: string;
  stop(): Promise<void>;
}

const URL_IN_BANNER = /https?:\/\/[\w.[\]-]+:\d+/;
const PUBLISHABLE_KEY = /\bpk_(?:test|live)_[A-Za-z0-9]+/;

/** Starts the demo server installed in `projectDir`; `env` adds settings (allowed origins …). */
export function startInstalledServer(
  projectDir: string,
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<InstalledServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-pack-data-'));
  const { PORT: _port, ...inherited } = process.env;
  const child: ChildProcess = spawn('npx', ['--no', 'shoptag-server', 'start', '--demo', '--port', '0'], {
    cwd: projectDir,
    env: { ...inherited, ...env, SHOPTAG_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    stopGroup(child);
    const killer = setTimeout(() => stopGroup(child, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}\n${output}`)));
    };
    const timer = setTimeout(() => fail(`shoptag-server did not print its URL within ${timeoutMs} ms`), timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      const url = URL_IN_BANNER.exec(output)?.[0];
      const publishableKey = PUBLISHABLE_KEY.exec(output)?.[0] ?? (url ? keyFromDataDir(dataDir) : undefined);
      if (url && publishableKey) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        resolve({ url: url.replace('://localhost:', '://127.0.0.1:'), publishableKey, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('close', (code) => fail(`shoptag-server exited with ${code} before it was ready`));
  });
}
