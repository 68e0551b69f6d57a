import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { displayPath, formatBanner } from './banner.js';
import { systemClock } from './clock.js';
import { loadConfig, type StripeApiAddress } from './config.js';
import { answerClientErrors } from './http-client-error.js';
import { trackForDrain } from './http-drain.js';
import { createLogger, silentLogger, type Logger } from './logger.js';
import { currencyExponent } from '@shoptag/sdk/contract';
import { findAdminConsoleDir, findDemoShopDir, findElementsCdnDir, readPackageVersion } from './paths.js';
import { openRuntime } from './runtime.js';
import { wireCheckout } from './checkout-wiring.js';
import { renderProductImage } from './seed/product-image.js';
import { createApiKeyService, createKeyAdmin, hashKey, LAST_USED_INTERVAL_MS } from './services/keys/index.js';
import {
  createCatalogService,
  createProductFragments,
  createAdminCatalogService,
  createImportJobs,
  createShopifyImporter,
} from './services/catalog/index.js';
import { createOrderMailer, startRecoveryJob } from './services/checkout/index.js';
import { createMailTransport } from './services/mail/index.js';
import { createStaffMailer, createStaffServices } from './services/staff/index.js';
import { DEFAULT_SWEEP_INTERVAL_MS, startHoldSweeper } from './services/inventory/index.js';
import { createResponseCache } from './services/http/index.js';
import { createSearchService } from './services/search/index.js';
import { createImageRenditions, createUploadedImages, RENDITION_WIDTHS } from './services/media/index.js';
import { demoOrigins, ensureDemoKeys, type EnsuredDemoKeys } from './seed/demo-keys.js';
import { seedDemoOnce, type DemoSeedResult } from './seed/demo-seed.js';
import { createHealthService } from './services/health/index.js';
import { createFaultInjector } from './fault-injection.js';
import { createApiKeyRepository } from './store/api-key-repository.js';
import { createCategoryRepository } from './store/category-repository.js';
import { createProductRepository } from './store/product-repository.js';
import { createSearchRepository } from './store/search-repository.js';
import { createPgDb } from './store/pg-driver.js';
import { createReadRouter } from './store/read-router.js';
import { metricsRouter } from './api/metrics/route.js';
import { errorHandler } from './api/middleware/error-handler.js';
import { createPrometheusMetrics } from './metrics/prometheus-metrics.js';
import express from 'express';
import { wireSettings } from './settings-wiring.js';

export interface StartServerOptions {
  /** Environment to configure from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Overrides PORT; 0 picks a free port. */
  port?: number;
  /** Overrides HOST. */
  host?: string;
  /** Overrides SHOPTAG_DATA_DIR. */
  dataDir?: string;
  /** PGlite in memory (even when DATABASE_URL is set); nothing is written to the data directory. */
  memory?: boolean;
  /**
   * The demo (`shoptag-server start --demo`): test keys kept in the data directory (printed when
   * created), and — once per install — the demo catalogue into an empty catalogue and the demo
   * coupons. Off by default: a production start seeds nothing and creates no key.
   */
  demo?: boolean;
  /**
   * With `demo`: seed the demo's catalogue and coupons the first time (`true`, the default),
   * replace the catalogue with the demo's (`'reset'`), or make the demo keys only (`false`).
   */
  seed?: boolean | 'reset';
  /** Origins allowed for the demo publishable key, besides the server's own; `*` allows any. */
  allowedOrigins?: string[];
  /** Print nothing (no banner, no logs). */
  quiet?: boolean;
  /** How often lapsed stock holds are released (default every 30 s, or every hold TTL when that is shorter). */
  holdSweepIntervalMs?: number;
  /**
   * Sends the `stripe` library's requests here instead of Stripe's API (with STRIPE_SECRET_KEY
   * set): tests point it at a local stand-in, as there is no network.
   */
  stripeApi?: StripeApiAddress;
  /** Overrides SHOPTAG_METRICS_PORT; 0 picks a free port (tests). */
  metricsPort?: number;
}

