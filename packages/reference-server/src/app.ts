import './api/locals.js';
import { UPLOAD_IMAGE_TYPES } from '@shoptag/sdk/contract';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cachedReadLane } from './api/cached-reads.js';
import { adminCouponsRouter } from './api/admin/coupons/route.js';
import { adminInventoryRouter } from './api/admin/inventory/route.js';
import { adminKeysRouter } from './api/admin/keys/route.js';
import { adminSettingsRouter } from './api/admin/settings/route.js';
import { adminConsoleRouter } from './api/admin-console/route.js';
import { cartsRouter } from './api/carts/route.js';
import { checkoutSessionsRouter } from './api/checkout-sessions/route.js';
import { adminOrdersRouter } from './api/admin/orders/route.js';
import { adminPaymentsRouter } from './api/admin/payments/route.js';
import { compressResponses } from './api/middleware/content-encoding.js';
import { idempotency } from './api/middleware/idempotency.js';
import { jsonBody } from './api/middleware/json-body.js';
import { safeUrl } from './api/middleware/safe-input.js';
import { rateLimit, type RateLimitOptions } from './api/middleware/rate-limit.js';
import { ordersRouter } from './api/orders/route.js';
import { webhooksRouter } from './api/webhooks/route.js';
import { categoriesRouter } from './api/categories/route.js';
import { demoRouter, notFoundPage, type DemoOptions } from './api/demo/route.js';
import { healthRouter } from './api/health/route.js';
import { openApiDocument } from './api/openapi/route.js';
import { inventoryRouter } from './api/inventory/route.js';
import { mediaRouter, type RenderProductImage } from './api/media/route.js';
import { renditionsRouter } from './api/media/renditions-route.js';
import { uploadsRouter } from './api/media/uploads-route.js';
import type { ImageRenditions, UploadedImages } from './services/media/index.js';
import { authenticate } from './api/middleware/auth.js';
import { corsForKey, corsPublic, preflight } from './api/middleware/cors.js';
import { publicAsset } from './api/middleware/public-asset.js';
import { errorHandler, notFound } from './api/middleware/error-handler.js';
import { requestId } from './api/middleware/request-id.js';
import { requestLog } from './api/middleware/request-log.js';
import { requestMetrics } from './api/middleware/request-metrics.js';
import { recordRoutePatterns } from './api/middleware/route-pattern.js';
import { metricsRouter, type MetricsRouteOptions } from './api/metrics/route.js';
import type { MetricsSink } from './metrics/metrics-sink.js';
import { securityHeaders, strictTransportSecurity } from './api/middleware/security-headers.js';
import { inSeries } from './api/middleware/in-series.js';
import { productsRouter } from './api/products/route.js';
import { searchRouter } from './api/search/route.js';
import { adminProductsRouter, CSV_MEDIA_TYPES } from './api/admin/products/route.js';
import { adminImportsRouter } from './api/admin/imports/route.js';
import { adminSessionRouter } from './api/admin/session/route.js';
import { adminStaffRouter } from './api/admin/staff/route.js';
import { adminAuditLogRouter } from './api/admin/audit-log/route.js';
import { adminAuthenticate, ownerGate } from './api/middleware/staff-session.js';
import { auditWrites } from './api/middleware/audit-writes.js';
import type { RateLimiter } from './cache/rate-limiter.js';
import type { StaffServices } from './services/staff/index.js';
import type { Logger } from './logger.js';
import type { ApiKeyService, KeyAdmin } from './services/keys/index.js';
import type { CatalogService, AdminCatalogService, ImportJobs } from './services/catalog/index.js';
import type { CommerceServices } from './services/commerce.js';
import type { CheckoutServices } from './services/checkout/index.js';
import type { HealthService } from './services/health/index.js';
import { createZlibCompressor, STATIC_LEVELS, type BodyCompressor, type ResponseCache } from './services/http/index.js';
import type { SearchService } from './services/search/index.js';
import type { SettingsService } from './services/settings/index.js';

