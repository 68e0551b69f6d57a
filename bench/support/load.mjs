import autocannon from 'autocannon';

export const LOAD = { connections: 20, seconds: 8, warmupSeconds: 2, rounds: 4 };

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

/**
 * Measures a baseline and our server in alternating rounds (baseline, ours, baseline, ours …),
 * each warmed up first, so a change in the machine's load during the run weighs on both alike
 * rather than on whichever ran second. Each side's requests/s is its total over all rounds.
 */
export async function measurePair(
  baseline,
  ours,
  { connections = LOAD.connections, rounds = LOAD.rounds, seconds = LOAD.seconds } = {},
) {
  for (const side of [baseline, ours])
    await autocannon({ url: side.url, headers: side.headers, connections, duration: LOAD.warmupSeconds });
  const totals = [
    { requests: 0, seconds: 0, latencies: [] },
    { requests: 0, seconds: 0, latencies: [] },
  ];
  const duration = Math.max(1, Math.round(seconds / rounds));
  for (let round = 0; round < rounds; round++) {
    for (const [i, side] of [baseline, ours].entries()) {
      const r = await autocannon({ url: side.url, headers: side.headers, connections, duration });
      if (r.non2xx > 0 || r.errors > 0)
        throw new Error(`${side.url}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
      totals[i].requests += r.requests.total;
      totals[i].seconds += r.duration;
      totals[i].latencies.push(r.latency);
    }
  }
  const summary = ({ requests, seconds: s, latencies }) => ({
    requestsPerSecond: Math.round(requests / s),
    // The median round's percentiles.
    latencyMs: ['p50', 'p97_5', 'p99'].reduce((acc, p) => {
      const sorted = latencies.map((l) => l[p]).sort((a, b) => a - b);
      acc[p] = sorted[Math.floor(sorted.length / 2)];
      return acc;
    }, {}),
    requests,
  });
  return { baseline: summary(totals[0]), ours: summary(totals[1]) };
}
