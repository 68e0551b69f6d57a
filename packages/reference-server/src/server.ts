import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config.js';
import { drainAndClose } from './http-drain.js';
import { createLogger, silentLogger, type Logger } from './logger.js';
import { findDemoShopDir, findElementsCdnDir, readPackageVersion } from './paths.js';
import { openRuntime } from './runtime.js';
import { renderProductImage } from './seed/product-image.js';
import { generateDemoCatalog } from './seed/demo-catalog.js';
import { createApiKeyService, hashKey } from './services/api-keys.js';
import { createCatalogService } from './services/catalog-service.js';
import { demoOrigins, ensureDemoKeys } from './services/demo-keys.js';
import { createHealthService } from './services/health-service.js';
import { seedCatalog, type SeedResult } from './services/seed-service.js';
import { createApiKeyRepository } from './store/api-key-repository.js';
import { createCategoryRepository } from './store/category-repository.js';
import { createProductRepository } from './store/product-repository.js';

export interface StartServerOptions {
  /** Environment to configure from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Overrides PORT; 0 picks a free port. */
  port?: number;
  /** Overrides HOST. */
  host?: string;
  /** Overrides SHOPTAG_DATA_DIR. */
  dataDir?: string;
  /** Embedded database in memory instead of `<dataDir>/data`; keys are not written to disk. */
  memory?: boolean;
  /** Seed the demo catalog when the database has none (`true`, the default), always (`'reset'`), or never. */
  seed?: boolean | 'reset';
  /** Origins allowed for the demo publishable key, besides the server's own; `*` allows any. */
  allowedOrigins?: string[];
  /** Print nothing (no banner, no logs). */
  quiet?: boolean;
}

export interface StartedServer {
  /** Base URL, e.g. `http://localhost:3000`. */
  url: string;
  port: number;
  publishableKey: string;
  secretKey: string;
  /** Stops accepting connections, lets requests in flight finish, then closes the pools. */
  close(): Promise<void>;
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** A path relative to the working directory when it is inside it, for shorter banners. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

function describeSeed(seed: SeedResult | null, products: number): string {
  if (seed?.seeded) return `${seed.products} products (seeded just now in ${(seed.durationMs / 1000).toFixed(1)} s)`;
  return `${products} products`;
}

/**
 * Starts the reference server: reads the configuration, opens and migrates the database, seeds
 * the demo catalog, makes sure demo keys exist, and listens.
 */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const started = Date.now();
  const clock = systemClock;
  const base = loadConfig(options.env ?? process.env);
  const config = {
    ...base,
    port: options.port ?? base.port,
    host: options.host ?? base.host,
    dataDir: options.dataDir ?? base.dataDir,
    allowedOrigins: [...base.allowedOrigins, ...(options.allowedOrigins ?? [])],
  };
  const logger: Logger = options.quiet ? silentLogger : createLogger(config.logLevel);
  const memory = options.memory === true && !config.databaseUrl;
  const runtime = await openRuntime({ config, clock, memory });
  try {
    const seed = options.seed === false ? null : await seedCatalog(runtime.db, () => generateDemoCatalog(), { reset: options.seed === 'reset', clock });
    const keyRepository = createApiKeyRepository(runtime.db);
    const keysFile = memory ? null : join(config.dataDir, 'keys.json');
    const keys = await ensureDemoKeys({ keys: keyRepository, file: keysFile, origins: demoOrigins(config.port, config.host, config.allowedOrigins) });
    const products = createProductRepository(runtime.db);
    const keyService = createApiKeyService({ keys: keyRepository, clock });
    const version = readPackageVersion();
    const shopDir = findDemoShopDir();
    const app = createApp({
      version,
      logger,
      keys: keyService,
      catalog: createCatalogService({ products, categories: createCategoryRepository(runtime.db) }),
      health: createHealthService({ db: runtime.db, cache: runtime.cache, payments: runtime.payments, version }),
      renderProductImage: (imageId) => renderProductImage(imageId),
      demo: { shopDir, cdnDir: findElementsCdnDir(), publishableKey: keys.publishableKey },
    });
    const server = createServer(app);
    server.listen(config.port, config.host);
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]: unknown[]) => Promise.reject(error))]);
    const port = (server.address() as AddressInfo).port;
    if (port !== config.port) {
      await keyRepository.setAllowedOrigins(hashKey(keys.publishableKey), demoOrigins(port, config.host, config.allowedOrigins));
      keyService.invalidate();
    }
    const url = `http://${urlHost(config.host)}:${port}`;
    if (!options.quiet) {
      const lines = [
        `Shoptag reference server ${version}`,
        `  database  ${runtime.db.kind === 'pglite' && !memory ? `PGlite (embedded) at ${shown(join(config.dataDir, 'data'))}` : runtime.db.description}`,
        `  cache     ${runtime.cache.description}`,
        `  payments  ${runtime.payments.description}`,
        `  catalog   ${describeSeed(seed, await products.countAll())}`,
        `  keys      publishable ${keys.publishableKey}   secret ${keys.secretKey}${keysFile ? `  (stored in ${shown(keysFile)})` : ''}`,
        shopDir ? `  demo shop ${url}` : `  api       ${url}/v1`,
        `  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      publishableKey: keys.publishableKey,
      secretKey: keys.secretKey,
      close() {
        closing ??= drainAndClose(server).finally(() => runtime.close());
        return closing;
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** Stops the server on SIGINT/SIGTERM; a second signal exits at once. */
export function closeOnSignals(server: StartedServer, logger: Logger = createLogger('info')): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    server.close().then(
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