/** Everything the HTTP layer needs, built by the caller (see `startServer`) or by a test. */
export interface AppDeps {
  version: string;
  logger: Logger;
  keys: ApiKeyService;
  /** Creating, revoking and rotating keys, and their origins (secret key). */
  keyAdmin: KeyAdmin;
  catalog: CatalogService;
  search: SearchService;
  /** Cached catalog responses (ETag, generation-based invalidation). */
  responses: ResponseCache;
  /** Product writes (secret key). */
  adminCatalog: AdminCatalogService;
  /** Shopify CSV imports, run as background jobs (secret key). */
  imports: ImportJobs;
  health: HealthService;
  /** Carts, coupons, stock and holds. */
  commerce: CommerceServices;
  /** Checkout sessions, orders, payment webhooks and Idempotency-Key storage. */
  checkout: CheckoutServices;
  /** The shop's saved settings over the environment's (name, currency, shipping zones, tax). */
  settings: SettingsService;
  /** Resized WebP/AVIF renditions for `/media/products/:imageId-:width.:format`; omit to serve originals only. */
  renditions?: ImageRenditions;
  /** Product images for `/media/products/:file`. */
  renderProductImage: RenderProductImage;
  /** Product images uploaded through the admin API, served at `/media/products/:imageId.:ext`. */
  uploads: UploadedImages;
  /** Where the owner's console is built; served at `/admin` (omit to serve no console). */
  adminConsoleDir?: string;
  /** Demo shop and CDN bundle; omit to serve the API only. */
  demo?: DemoOptions;
  /** Staff accounts, console sessions and the audit log. */
  staff: {
    services: StaffServices;
    /** Counts failed sign-ins and reset requests (Redis across processes, or this process). */
    limiter: RateLimiter;
    /** The shop's public URL for links in emails (`SHOPTAG_PUBLIC_URL`, else the server's own); default the request's origin. */
    linkOrigin?: () => string | null;
  };
  /** Generates request ids; injected for tests. */
  newRequestId?: () => string;
  /** Largest JSON body accepted. */
  bodyLimit?: string;
  /** Limits the writes of each storefront client (publishable key + IP); omit for no limit. */
  rateLimit?: RateLimitOptions;
  /** Compresses what is compressed once and sent many times (OpenAPI document, CDN bundle); default brotli 11, gzip 9. */
  staticCompressor?: BodyCompressor;
  /** Proxy hops in front of the server whose `X-Forwarded-For` is trusted for the client IP (0: none). */
  trustProxy?: number;
  /**
   * Where requests are counted, and `/metrics` on this app when `expose` is set (a token
   * protects it); omit to count nothing (`/metrics` is then a 404, as when served on its own port).
   */
  metrics?: { sink: MetricsSink; expose?: MetricsRouteOptions };
}

const DEFAULT_BODY_LIMIT = '1mb';