export interface StartedServer {
  /** Base URL, e.g. `http://localhost:3000`. */
  url: string;
  port: number;
  /** How long {@link close} lets requests in flight finish before cutting their connections. */
  drainTimeoutMs: number;
  /** `/metrics` on a listener of its own (SHOPTAG_METRICS_PORT), or null. */
  metricsUrl: string | null;
  /**
   * On an install without any staff account: the one-time link (a day) that creates the first
   * owner, as the banner prints it; otherwise null.
   */
  setupUrl: string | null;
  /**
   * Stops accepting connections, answers every request already received (with
   * `Connection: close`), closes idle keep-alive connections, stops a running import after its
   * current chunk (the job says cancelled), then closes the pools.
   */
  close(): Promise<void>;
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** A server started with `demo: true`: its test keys. */
export interface StartedDemoServer extends StartedServer {
  publishableKey: string;
  secretKey: string;
}

/** Listens, turning the usual failures into messages that say what to do. */
async function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  server.listen(port, host);
  try {
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]: unknown[]) => Promise.reject(error)),
    ]);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const where = `${host ?? 'every interface'} port ${port}`;
    if (code === 'EADDRINUSE')
      throw new Error(
        `Port ${port} is already in use. Stop the other server or pick another port (PORT=… or --port …).`,
        { cause: error },
      );
    if (code === 'EACCES')
      throw new Error(
        `No permission to listen on ${where}. Ports below 1024 need privileges; pick another (PORT=… or --port …).`,
        { cause: error },
      );
    if (code === 'EADDRNOTAVAIL')
      throw new Error(`Cannot listen on ${where}: HOST is not an address of this machine.`, { cause: error });
    throw error;
  }
}

/**
 * Starts the reference server: reads the configuration, opens and migrates the database, and
 * listens. With `demo`, it also seeds the demo once per install and makes sure demo keys exist.
 */
