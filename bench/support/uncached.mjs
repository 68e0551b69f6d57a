import autocannon from 'autocannon';
import { LOAD } from './load.mjs';

/**
 * Like measureLoad, but every request asks for a different max_price (1000–100000 cents), so
 * nearly every one misses the response cache: the uncached path of the same list endpoint.
 */
export async function measureUncachedLoad(url, headers = {}) {
  const run = (duration) =>
    autocannon({
      url,
      headers,
      connections: LOAD.connections,
      duration,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `${req.path}&max_price=${1000 + Math.floor(Math.random() * 99_000)}`,
          }),
        },
      ],
    });
  await run(LOAD.warmupSeconds);
  const r = await run(LOAD.seconds);
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${url}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99 },
    requests: r.requests.total,
  };
}