/**
 * The Express application: security headers and request id first, then CORS preflight, public routes, keyed routes
 * (authentication, the per-key origin check, body parsing, handlers), and the error handler last.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('json spaces', 0);
  if (deps.trustProxy) app.set('trust proxy', deps.trustProxy);
  recordRoutePatterns(app);
  app.use(
    inSeries(
      securityHeaders(),
      strictTransportSecurity(),
      requestId(deps.newRequestId),
      requestLog(deps.logger),
      ...(deps.metrics ? [requestMetrics(deps.metrics.sink)] : []),
      // A malformed percent-escape, a NUL or a lone surrogate in the path or query is a 400 before any route.
      safeUrl(),
    ),
  );
  // br or gzip by Accept-Encoding for answers made per request. Routes that send stored bytes
  // (the cached catalog, the OpenAPI document, the CDN bundle and demo files, through
  // sendEncoded) are mounted before it: wrapping a response costs a cached answer a tenth of its
  // throughput even when it passes through untouched.
  const compress = compressResponses();
  const staticCompressor = deps.staticCompressor ?? createZlibCompressor(STATIC_LEVELS);

  const v1 = express.Router();
  v1.use(preflight());
  v1.get('/openapi.json', corsPublic(), openApiDocument({ version: deps.version, compressor: staticCompressor }));
  // Keyed routes: authenticate, hold a browser origin to the key's list, and only then parse a
  // body. Mounted per resource so a mistyped path is a 404 whether or not a key came with it.
  // A client over its write limit is refused before its body is read.
  const keyed = inSeries(
    authenticate(deps.keys),
    corsForKey(),
    ...(deps.rateLimit ? [rateLimit(deps.rateLimit)] : []),
    // JSON only: other media types are a 415.
    ...jsonBody({ limit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT, passThrough: CSV_MEDIA_TYPES }),
  );
  v1.use('/products', keyed, productsRouter(deps.catalog, deps.search, deps.responses));
  v1.use('/categories', keyed, categoriesRouter(deps.catalog, deps.responses));
  v1.use('/search', keyed, searchRouter(deps.search, deps.responses));
  // Everything below is compressed as it is sent.
  v1.use(compress);
  v1.use('/health', corsPublic(), healthRouter(deps.health));
  // Payment webhooks carry no API key: the signature over the raw body authenticates them.
  v1.use('/webhooks', webhooksRouter(deps.checkout.webhooks));
  const idempotent = idempotency(deps.checkout.idempotency, deps.logger);
  // The SDK retries a POST after a network error with the same key: an add must not count twice.
  v1.use('/carts', keyed, idempotent, cartsRouter(deps.commerce.carts));
  v1.use('/inventory', keyed, inventoryRouter(deps.commerce.inventory));
  v1.use('/checkout-sessions', keyed, idempotent, checkoutSessionsRouter(deps.checkout.sessions));
  v1.use('/orders', keyed, ordersRouter(deps.checkout.orders));
  // The console's sign-in, session, password resets and first-owner setup need no session.
  const staffLinks = deps.staff.linkOrigin ? { linkOrigin: deps.staff.linkOrigin } : {};
  v1.use(
    '/admin',
    adminSessionRouter({
      staff: deps.staff.services,
      limiter: deps.staff.limiter,
      jsonBody: jsonBody({ limit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT }),
      ...staffLinks,
    }),
  );
  // Every other admin route: a secret key or the console's session (CSRF-checked on writes), the
  // owner-only areas, the body, and the audit log entry of each write.
  v1.use(
    '/admin',
    inSeries(
      adminAuthenticate({ keys: deps.keys, sessions: deps.staff.services.sessions }),
      corsForKey(),
      ownerGate(),
      // JSON, except what the CSV import and image uploads read themselves: other media types are a 415.
      ...jsonBody({
        limit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
        passThrough: [...CSV_MEDIA_TYPES, ...UPLOAD_IMAGE_TYPES],
      }),
    ),
    auditWrites(deps.staff.services.audit, deps.logger),
  );
  v1.use('/admin/staff', adminStaffRouter(deps.staff.services.accounts, deps.staff.linkOrigin));
  v1.use('/admin/audit-log', adminAuditLogRouter(deps.staff.services.audit));
  // Admin handlers that take the shop currency read the settings last read: read them (cached for seconds) first.
  v1.use('/admin', async (_req: Request, _res: Response, next: NextFunction) => {
    await deps.settings.current();
    next();
  });
  v1.use('/admin/products', adminProductsRouter(deps.adminCatalog, deps.imports));
  v1.use('/admin/imports', adminImportsRouter(deps.imports));
  v1.use('/admin/inventory', idempotent, adminInventoryRouter(deps.commerce.inventory, deps.commerce.reservations));
  v1.use('/admin/coupons', idempotent, adminCouponsRouter(deps.commerce.coupons));
  v1.use('/admin/orders', idempotent, adminOrdersRouter(deps.checkout.orders));
  v1.use('/admin/payments', adminPaymentsRouter(deps.checkout.recovery));
  v1.use('/admin/keys', adminKeysRouter(deps.keyAdmin));
  v1.use('/admin/settings', adminSettingsRouter(deps.settings));
  app.use('/v1', v1, notFound());

  // Metrics, media made per request (SVG), demo pages: compressed as sent.
  app.use(compress);
  if (deps.metrics?.expose) app.use('/metrics', metricsRouter(deps.metrics.expose));
  if (deps.adminConsoleDir) app.use('/admin', adminConsoleRouter(deps.adminConsoleDir, staticCompressor));
  app.use(['/media', '/shoptag.js', '/shoptag.js.map', '/chunks'], publicAsset());
  if (deps.renditions) app.use('/media', renditionsRouter(deps.renditions));
  app.use('/media', uploadsRouter(deps.uploads));
  app.use('/media', mediaRouter(deps.renderProductImage));
  if (deps.demo) app.use(demoRouter(deps.demo, staticCompressor));
  app.use(notFoundPage());
  app.use(errorHandler(deps.logger));
  answerCachedReadsFirst(app, deps);
  return app;
}

/**
 * Puts the cached-read lane in front of the application: a storefront's catalog read that this
 * process holds in its response cache is answered there, with the same headers, log line and
 * metrics, without Express's per-request work; anything else goes on to the application. Done on
 * `app.handle`, which the app function calls for every request, so every server of this app
 * (`startServer`, tests, benchmarks) has it.
 */
function answerCachedReadsFirst(app: Express, deps: AppDeps): void {
  const lane = cachedReadLane({
    keys: deps.keys,
    responses: deps.responses,
    logger: deps.logger,
    metrics: deps.metrics?.sink,
    newRequestId: deps.newRequestId,
    trustProxy: deps.trustProxy,
  });
  const application = app as unknown as { handle(req: IncomingMessage, res: ServerResponse, next?: unknown): void };
  const handle = application.handle.bind(application);
  application.handle = (req, res, next) => {
    if (!lane(req, res)) handle(req, res, next);
  };
}
