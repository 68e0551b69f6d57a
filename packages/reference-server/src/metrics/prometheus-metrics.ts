import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../store/db.js';
import type { MetricsSink } from './metrics-sink.js';

/** A database whose pool is reported, by name (`primary`, `replica_1` …). */
export interface MeteredPool {
  name: string;
  poolStats?(): PoolStats;
}

export interface PrometheusMetricsOptions {
  /** Pools whose connections are read at each scrape. */
  pools?: readonly MeteredPool[];
  /** Node's process metrics (CPU, memory, event loop lag, GC); on by default. */
  processMetrics?: boolean;
}

/** A registry of this app's metrics and the sink that feeds it. */
export interface PrometheusMetrics {
  /** One per app, so that several apps in one process (tests) do not share counters. */
  registry: Registry;
  sink: MetricsSink;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Seconds; from a cached page (~1 ms) to a slow checkout with Stripe (~seconds). */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The server's metrics in a registry of their own: request latency by route pattern, method and
 * status class (and a request counter by exact status), database pool use, cache hits and misses,
 * stock holds, orders and payments by outcome, periodic job runs, and Node's process metrics.
 */
export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'shoptag_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route pattern, method and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const requests = new Counter({
    name: 'shoptag_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const cache = new Counter({
    name: 'shoptag_cache_lookups_total',
    help: 'Lookups in the server caches, by cache and result (hit or miss).',
    labelNames: ['cache', 'result'] as const,
    registers,
  });
  const holds = new Counter({
    name: 'shoptag_stock_holds_total',
    help: 'Stock holds taken, released (abandoned), expired (swept) and converted into sales.',
    labelNames: ['event'] as const,
    registers,
  });
  const orders = new Counter({
    name: 'shoptag_orders_total',
    help: 'Orders placed (payment pending), then paid or cancelled.',
    labelNames: ['outcome'] as const,
    registers,
  });
  const payments = new Counter({
    name: 'shoptag_payments_total',
    help: 'Calls to the payment provider, by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const jobs = new Counter({
    name: 'shoptag_job_runs_total',
    help: 'Runs of the periodic jobs (hold sweeper, placement recovery): ran, skipped (another process had the lock) or failed.',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });
  const pools = options.pools ?? [];
  const poolGauge = (state: keyof PoolStats, help: string) =>
    new Gauge({
      name: `shoptag_db_pool_${state}_connections`,
      help,
      labelNames: ['pool'] as const,
      registers,
      collect() {
        for (const pool of pools) {
          const stats = pool.poolStats?.();
          if (stats) this.set({ pool: pool.name }, stats[state]);
        }
      },
    });
  poolGauge('total', 'Database connections open.');
  poolGauge('idle', 'Database connections open and idle.');
  // For PGlite's single connection: statements queued behind the one running.
  poolGauge('waiting', 'Queries waiting for a database connection.');

  const sink: MetricsSink = {
    request({ method, route, status, seconds }) {
      duration.observe({ method, route, status_class: `${Math.floor(status / 100)}xx` }, seconds);
      requests.inc({ method, route, status: String(status) });
    },
    cacheLookup(name, hit, count = 1) {
      if (count > 0) cache.inc({ cache: name, result: hit ? 'hit' : 'miss' }, count);
    },
    hold(event, count = 1) {
      if (count > 0) holds.inc({ event }, count);
    },
    order: (outcome) => orders.inc({ outcome }),
    payment: (operation, outcome) => payments.inc({ operation, outcome }),
    jobRun: (job, outcome) => jobs.inc({ job, outcome }),
  };
  return {
    registry,
    sink,
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
