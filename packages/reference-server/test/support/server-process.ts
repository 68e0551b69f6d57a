// A real server process for multi-process tests: configured from the environment
// (DATABASE_URL, REDIS_URL, SHOPTAG_DATA_DIR …); prints one JSON line with its URL and keys.
import { startServer } from '../../src/server.js';

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  quiet: true,
  holdSweepIntervalMs: Number(process.env.TEST_SWEEP_INTERVAL_MS ?? 30_000),
  // TEST_SEED=false starts on an empty catalog (quicker when a test brings its own products).
  demo: true,
  seed: process.env.TEST_SEED !== 'false',
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
