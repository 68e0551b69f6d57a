// The built server (dist/, what npm users run) as a process for multi-process tests: like
// ./server-process.ts, without compiling TypeScript on start (about twice as fast to start).
import { startServer } from '../../dist/index.js';

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  quiet: true,
  holdSweepIntervalMs: Number(process.env.TEST_SWEEP_INTERVAL_MS ?? 30_000),
  demo: true,
});
process.stdout.write(
  `${JSON.stringify({ url: server.url, publishableKey: server.publishableKey, secretKey: server.secretKey })}\n`,
);
const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
