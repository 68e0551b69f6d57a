// What the services count, without knowing who listens: the server passes a Prometheus-backed
// sink (metrics/prometheus-metrics.ts), tests that do not care get `noopMetrics`. A leaf module:
// it imports nothing, so any domain may depend on it.

/** What happened to a stock hold. */
export type HoldEvent = 'taken' | 'released' | 'expired' | 'converted';
/** What became of an order: written (`placed`, payment pending), then `paid` or `cancelled`. */
export type OrderOutcome = 'placed' | 'paid' | 'cancelled';
/** A call to the payment provider. */
export type PaymentOperation = 'confirm' | 'capture' | 'cancel' | 'refund';
/** How a call to the payment provider ended: the intent's status after it, `declined`, or `error`. */
export type PaymentOutcome = string;
/** A periodic job. */
export type JobName = 'hold_sweeper' | 'placement_recovery';
/** `ran`; `skipped` when another process held the job's lock; `failed`. */
export type JobOutcome = 'ran' | 'skipped' | 'failed';

/** One HTTP request answered. */
export interface RequestSample {
  method: string;
  /** The route pattern (`/v1/products/:idOrHandle`), never the raw URL. */
  route: string;
  status: number;
  seconds: number;
}

/** Counters the services increment; each call is cheap and never throws. */
export interface MetricsSink {
  request(sample: RequestSample): void;
  /** A lookup in one of the server's caches (`responses`, `product_fragments` …). */
  cacheLookup(cache: string, hit: boolean, count?: number): void;
  hold(event: HoldEvent, count?: number): void;
  order(outcome: OrderOutcome): void;
  payment(operation: PaymentOperation, outcome: PaymentOutcome): void;
  jobRun(job: JobName, outcome: JobOutcome): void;
}

/** Counts nothing. */
export const noopMetrics: MetricsSink = {
  request() {},
  cacheLookup() {},
  hold() {},
  order() {},
  payment() {},
  jobRun() {},
};
