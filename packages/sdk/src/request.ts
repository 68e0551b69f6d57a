import { ConnectionError, createShopError, ShopError } from './errors.js';

/** Retries after the first attempt, unless the client is told otherwise. */
export const DEFAULT_MAX_RETRIES = 2;
/** Milliseconds before a request attempt is abandoned. */
export const DEFAULT_TIMEOUT_MS = 15_000;
const INITIAL_RETRY_DELAY_MS = 250;
const MAX_RETRY_DELAY_MS = 4_000;
const MAX_RETRY_AFTER_MS = 20_000;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

export interface RequestOptions {
  /** Cancels the request (and its retries). */
  signal?: AbortSignal | undefined;
  /** Overrides the key generated for this POST; reuse one to make a repeated call safe. */
  idempotencyKey?: string | undefined;
}

export interface RequestSpec extends RequestOptions {
  method: HttpMethod;
  path: string;
  query?: object | undefined;
  /** Headers of this request besides the key, Accept, Content-Type and Idempotency-Key. */
  headers?: Record<string, string> | undefined;
  body?: unknown;
  /** A body sent as it is (an uploaded file) with its media type, instead of a JSON `body`. */
  rawBody?: { data: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>; type: string } | undefined;
}

export interface TransportConfig {
  endpoint: string;
  /** Sent as `Authorization: Bearer …`; omit when a cookie authenticates (the admin console). */
  apiKey?: string | undefined;
  /** Headers added to every request, read each time (the console's CSRF token). */
  headers?: (() => Record<string, string>) | undefined;
  /** fetch's `credentials`: `same-origin` sends the console's session cookie. */
  credentials?: RequestCredentials | undefined;
  /** Told every successful answer, for a client that keeps state from it (the CSRF token). */
  onAnswer?: ((payload: unknown) => void) | undefined;
  fetch: typeof fetch;
  maxRetries: number;
  timeout: number;
  /** Waits between attempts; injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told after each attempt whether the server answered (any status) or could not be reached. */
  onReach?: (reached: boolean) => void;
}

/** The function every resource calls to reach the API. */
export type Transport = <T>(spec: RequestSpec) => Promise<T>;

/** Encodes query values: arrays as comma lists, booleans as true/false, undefined dropped. */
export function encodeQuery(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A random idempotency key; works on plain-http pages where `crypto.randomUUID` is missing. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `idk_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function shouldRetry(status: number): boolean {
  return status === 409 || status === 429 || status >= 500;
}

/** A 409 about the state of things (out of stock) answers the same on every attempt; only contention (an idempotency key in flight) is worth retrying. */
function isRetryable(error: ShopError): boolean {
  const status = error.statusCode ?? 0;
  if (status === 409 && error.type === 'invalid_request_error') return false;
  return shouldRetry(status);
}

/** Capped exponential backoff with full jitter; a server's Retry-After wins when it is sane. */
export function retryDelay(attempt: number, retryAfter: string | null, random: () => number): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** attempt, MAX_RETRY_DELAY_MS);
  return ceiling / 2 + random() * (ceiling / 2);
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Builds the transport: JSON over fetch with the key, a per-attempt timeout, the caller's
 * AbortSignal, an Idempotency-Key on every POST (the same one on each retry), and retries with
 * jittered backoff on network errors, 409, 429 and 5xx.
 */
export function createTransport(config: TransportConfig): Transport {
  const base = config.endpoint.replace(/\/+$/, '');
  const random = config.random ?? Math.random;
  return async function send<T>(spec: RequestSpec): Promise<T> {
    const url = `${base}/v1${spec.path}${encodeQuery(spec.query)}`;
    const headers: Record<string, string> = { ...config.headers?.(), ...spec.headers, Accept: 'application/json' };
    if (config.apiKey) headers['Authorization'] = `Bearer ${config.apiKey}`;
    if (spec.rawBody) headers['Content-Type'] = spec.rawBody.type;
    else if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.method === 'POST') headers['Idempotency-Key'] = spec.idempotencyKey ?? newIdempotencyKey();
    const body = spec.rawBody ? spec.rawBody.data : spec.body === undefined ? undefined : JSON.stringify(spec.body);

    for (let attempt = 0; ; attempt++) {
      if (spec.signal?.aborted) throw abortError(spec.signal);
      const controller = new AbortController();
      const onCallerAbort = () => controller.abort(spec.signal?.reason);
      spec.signal?.addEventListener('abort', onCallerAbort, { once: true });
      const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), config.timeout);
      let failure: ShopError;
      let retryAfter: string | null = null;
      try {
        const init: RequestInit = { method: spec.method, headers, body, signal: controller.signal };
        if (config.credentials) init.credentials = config.credentials;
        const response = await config.fetch(url, init);
        config.onReach?.(true);
        const payload = await readBody(response);
        if (response.ok) {
          config.onAnswer?.(payload);
          return payload as T;
        }
        failure = createShopError({
          statusCode: response.status,
          body: payload,
          requestId: response.headers.get('request-id'),
        });
        if (!isRetryable(failure)) throw failure;
        retryAfter = response.headers.get('retry-after');
      } catch (err) {
        if (err instanceof ShopError && !(err instanceof ConnectionError) && !isRetryable(err)) throw err;
        if (spec.signal?.aborted) throw abortError(spec.signal);
        failure =
          err instanceof ShopError
            ? err
            : (config.onReach?.(false),
              createShopError({
                type: 'connection_error',
                code: controller.signal.aborted ? 'timeout' : 'connection_failed',
                message: controller.signal.aborted
                  ? `The shop server did not answer within ${config.timeout} ms.`
                  : `Could not reach the shop server at ${base}.`,
                cause: err,
              }));
      } finally {
        clearTimeout(timer);
        spec.signal?.removeEventListener('abort', onCallerAbort);
      }
      if (attempt >= config.maxRetries) throw failure;
      const delay = retryDelay(attempt, retryAfter, random);
      await (config.sleep ? config.sleep(delay) : defaultSleep(delay, spec.signal));
    }
  };
}