export async function startServer(options: StartServerOptions & { demo: true }): Promise<StartedDemoServer>;
export async function startServer(options?: StartServerOptions): Promise<StartedServer>;
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer | StartedDemoServer> {
  const started = Date.now();
  const clock = systemClock;
  const base = loadConfig(options.env ?? process.env);
  const config = {
    ...base,
    port: options.port ?? base.port,
    host: options.host ?? base.host,
    dataDir: options.dataDir ?? base.dataDir,
    allowedOrigins: [...base.allowedOrigins, ...(options.allowedOrigins ?? [])],
    stripe: base.stripe && options.stripeApi ? { ...base.stripe, api: options.stripeApi } : base.stripe,
  };
  const logger: Logger = options.quiet ? silentLogger : createLogger(config.logLevel, undefined, config.logFormat);
  const memory = options.memory === true;
  const runtime = await openRuntime({ config, clock, memory, logger });
  try {
    const demo = options.demo === true;
    const seed: DemoSeedResult | null =
      demo && options.seed !== false
        ? await seedDemoOnce(runtime.db, {
            clock,
            currency: config.currency,
            minorPerMajor: 10 ** currencyExponent(config.currency),
            reset: options.seed === 'reset',
          })
        : null;
    const keyRepository = createApiKeyRepository(runtime.db);
    const keysFile = memory ? null : join(config.dataDir, 'keys.json');
    const keys: EnsuredDemoKeys | null = demo
      ? await ensureDemoKeys({
          keys: keyRepository,
          file: keysFile,
          origins: demoOrigins(config.port, config.host, config.allowedOrigins),
        })
      : null;
    const products = createProductRepository(runtime.db);
    const keyService = createApiKeyService({ keys: keyRepository, clock });
    const flushKeyUse = () =>
      keyService
        .flushLastUsed()
        .catch((error: unknown) =>
          logger.warn(`recording keys' last use failed: ${error instanceof Error ? error.message : String(error)}`),
        );
    const keyAdmin = createKeyAdmin({
      db: runtime.db,
      clock,
      onChange: () => keyService.invalidate(),
      // A list shows this process's latest uses too, not only those recorded by the last minute's flush.
      beforeList: flushKeyUse,
    });
    const version = readPackageVersion();
    const shopDir = findDemoShopDir();
    const categories = createCategoryRepository(runtime.db);
    // Catalog reads go to the replicas (round robin, primary when none answers); writes stay on the primary.
    const replicas =
      !memory && config.databaseUrl
        ? config.databaseReplicaUrls.map((url, i) =>
            createPgDb({ connectionString: url, applicationName: `shoptag-server-replica-${i + 1}` }),
          )
        : [];
    if (config.databaseReplicaUrls.length > 0 && replicas.length === 0) {
      logger.warn(
        'DATABASE_REPLICA_URLS is ignored: replicas need DATABASE_URL (the embedded database reads from itself)',
      );
    }
    const reads =
      replicas.length > 0
        ? createReadRouter({
            primary: runtime.db,
            replicas,
            onReplicaDown: (replica) => logger.warn(`read replica unreachable, using another: ${replica.description}`),
          })
        : runtime.db;
    const readProducts = createProductRepository(reads);
    const readCategories = createCategoryRepository(reads);
    // Metrics of this server alone (a registry of its own); served per SHOPTAG_METRICS_TOKEN/PORT.
    const metrics = createPrometheusMetrics({
      pools: [
        { name: 'primary', poolStats: () => runtime.db.poolStats?.() ?? { total: 0, idle: 0, waiting: 0 } },
        ...replicas.map((r, i) => ({
          name: `replica_${i + 1}`,
          poolStats: () => r.poolStats?.() ?? { total: 0, idle: 0, waiting: 0 },
        })),
      ],
    });
    const metricsPort = options.metricsPort ?? config.metrics.port;
    const responses = createResponseCache({ cache: runtime.cache, clock, metrics: metrics.sink });
    const uploads = createUploadedImages({ db: runtime.db, clock });
    const renditions = createImageRenditions({
      // Renditions depend only on the image id, so in-memory servers can share one directory.
      cacheDir: memory ? join(tmpdir(), 'shoptag-media-cache') : join(config.dataDir, 'media'),
      loadSource: async (imageId) => renderProductImage(imageId) ?? (await uploads.load(imageId))?.bytes ?? null,
      onError: (error) =>
        logger.warn(`image rendition failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    /** The server's own URL, once it listens (the demo's order page is there). */
    let ownUrl: string | null = null;
    const settings = wireSettings({
      config,
      db: runtime.db,
      clock,
      logger,
      env: options.env ?? process.env,
      demo,
      // Currency and shipping show in cached catalogue answers' neighbours (carts, estimates): start afresh everywhere.
      onChange: () => responses.invalidate(),
    });
    const mailer = createOrderMailer({
      smtpUrl: config.smtpUrl,
      outboxDir: join(config.dataDir, 'outbox'),
      locale: config.email.locale ?? undefined,
      settings: () => ({
        // The settings this process last read: every order is placed after reading them.
        shopName: settings.latest().shopName,
        shopCountry: settings.latest().pricing.defaultCountry,
        orderUrl:
          config.email.orderUrl ??
          (keys !== null && shopDir !== null && ownUrl ? `${ownUrl}/order.html#order={id}&token={token}` : null),
      }),
    });
    const staff = createStaffServices({
      db: runtime.db,
      clock,
      limiter: runtime.signInLimiter,
      mailer: createStaffMailer({
        transport: createMailTransport({ smtpUrl: config.smtpUrl, outboxDir: join(config.dataDir, 'outbox') }),
        shopName: () => settings.latest().shopName,
      }),
      idleMs: config.staff.sessionIdleMs,
      absoluteMs: config.staff.sessionMaxMs,
    });
    const { commerce, checkout } = wireCheckout(
      config,
      runtime,
      clock,
      logger,
      {
        onOrderPlaced: async (order) => void (await mailer.sendConfirmation(order)),
        notifier: { shipped: (o, f) => mailer.sendShipped(o, f), refunded: (o, r) => mailer.sendRefunded(o, r) },
        idempotencyLeaseMs: config.idempotencyLeaseMs,
        faults: createFaultInjector(config.faultKillAt),
        metrics: metrics.sink,
      },
      settings,
    );
    const imports = createImportJobs({
      db: runtime.db,
      clock,
      logger,
      importer: createShopifyImporter({
        db: runtime.db,
        // The shop currency in force (saved settings over SHOPTAG_CURRENCY), read when an import starts.
        get currency() {
          return settings.latest().currency;
        },
        invalidate: () => responses.invalidate(),
      }),
    });
    if (config.faultKillAt)
      logger.warn(
        `SHOPTAG_FAULT_KILL_AT=${config.faultKillAt}: this process kills itself at that step of every checkout (tests only)`,
      );
    const app = createApp({
      version,
      logger,
      keys: keyService,
      keyAdmin,
      catalog: createCatalogService({
        products: readProducts,
        categories: readCategories,
        fragments: createProductFragments({
          clock,
          maxBytes: config.productCacheMb * 1024 * 1024,
          metrics: metrics.sink,
        }),
      }),
      search: createSearchService({
        search: createSearchRepository(reads),
        products: readProducts,
        categories: readCategories,
      }),
      responses,
      adminCatalog: createAdminCatalogService({
        db: runtime.db,
        clock,
        uploads,
        products,
        categories,
        // Read per product written; admin requests refresh the settings first (see app.ts).
        get currency() {
          return settings.latest().currency;
        },
        invalidate: () => responses.invalidate(),
      }),
      imports,
      commerce,
      checkout,
      settings,
      health: createHealthService({
        db: runtime.db,
        cache: runtime.cache,
        payments: runtime.payments,
        version,
        // Asked only by requests, so after `http` below exists.
        draining: () => http.draining,
      }),
      renderProductImage: (imageId) => renderProductImage(imageId),
      uploads,
      renditions,
      // The owner's console, in every mode.
      adminConsoleDir: findAdminConsoleDir(),
      // The CDN bundle is served in every mode; the demo shop at `/` only with the demo's key.
      demo: {
        shopDir: keys ? shopDir : null,
        cdnDir: findElementsCdnDir(),
        publishableKey: keys?.publishableKey ?? '',
        frameAncestors: config.frameAncestors,
      },
      ...(runtime.rateLimiter && config.rateLimitPerMinute !== null
        ? { rateLimit: { limiter: runtime.rateLimiter, limit: config.rateLimitPerMinute, windowMs: 60_000 } }
        : {}),
      staff: {
        services: staff,
        limiter: runtime.signInLimiter,
        // Links in emails never come from a request's Host header.
        linkOrigin: () => config.staff.publicUrl ?? ownUrl,
      },
      trustProxy: config.trustProxy,
      metrics: {
        sink: metrics.sink,
        // On the public app only with a token; a port of their own keeps them off it.
        ...(config.metrics.token !== null && metricsPort === null
          ? { expose: { metrics, token: config.metrics.token } }
          : {}),
      },
    });
    const server = createServer(app);
    const http = trackForDrain(server);
    answerClientErrors(server);
    await listen(server, config.port, config.host);
    let metricsServer: Server | null = null;
    let metricsUrl: string | null = null;
    if (metricsPort !== null) {
      const metricsApp = express();
      metricsApp.disable('x-powered-by');
      metricsApp.use('/metrics', metricsRouter({ metrics, token: config.metrics.token }));
      metricsApp.use(errorHandler(logger));
      metricsServer = createServer(metricsApp);
      try {
        await listen(metricsServer, metricsPort, config.host);
      } catch (error) {
        server.close();
        throw new Error(`metrics (SHOPTAG_METRICS_PORT): ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      metricsUrl = `http://${urlHost(config.host)}:${(metricsServer.address() as AddressInfo).port}/metrics`;
      logger.info(`metrics served at ${metricsUrl}`);
    }
    const keyUseTimer = setInterval(() => void flushKeyUse(), LAST_USED_INTERVAL_MS);
    keyUseTimer.unref();
    // A hold shorter than the default interval is swept at least once per hold lifetime.
    const sweepMs = options.holdSweepIntervalMs ?? Math.min(DEFAULT_SWEEP_INTERVAL_MS, config.commerce.holdTtlMs);
    const sweeper = startHoldSweeper({
      reservations: commerce.reservations,
      locks: runtime.locks,
      logger,
      intervalMs: sweepMs,
      metrics: metrics.sink,
    });
    const recoveryJob = startRecoveryJob({
      recovery: checkout.recovery,
      locks: runtime.locks,
      logger,
      intervalMs: config.recovery.intervalMs,
      metrics: metrics.sink,
    });
    const port = (server.address() as AddressInfo).port;
    if (keys && port !== config.port) {
      await keyRepository.setAllowedOrigins(
        hashKey(keys.publishableKey),
        demoOrigins(port, config.host, config.allowedOrigins),
      );
      keyService.invalidate();
    }
    const url = `http://${urlHost(config.host)}:${port}`;
    ownUrl = url;
    // An install without any staff account: a one-time link (a day) to create the first owner.
    const setupLink = await staff.accounts.createSetupLink(config.staff.publicUrl ?? url);
    // The demo catalog's small WebP renditions, made after start so the first run is not slower.
    if (!memory) renditions.warm(await products.renderedImageIds(), RENDITION_WIDTHS.slice(0, 2), ['webp']);
    if (!options.quiet) {
      process.stdout.write(
        formatBanner({
          version,
          database:
            runtime.db.kind === 'pglite' && !memory
              ? `PGlite (embedded) at ${displayPath(join(config.dataDir, 'data'))}`
              : runtime.db.description,
          replicaCount: replicas.length,
          cache: runtime.cache.description,
          payments: runtime.payments.description,
          rateLimitPerMinute: config.rateLimitPerMinute,
          products: await products.countAll(),
          seededInMs: seed?.catalog?.seeded ? seed.catalog.durationMs : null,
          keys: keys
            ? {
                demo: true,
                publishableKey: keys.publishableKey,
                secretKey: keys.secretKey,
                created: keys.created,
                file: keysFile,
              }
            : { demo: false, active: await keyAdmin.countActive() },
          url,
          demoShop: keys !== null && shopDir !== null,
          readyInMs: Date.now() - started,
          console: setupLink === null ? { setupLink: null } : { setupLink },
        }),
      );
    }
    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      ...(keys ? { publishableKey: keys.publishableKey, secretKey: keys.secretKey } : {}),
      drainTimeoutMs: config.drainTimeoutMs,
      metricsUrl,
      setupUrl: setupLink,
      close() {
        if (!closing) {
          // A running import stops after its current chunk while requests in flight finish.
          const importsStopped = imports.shutdown();
          // Scrapes may go on while requests drain; the metrics listener closes with the pools.
          const metricsClosed = () =>
            new Promise<void>((resolve) => {
              if (!metricsServer) return resolve();
              metricsServer.close(() => resolve());
              metricsServer.closeAllConnections();
            });
          closing = http
            .drain(config.drainTimeoutMs)
            .then(({ cut }) => {
              if (cut > 0)
                logger.warn(
                  `${cut} connection(s) still busy after the drain timeout (SHOPTAG_DRAIN_TIMEOUT_SECONDS) were cut`,
                );
            })
            .finally(() => importsStopped)
            .finally(() => Promise.allSettled([sweeper.stop(), recoveryJob.stop()]))
            .finally(() => {
              clearInterval(keyUseTimer);
              return flushKeyUse();
            })
            .finally(() => Promise.allSettled(replicas.map((r) => r.close())))
            .finally(metricsClosed)
            .finally(() => runtime.close());
        }
        return closing;
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** Time beyond the drain timeout for closing pools before a stuck shutdown exits anyway. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Stops the server on SIGINT/SIGTERM: it drains, closes its pools and exits 0, or exits 1 when
 * that fails or outlasts the drain timeout by {@link CLOSE_GRACE_MS}; a second signal exits at
 * once. Pass the starting server's promise to install the handlers before it is ready: a
 * supervisor that signals as soon as the banner appears then still gets a clean stop.
 */
export function closeOnSignals(
  server: StartedServer | Promise<StartedServer>,
  logger: Logger = createLogger('info'),
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    Promise.resolve(server)
      .then((started) => {
        setTimeout(() => {
          logger.error('shutdown did not finish in time; exiting');
          process.exit(1);
        }, started.drainTimeoutMs + CLOSE_GRACE_MS).unref();
        return started.close();
      })
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
