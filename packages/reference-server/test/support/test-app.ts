// Builds the real app on a test database: migrated, seeded with a given catalog, with demo keys.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../src/app.js';
import { answerClientErrors } from '../../src/http-client-error.js';
import { type Clock, systemClock } from '../../src/clock.js';
import { createMemoryCache } from '../../src/cache/memory-cache.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { createSimulatedPayments } from '../../src/payments/simulated.js';
import { meteredPayments } from '../../src/payments/metered-payments.js';
import type { SeedCatalog } from '../../src/seed/seed-types.js';
import { createApiKeyService, createKeyAdmin } from '../../src/services/keys/index.js';
import {
  createCatalogService,
  createAdminCatalogService,
  createImportJobs,
  createShopifyImporter,
  type ImportJobs,
  type ImportJobsDeps,
} from '../../src/services/catalog/index.js';
import { createCommerceServices, type CommerceServices } from '../../src/services/commerce.js';
import { createCheckoutServices, type CheckoutServices } from '../../src/services/checkout/index.js';
import { defaultCheckoutPricing, type CheckoutPricingConfig } from '../../src/services/pricing/index.js';
import type { PaymentProvider } from '../../src/payments/payment-provider.js';
import type { FaultInjector } from '../../src/fault-injection.js';
import type { Order } from '@shoptag/sdk/contract';
import type { OrderNotifier } from '../../src/services/checkout/index.js';
import type { Cache } from '../../src/cache/cache.js';
import { loadConfig, type CommerceConfig } from '../../src/config.js';
import { createResponseCache, type BodyCompressor } from '../../src/services/http/index.js';
import { createSearchService } from '../../src/services/search/index.js';
import { createSettingsService, settingsFallbackOf } from '../../src/services/settings/index.js';
import { createSearchRepository } from '../../src/store/search-repository.js';
import { ensureDemoKeys } from '../../src/seed/demo-keys.js';
import { createHealthService } from '../../src/services/health/index.js';
import { createUploadedImages } from '../../src/services/media/index.js';
import { seedCatalog } from '../../src/seed/seed-service.js';
import { createApiKeyRepository } from '../../src/store/api-key-repository.js';
import { createCategoryRepository } from '../../src/store/category-repository.js';
import type { Db } from '../../src/store/db.js';
import type { MetricsSink } from '../../src/metrics/metrics-sink.js';
import { createProductRepository } from '../../src/store/product-repository.js';
import { createMemoryRateLimiter } from '../../src/cache/memory-rate-limiter.js';
import type { RateLimiter } from '../../src/cache/rate-limiter.js';
import {
  createStaffServices,
  type PasswordLinkEmail,
  type SignInLimit,
  type StaffServices,
} from '../../src/services/staff/index.js';

export interface RequestOptions {
  method?: string;
  /** Bearer key; default the publishable key, `null` for none. */
  key?: string | null;
  headers?: Record<string, string>;
  body?: string;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown;
}

