/**
 * The Shoptag reference server: the storefront and admin API on PostgreSQL (or embedded PGlite),
 * Redis (or in-process) and Stripe (or simulated payments).
 */
export { createApp } from './app.js';
export type { AppDeps } from './app.js';
export { loadConfig, ConfigError } from './config.js';
export type { Config, StripeApiAddress } from './config.js';
export { startServer } from './server.js';
export { MigrationChangedError } from './store/migrate.js';
export type { StartServerOptions, StartedServer, StartedDemoServer } from './server.js';
