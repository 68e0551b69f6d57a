import autocannon from 'autocannon';

export const LOAD = { connections: 20, seconds: 8, warmupSeconds: 2 };

/** Drives `url` with autocannon on loopback and returns requests/s and latency percentiles. */
export async function measureLoad(url, headers = {}, { connections = LOAD.connections, seconds = LOAD.seconds } = {}) {
  await autocannon({ url, headers, connections, duration: LOAD.warmupSeconds });
  const r = await autocannon({ url, headers, connections, duration: seconds });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${url}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99 },
    requests: r.requests.total,
  };
}
