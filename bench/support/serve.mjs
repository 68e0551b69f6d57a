// Child process for benchmarks: starts the built reference server (PGlite in memory, or the
// DATABASE_URL/REDIS_URL in its environment) and prints its coordinates as one JSON line.
import { startServer } from '@shoptag/reference-server';

const memory = !process.env.DATABASE_URL;
const srv = await startServer({ port: 0, memory, demo: true, seed: 'reset', allowedOrigins: ['*'], quiet: true });
process.stdout.write(
  `${JSON.stringify({ url: srv.url, publishableKey: srv.publishableKey, secretKey: srv.secretKey })}\n`,
);
const stop = async () => {
  await srv.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
