import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProductIdOrHandle, ProductListQuery } from '@shoptag/sdk/contract';
import type { Logger } from '../logger.js';
import type { MetricsSink } from '../metrics/metrics-sink.js';
import { codedEtag, type CachedBody, type ResponseCache } from '../services/http/index.js';
import { isOriginAllowed, type ApiKeyService } from '../services/keys/index.js';
import { acceptedCoding } from './middleware/content-encoding.js';
import { EXPOSED_HEADERS } from './middleware/cors.js';
import { CATALOG_CACHE_CONTROL } from './middleware/http-cache.js';
import { newRequestId } from './middleware/request-id.js';
import { requestLogger } from './middleware/request-log.js';
import { requestCounter } from './middleware/request-metrics.js';
import { apiSecurityHeaders, HSTS_MAX_AGE_S } from './middleware/security-headers.js';
import { parseQueryText } from './middleware/validate.js';
import { productKey, productListKey } from './products/route.js';

export interface CachedReadOptions {
  keys: ApiKeyService;
  responses: ResponseCache;
  logger: Logger;
  metrics?: MetricsSink | undefined;
  newRequestId?: (() => string) | undefined;
  /** Proxy hops whose `X-Forwarded-Proto` is trusted (as Express's `trust proxy`). */
  trustProxy?: number | undefined;
}

/**
 * Plain characters only: nothing percent-encoded, no NUL or surrogate, so the URL checks the
 * application makes (`safeUrl`) could not refuse it and the query parses the same everywhere.
 */
const PLAIN_TARGET = /^\/v1\/products(?:\/([A-Za-z0-9_-]{1,200}))?(?:\?([A-Za-z0-9_.,~=&+:-]{0,500}))?$/;

/** The cache key a request names, or undefined when the application must answer it. */
function cacheKeyOf(target: string): { key: string; route: string } | undefined {
  const match = PLAIN_TARGET.exec(target);
  if (!match) return undefined;
  const [, idOrHandle, rawQuery = ''] = match;
  if (idOrHandle !== undefined) {
    // The product route takes no query; one there is the application's to judge.
    if (rawQuery !== '' || !ProductIdOrHandle.safeParse(idOrHandle).success) return undefined;
    return { key: productKey(idOrHandle), route: '/v1/products/:idOrHandle' };
  }
  const query = parseQueryText(ProductListQuery, rawQuery);
  return query && { key: productListKey(query), route: '/v1/products' };
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim();
}

/**
 * Answers a storefront's catalog read straight from this process's response cache, without the
 * framework: a `GET /v1/products` (or one product) with a publishable key this process has
 * checked lately, whose answer it holds in the coding the client takes. It sends exactly what
 * the application would — the same security headers, request id, CORS, `Vary`, entity tag,
 * cache policy, coding, log line and metrics — and returns `false` for anything else (another
 * route or method, a conditional or percent-encoded request, an unknown key or origin, a cache
 * miss), which the application then answers as usual. A cached catalog answer costs most of its
 * time in Express's routing and response helpers otherwise.
 */
export function cachedReadLane(options: CachedReadOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const security = apiSecurityHeaders();
  const generateId = options.newRequestId ?? newRequestId;
  const log = requestLogger(options.logger);
  const count = options.metrics ? requestCounter(options.metrics) : null;
  const trustProxy = options.trustProxy ?? 0;

  return (req, res) => {
    const target = req.url;
    if (req.method !== 'GET' || target === undefined || !target.startsWith('/v1/products')) return false;
    const headers = req.headers;
    // Revalidations (304s) and requests with a body (a JSON GET body is parsed, others refused) are the application's.
    if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined) return false;
    if (headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? '0') !== '0') return false;
    const principal = options.keys.knownPublishable(headers.authorization);
    if (!principal) return false;
    // As `req.get('origin')` is read by the application: an empty header is no origin.
    const origin = headers.origin || undefined;
    if (origin !== undefined && !isOriginAllowed(principal, origin)) return false;
    const named = cacheKeyOf(target);
    if (!named) return false;
    const entry: CachedBody | undefined = options.responses.peek(named.key);
    if (!entry) return false;
    const coding = acceptedCoding(req);
    const coded = coding === undefined ? null : entry.coded[coding];
    // A coding not made yet (or not smaller): the application makes and stores it.
    if (coded === undefined || (coding !== undefined && coded === null)) return false;

    const requestId = generateId();
    log?.({ method: 'GET', url: target, requestId: () => requestId, route: () => named.route }, res);
    count?.('GET', () => named.route, res);
    const out: string[] = [];
    for (const [name, value] of security) out.push(name, value);
    // Express's `req.secure`: the socket's protocol, or a trusted proxy's X-Forwarded-Proto.
    const socketProtocol = (req.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http';
    const protocol = trustProxy > 0 ? firstValue(headers['x-forwarded-proto']) || socketProtocol : socketProtocol;
    if (protocol === 'https') out.push('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_S}`);
    out.push('Request-Id', requestId, 'Vary', 'Authorization, Origin, Accept-Encoding');
    if (origin !== undefined)
      out.push('Access-Control-Allow-Origin', origin, 'Access-Control-Expose-Headers', EXPOSED_HEADERS);
    const body = coded ?? entry.bytes;
    out.push(
      'ETag',
      coded ? codedEtag(entry.etag, coding!) : entry.etag,
      'Cache-Control',
      CATALOG_CACHE_CONTROL,
      'Content-Type',
      'application/json; charset=utf-8',
    );
    if (coded) out.push('Content-Encoding', coding!);
    out.push('Content-Length', String(body.length));
    res.writeHead(200, out);
    res.end(body);
    return true;
  };
}
