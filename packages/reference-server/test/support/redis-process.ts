// A redis-server of a test's own, as a child process on a free port: the test can pause it
// (SIGSTOP: connections stay open, nothing answers), kill it and start it again on the same
// port, without disturbing the Redis other suites share.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** The redis-server binary, or null when it is not installed. */
export const REDIS_SERVER = ((): string | null => {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
})();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether something answers PING with PONG on `port` within `ms`. */
function pong(port: number, ms = 200): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export interface RedisProcess {
  url: string;
  port: number;
  /** SIGSTOP: Redis keeps its connections and stops answering. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** SIGKILL, and waits for the process to be gone (its data goes with it). */
  kill(): Promise<void>;
  /** Starts a fresh redis-server on the same port, after `kill`. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts redis-server on `port` (a free one by default) and waits until it answers. */
export async function startRedisProcess(port?: number): Promise<RedisProcess> {
  if (!REDIS_SERVER) throw new Error('redis-server is not installed');
  const bin = REDIS_SERVER;
  const onPort = port ?? (await freePort());
  let child: ChildProcess | null = null;

  async function start() {
    child = spawn(
      bin,
      ['--port', String(onPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    while (!(await pong(onPort))) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`redis-server did not answer on port ${onPort}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function kill() {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((r) => current.once('exit', r));
    current.kill('SIGCONT');
    current.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${onPort}`,
    port: onPort,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    kill,
    restart: start,
    stop: kill,
  };
}