export interface TestApp {
  url: string;
  publishableKey: string;
  secretKey: string;
  /** The Express application itself (to inspect what it mounts). */
  express: Express;
  /** A request with the publishable key (or `key`), answering status, headers and parsed JSON. */
  request(path: string, init?: RequestOptions): Promise<TestResponse>;
  /** The cart, coupon and stock services the app uses. */
  commerce: CommerceServices;
  /** Checkout sessions, orders and webhooks the app uses. */
  checkout: CheckoutServices;
  /** The import jobs of this app's process (`shutdown()` is what SIGTERM does to them). */
  imports: ImportJobs;
  /** Writes the keys' last uses seen so far (the server does it every minute and on close). */
  flushKeyUse(): Promise<void>;
  /** Staff accounts, sessions and the audit log of this app. */
  staff: StaffServices;
  /** Set-password emails (resets, invitations) the app has sent, oldest first. */
  staffEmails: PasswordLinkEmail[];
  /** Forgets cached catalog responses (after writing to the database directly). */
  invalidateCache(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  catalog: SeedCatalog;
  /** Allowed origins of the publishable key. */
  origins?: string[];
  clock?: Clock;
  logger?: Logger;
  /** Replaces parts of the app's dependencies (a failing service …). */
  overrides?: Partial<AppDeps>;
  /** Commerce settings over the defaults (max line quantity, TTLs, pricing). */
  commerce?: Partial<CommerceConfig>;
  /** The cache the commerce services use (default in-process). */
  cache?: Cache;
  /**
   * How long the response cache trusts the generation it read (default 0: tests that write the
   * database directly see it at once; the cached-read lane answers only within this time).
   */
  generationTtlMs?: number;
  /** The cache the catalog response cache keeps its entries in (default in-process). */
  responseStore?: Cache;
  /** Compresses cached catalog responses (default node:zlib), e.g. one that counts its calls. */
  compressor?: BodyCompressor;
  /** The payment provider (default the simulated one on this database). */
  payments?: PaymentProvider;
  /** Shipping zones and tax (default from the commerce pricing). */
  checkoutPricing?: CheckoutPricingConfig;
  /** Settings TTL of this app (default 0: a save in another app on the same database applies at once). */
  settingsTtlMs?: number;
  /** Called once per order placed. */
  onOrderPlaced?: (order: Order) => Promise<void>;
  /** Emails shipments and refunds (default: nobody is told). */
  notifier?: OrderNotifier;
  /** Import job settings (heartbeat, abandon time, queue size). */
  imports?: Pick<ImportJobsDeps, 'heartbeatMs' | 'abandonAfterMs' | 'maxPending'>;
  /** Crash points of the placement (tests throw there to leave what a crash leaves). */
  faults?: FaultInjector;
  /** Console sessions and sign-in limits (default: the configuration's defaults). */
  staff?: { idleMs?: number; absoluteMs?: number; signInLimits?: readonly SignInLimit[]; limiter?: RateLimiter };
  /** Where the app and its services count (requests, cache lookups, holds, orders, payments); default nothing. */
  metrics?: MetricsSink;
}

export async function startTestApp(db: Db, options: TestAppOptions): Promise<TestApp> {
  const clock = options.clock ?? systemClock;
  await seedCatalog(db, () => options.catalog, { reset: true, clock });
  const keyRepository = createApiKeyRepository(db);
  const keys = await ensureDemoKeys({
    keys: keyRepository,
    file: null,
    origins: options.origins ?? ['https://shop.example'],
  });
  const metrics = options.metrics ? { metrics: options.metrics } : {};
  const responses = createResponseCache({
    cache: options.responseStore ?? createMemoryCache({ clock }),
    clock,
    generationTtlMs: options.generationTtlMs ?? 0,
    ...(options.compressor ? { compressor: options.compressor } : {}),
    ...metrics,
  });
  const commerceConfig = { ...loadConfig({}).commerce, ...options.commerce };
  // Saved settings win over the test's commerce config, as over the environment in the server.
  const settings = createSettingsService({
    db,
    clock,
    ttlMs: options.settingsTtlMs ?? 0,
    fallback: settingsFallbackOf({ env: {}, shopName: 'Shoptag', currency: 'USD', pricing: commerceConfig.pricing }),
    onChange: () => responses.invalidate(),
  });
  const commerce = createCommerceServices({
    db,
    cache: options.cache ?? createMemoryCache({ clock }),
    clock,
    config: commerceConfig,
    ...metrics,
    ...(options.checkoutPricing ? {} : { pricing: settings.pricing }),
  });
  const checkout = createCheckoutServices({
    db,
    clock,
    logger: options.logger ?? silentLogger,
    commerce,
    payments: options.metrics
      ? meteredPayments(options.payments ?? createSimulatedPayments({ db, clock }), options.metrics)
      : (options.payments ?? createSimulatedPayments({ db, clock })),
    pricing: options.checkoutPricing ?? (async () => defaultCheckoutPricing(await settings.pricing())),
    ...metrics,
    holdTtlMs: commerceConfig.holdTtlMs,
    ...(options.onOrderPlaced ? { onOrderPlaced: options.onOrderPlaced } : {}),
    ...(options.notifier ? { notifier: options.notifier } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const imports = createImportJobs({
    db,
    clock,
    logger: options.logger ?? silentLogger,
    importer: createShopifyImporter({ db, currency: 'USD', invalidate: () => responses.invalidate() }),
    ...options.imports,
  });
  const keyService = createApiKeyService({ keys: keyRepository, clock });
  const uploads = createUploadedImages({ db, clock });
  const staffEmails: PasswordLinkEmail[] = [];
  const staffLimiter = options.staff?.limiter ?? createMemoryRateLimiter({ clock });
  const staffConfig = loadConfig({}).staff;
  const staff = createStaffServices({
    db,
    clock,
    limiter: staffLimiter,
    mailer: { sendPasswordLink: async (email) => void staffEmails.push(email) },
    idleMs: options.staff?.idleMs ?? staffConfig.sessionIdleMs,
    absoluteMs: options.staff?.absoluteMs ?? staffConfig.sessionMaxMs,
    ...(options.staff?.signInLimits ? { signInLimits: options.staff.signInLimits } : {}),
  });
  const app = createApp({
    version: '0.0.0-test',
    logger: options.logger ?? silentLogger,
    keys: keyService,
    keyAdmin: createKeyAdmin({
      db,
      clock,
      onChange: () => keyService.invalidate(),
      beforeList: () => keyService.flushLastUsed(),
    }),
    catalog: createCatalogService({ products: createProductRepository(db), categories: createCategoryRepository(db) }),
    search: createSearchService({
      search: createSearchRepository(db),
      products: createProductRepository(db),
      categories: createCategoryRepository(db),
    }),
    responses,
    adminCatalog: createAdminCatalogService({
      db,
      clock,
      uploads,
      products: createProductRepository(db),
      categories: createCategoryRepository(db),
      currency: 'USD',
      invalidate: () => responses.invalidate(),
    }),
    imports,
    health: createHealthService({
      db,
      cache: createMemoryCache({ clock }),
      payments: createSimulatedPayments({ db, clock }),
      version: '0.0.0-test',
    }),
    renderProductImage: () => null,
    uploads,
    commerce,
    checkout,
    staff: { services: staff, limiter: staffLimiter },
    settings,
    ...(options.metrics ? { metrics: { sink: options.metrics } } : {}),
    ...options.overrides,
  });
  const server = createServer(app);
  answerClientErrors(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    publishableKey: keys.publishableKey,
    secretKey: keys.secretKey,
    express: app,
    commerce,
    checkout,
    imports,
    staff,
    staffEmails,
    async request(path, init = {}) {
      const key = init.key === undefined ? keys.publishableKey : init.key;
      const headers: Record<string, string> = {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...init.headers,
      };
      const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body };
    },
    flushKeyUse: () => keyService.flushLastUsed(),
    invalidateCache: () => responses.invalidate(),
    async close() {
      await imports.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
