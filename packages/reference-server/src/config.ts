import { resolve } from 'node:path';
import { z } from 'zod';
import { CurrencyCode } from '@shoptag/sdk/contract';
import { DEFAULT_FRAME_ANCESTORS } from './api/demo/page-security.js';
import { SHOPTAG_VARIABLE_NAMES } from './config-variables.js';
import { DRAIN_TIMEOUT_MS } from './http-drain.js';
import { FAULT_POINTS, type FaultPoint } from './fault-injection.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './logger.js';
import {
  parseMajorUnits,
  parseTaxRates,
  type PricingConfig,
  defaultShippingZones,
  readShippingFile,
} from './services/pricing/index.js';

/** The server's settings, parsed from the environment once at startup. */
export interface Config {
  port: number;
  /** Interface to listen on; `undefined` listens on every interface (IPv4 and IPv6). */
  host: string | undefined;
  databaseUrl: string | undefined;
  databaseReplicaUrls: string[];
  redisUrl: string | undefined;
  stripe:
    | {
        secretKey: string;
        publishableKey: string | undefined;
        webhookSecret: string | undefined;
        /** Where Stripe's API is; Stripe's own host unless a test points it at a local stand-in. */
        api?: StripeApiAddress;
      }
    | undefined;
  /** Where order emails go (`smtp://…`); without it they are written to `<dataDir>/outbox/` as `.eml` files. */
  smtpUrl: string | undefined;
  /** How order emails speak for the shop; null fields take the mode's default (see server.ts). */
  email: { shopName: string | null; locale: string | null; orderUrl: string | null };
  /** Absolute path of the data directory (embedded database, generated keys). */
  dataDir: string;
  currency: string;
  /** Extra origins allowed for the demo publishable key; `*` allows any. */
  allowedOrigins: string[];
  logLevel: LogLevel;
  /** Memory (MB) each process gives to products serialized for reuse by uncached list pages; 0 turns reuse off. */
  productCacheMb: number;
  /** Writes per minute one storefront client (publishable key + IP) may send; null: no limit. */
  rateLimitPerMinute: number | null;
  /** Proxy hops in front of the server trusted for the client IP (`X-Forwarded-For`); 0 trusts none. */
  trustProxy: number;
  /** How long requests in flight may take to finish after SIGTERM before their connections are cut. */
  drainTimeoutMs: number;
  /** Who may frame the demo pages: CSP `frame-ancestors` sources (`'self'`, `'none'` or origins). */
  frameAncestors: readonly string[];
  /** Carts, stock holds and the price estimate. */
  commerce: CommerceConfig;
  /** The job that finishes placements cut short by a crash. */
  recovery: RecoveryConfig;
  /** How long a running request holds its Idempotency-Key without renewing it (its process died). */
  idempotencyLeaseMs: number;
  /** Console sessions and the links in staff emails. */
  staff: StaffConfig;
  /** Test only: the placement step at which the process SIGKILLs itself (`SHOPTAG_FAULT_KILL_AT`). */
  faultKillAt: FaultPoint | null;
  /** Observability: the log format, and whether and how `/metrics` is served. */
  logFormat: LogFormat;
  metrics: MetricsConfig;
}

/**
 * Prometheus metrics (`/metrics`): off unless a token or a port is set. With a token, the public
 * app serves them to `Authorization: Bearer <token>`; with a port, a listener of their own does
 * (and asks for the token too when both are set).
 */
export interface MetricsConfig {
  token: string | null;
  port: number | null;
}

/** When the placement recovery job runs, and what it considers abandoned. */
export interface RecoveryConfig {
  /** Every process runs a pass this often (one at a time across processes). */
  intervalMs: number;
  /** A placement untouched this long is finished by the job (a live request is long done by then). */
  afterMs: number;
}

/** Console sessions and the links in staff emails. */
export interface StaffConfig {
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in. */
  sessionMaxMs: number;
  /** The shop's public origin for links (`SHOPTAG_PUBLIC_URL`); null: the server's own address. */
  publicUrl: string | null;
}

export const DEFAULT_SESSION_IDLE_HOURS = 12;
export const DEFAULT_SESSION_MAX_DAYS = 7;

/** Host, port and protocol of Stripe's API, for a local stand-in in tests (never set from the environment). */
export interface StripeApiAddress {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/** Limits and timings of carts and stock holds, and how carts are priced. */
export interface CommerceConfig {
  /** Most units of one variant a cart line may hold. */
  maxLineQuantity: number;
  /** A cart untouched this long is gone. */
  cartTtlMs: number;
  /** How long a checkout's stock hold lasts unless refreshed. */
  holdTtlMs: number;
  /** Prices, tax and shipping, for the cart's estimate and checkout alike. */
  pricing: PricingConfig;
}

export const DEFAULT_MAX_LINE_QUANTITY = 20;
export const DEFAULT_CART_TTL_DAYS = 30;
export const DEFAULT_HOLD_TTL_MINUTES = 15;
export const DEFAULT_SHIPPING_RATE = '5';
export const DEFAULT_FREE_SHIPPING_OVER = '50';
export const DEFAULT_RECOVERY_INTERVAL_SECONDS = 30;
export const DEFAULT_RECOVERY_AFTER_SECONDS = 60;
export const DEFAULT_IDEMPOTENCY_LEASE_SECONDS = 6;

/** A missing or invalid environment variable. The message names the variable and what it must be. */
export class ConfigError extends Error {
  /** The first variable at fault. */
  readonly variable: string;
  /** One line per problem, each naming its variable. */
  readonly problems: string[];

  constructor(problems: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'ConfigError';
    this.variable = problems[0]?.variable ?? '';
    this.problems = problems.map((p) => p.message);
  }
}

/** Every SHOPTAG_* variable the server reads (the catalogue in config-variables.ts); any other is a typo worth reporting. */
const SHOPTAG_VARIABLES = SHOPTAG_VARIABLE_NAMES;
/** Reserved for the test harness (SHOPTAG_TEST_DATABASE_URL …); the server ignores them. */
const IGNORED_PREFIX = 'SHOPTAG_TEST_';

const DEFAULT_PORT = 3000;
const DEFAULT_DATA_DIR = '.shoptag';
const DEFAULT_PRODUCT_CACHE_MB = 32;
export const DEFAULT_DRAIN_TIMEOUT_SECONDS = DRAIN_TIMEOUT_MS / 1000;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const urlWithProtocol = (protocols: string[], example: string) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL, e.g. ${example}` },
  );

const postgresUrl = urlWithProtocol(['postgres:', 'postgresql:'], 'postgres://user:password@localhost:5432/shoptag');

function commaList(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const origin = z.string().refine(
  (v) => {
    if (v === '*') return true;
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v;
    } catch {
      return false;
    }
  },
  {
    message:
      'must be a comma-separated list of origins like https://shop.example.com (scheme, host and optional port; no path or trailing slash), or *',
  },
);

/** A CSP source for frame-ancestors: 'self', 'none', or an origin (scheme://host[:port], `*.` allowed before the host). */
const FRAME_SOURCE = /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?)$/;
const frameAncestors = z
  .array(
    z
      .string()
      .transform((v) => (v === 'self' || v === 'none' ? `'${v}'` : v))
      .pipe(z.string().regex(FRAME_SOURCE)),
  )
  .min(1)
  .refine((list) => !list.includes("'none'") || list.length === 1);

const positiveInt = (max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(max));

const prefixed = (prefixes: string[]) =>
  z
    .string()
    .refine((v) => prefixes.some((p) => v.startsWith(p)), { message: `must start with ${prefixes.join(' or ')}` });

/** Parses each variable of the catalogue (config-variables.ts); a test checks both name the same variables. */
/** A locale `Intl` knows as written (`en-US`, `de`, `ja-JP`). */
function isLocale(v: string): boolean {
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
}

const EnvSchema = z.object({
  PORT: z.preprocess(
    blankToUndefined,
    z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(65535)).optional(),
  ),
  HOST: optional(
    z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'must be a host name or IP address, e.g. 127.0.0.1' }),
  ),
  DATABASE_URL: optional(postgresUrl),
  DATABASE_REPLICA_URLS: z.preprocess(commaList, z.array(postgresUrl).optional()),
  REDIS_URL: optional(urlWithProtocol(['redis:', 'rediss:'], 'redis://localhost:6379')),
  STRIPE_SECRET_KEY: optional(prefixed(['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'])),
  STRIPE_PUBLISHABLE_KEY: optional(prefixed(['pk_test_', 'pk_live_'])),
  STRIPE_WEBHOOK_SECRET: optional(prefixed(['whsec_'])),
  SMTP_URL: optional(urlWithProtocol(['smtp:', 'smtps:'], 'smtp://user:password@mail.example.com:587')),
  SHOPTAG_SHOP_NAME: optional(z.string().trim().min(1).max(100)),
  SHOPTAG_SHOP_LOCALE: optional(z.string().refine(isLocale)),
  SHOPTAG_ORDER_URL: optional(
    z.string().refine((v) => /^https?:\/\//.test(v) && URL.canParse(v) && v.includes('{id}') && v.includes('{token}')),
  ),
  SHOPTAG_DATA_DIR: optional(z.string()),
  SHOPTAG_CURRENCY: optional(CurrencyCode),
  SHOPTAG_ALLOWED_ORIGINS: z.preprocess(commaList, z.array(origin).optional()),
  SHOPTAG_MAX_LINE_QUANTITY: optional(positiveInt(9_999)),
  SHOPTAG_CART_TTL_DAYS: optional(positiveInt(3_650)),
  SHOPTAG_HOLD_TTL_MINUTES: optional(positiveInt(7 * 24 * 60)),
  SHOPTAG_HOLD_TTL_SECONDS: optional(positiveInt(7 * 24 * 3600)),
  SHOPTAG_SHIPPING_RATE: optional(z.string().regex(/^\d{1,12}(\.\d+)?$/)),
  SHOPTAG_FREE_SHIPPING_OVER: optional(z.string().regex(/^(\d{1,12}(\.\d+)?|off)$/)),
  SHOPTAG_TAX_RATES: optional(z.string()),
  SHOPTAG_TAX_COUNTRY: optional(z.string().regex(/^[A-Z]{2}$/)),
  SHOPTAG_PRICES_INCLUDE_TAX: optional(z.enum(['true', 'false'])),
  SHOPTAG_TAX_SHIPPING: optional(z.string().regex(/^(\*|[A-Z]{2}(,[A-Z]{2})*)$/)),
  SHOPTAG_SHIPPING_CONFIG: optional(z.string()),
  SHOPTAG_PRODUCT_CACHE_MB: optional(
    z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(0).max(65_536)),
  ),
  SHOPTAG_RATE_LIMIT: optional(z.union([z.literal('off'), positiveInt(1_000_000)])),
  SHOPTAG_TRUST_PROXY: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(0).max(10))),
  SHOPTAG_DRAIN_TIMEOUT_SECONDS: optional(positiveInt(3_600)),
  SHOPTAG_FRAME_ANCESTORS: z.preprocess((v) => commaList(blankToUndefined(v)), frameAncestors.optional()),
  SHOPTAG_RECOVERY_INTERVAL_SECONDS: optional(positiveInt(86_400)),
  SHOPTAG_RECOVERY_AFTER_SECONDS: optional(positiveInt(86_400)),
  SHOPTAG_IDEMPOTENCY_LEASE_SECONDS: optional(positiveInt(600).pipe(z.number().min(2))),
  SHOPTAG_PUBLIC_URL: optional(origin),
  SHOPTAG_SESSION_IDLE_HOURS: optional(positiveInt(720)),
  SHOPTAG_SESSION_MAX_DAYS: optional(positiveInt(90)),
  SHOPTAG_FAULT_KILL_AT: optional(z.enum(FAULT_POINTS)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
  // Observability (logs, metrics)
  LOG_FORMAT: optional(z.enum(LOG_FORMATS)),
  SHOPTAG_METRICS_TOKEN: optional(z.string().regex(/^[\x21-\x7e]{16,256}$/)),
  SHOPTAG_METRICS_PORT: optional(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(65535))),
});

/** The variables `loadConfig` parses, for the test that keeps them and the catalogue the same. */
export const PARSED_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/** What each variable must look like, for messages where zod's own wording would be vague. */
const EXPECTATIONS: Partial<Record<keyof z.infer<typeof EnvSchema>, string>> = {
  PORT: 'must be an integer 1–65535',
  SHOPTAG_CURRENCY: 'must be a three-letter ISO 4217 code in upper case, e.g. USD',
  SHOPTAG_SHOP_NAME: 'must be the shop name, 1–100 characters',
  SHOPTAG_SHOP_LOCALE: 'must be a BCP 47 locale, e.g. en-US or de-DE',
  SHOPTAG_ORDER_URL:
    'must be an http(s) URL with {id} and {token}, e.g. https://shop.example.com/order#order={id}&token={token}',
  SHOPTAG_MAX_LINE_QUANTITY: 'must be a whole number 1–9999',
  SHOPTAG_CART_TTL_DAYS: 'must be a whole number of days 1–3650',
  SHOPTAG_HOLD_TTL_MINUTES: 'must be a whole number of minutes 1–10080',
  SHOPTAG_HOLD_TTL_SECONDS: 'must be a whole number of seconds 1–604800',
  SHOPTAG_SHIPPING_RATE: 'must be an amount in major units, e.g. 4.99',
  SHOPTAG_FREE_SHIPPING_OVER: 'must be an amount in major units, e.g. 50, or off',
  SHOPTAG_TAX_RATES: 'must be COUNTRY=PERCENT pairs, e.g. US=0,DE=19',
  SHOPTAG_TAX_COUNTRY: 'must be a two-letter ISO 3166-1 country code, e.g. US',
  SHOPTAG_PRICES_INCLUDE_TAX: 'must be true or false',
  SHOPTAG_TAX_SHIPPING: 'must be * or a comma-separated list of country codes, e.g. DE,FR,GB',
  SHOPTAG_PRODUCT_CACHE_MB: 'must be a whole number of megabytes 0–65536 (0 turns the reuse off)',
  SHOPTAG_RATE_LIMIT: 'must be a whole number of writes per minute 1–1000000, or off',
  SHOPTAG_TRUST_PROXY: 'must be the number of proxies in front of the server, 0–10',
  SHOPTAG_DRAIN_TIMEOUT_SECONDS: 'must be a whole number of seconds 1–3600',
  SHOPTAG_FRAME_ANCESTORS:
    "must be 'self', 'none' (alone), or a comma-separated list of 'self' and origins like https://shop.example.com or https://*.example.com",
  SHOPTAG_RECOVERY_INTERVAL_SECONDS: 'must be a whole number of seconds 1–86400',
  SHOPTAG_RECOVERY_AFTER_SECONDS: 'must be a whole number of seconds 1–86400',
  SHOPTAG_IDEMPOTENCY_LEASE_SECONDS: 'must be a whole number of seconds 2–600',
  SHOPTAG_PUBLIC_URL: 'must be an http(s) origin without a path, e.g. https://shop.example.com',
  SHOPTAG_SESSION_IDLE_HOURS: 'must be a whole number of hours 1–720',
  SHOPTAG_SESSION_MAX_DAYS: 'must be a whole number of days 1–90',
  SHOPTAG_FAULT_KILL_AT: `must be one of ${FAULT_POINTS.join(', ')} (tests only)`,
  LOG_FORMAT: `must be one of ${LOG_FORMATS.join(', ')}`,
  SHOPTAG_METRICS_TOKEN: 'must be 16–256 printable characters without spaces (e.g. from openssl rand -hex 32)',
  SHOPTAG_METRICS_PORT: 'must be an integer 1–65535, other than PORT',
};

type Env = Record<string, string | undefined>;

function describeValue(variable: string, value: string | undefined): string {
  if (value === undefined) return 'not set';
  if (/SECRET|KEY|TOKEN/.test(variable)) return 'value hidden';
  if (/URL/.test(variable)) return 'value hidden';
  return `got ${JSON.stringify(value)}`;
}

/**
 * Parses the environment into a {@link Config}. Unknown SHOPTAG_* variables and invalid values
 * throw a {@link ConfigError} whose message names each variable at fault.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: { variable: string; message: string }[] = [];
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith('SHOPTAG_') || name.startsWith(IGNORED_PREFIX)) continue;
    if (!SHOPTAG_VARIABLES.includes(name)) {
      problems.push({ variable: name, message: `unknown variable ${name} (known: ${SHOPTAG_VARIABLES.join(', ')})` });
    }
  }
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0]);
      if (seen.has(variable)) continue;
      seen.add(variable);
      const expectation = EXPECTATIONS[variable as keyof typeof EXPECTATIONS] ?? issue.message;
      problems.push({ variable, message: `${variable} ${expectation} (${describeValue(variable, env[variable])})` });
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  if (e.SHOPTAG_METRICS_PORT !== undefined && e.SHOPTAG_METRICS_PORT === (e.PORT ?? DEFAULT_PORT)) {
    throw new ConfigError([
      {
        variable: 'SHOPTAG_METRICS_PORT',
        message: `SHOPTAG_METRICS_PORT ${EXPECTATIONS.SHOPTAG_METRICS_PORT} (got ${e.SHOPTAG_METRICS_PORT})`,
      },
    ]);
  }
  if ((e.STRIPE_PUBLISHABLE_KEY || e.STRIPE_WEBHOOK_SECRET) && !e.STRIPE_SECRET_KEY) {
    throw new ConfigError([
      {
        variable: 'STRIPE_SECRET_KEY',
        message: 'STRIPE_SECRET_KEY must be set when STRIPE_PUBLISHABLE_KEY or STRIPE_WEBHOOK_SECRET is (not set)',
      },
    ]);
  }
  const currency = e.SHOPTAG_CURRENCY ?? 'USD';
  const commerce = commerceConfig(e, currency, cwd);
  return {
    port: e.PORT ?? DEFAULT_PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrls: e.DATABASE_REPLICA_URLS ?? [],
    redisUrl: e.REDIS_URL,
    stripe: e.STRIPE_SECRET_KEY
      ? {
          secretKey: e.STRIPE_SECRET_KEY,
          publishableKey: e.STRIPE_PUBLISHABLE_KEY,
          webhookSecret: e.STRIPE_WEBHOOK_SECRET,
        }
      : undefined,
    smtpUrl: e.SMTP_URL,
    email: {
      shopName: e.SHOPTAG_SHOP_NAME ?? null,
      locale: e.SHOPTAG_SHOP_LOCALE ?? null,
      orderUrl: e.SHOPTAG_ORDER_URL ?? null,
    },
    dataDir: resolve(cwd, e.SHOPTAG_DATA_DIR ?? DEFAULT_DATA_DIR),
    currency,
    allowedOrigins: e.SHOPTAG_ALLOWED_ORIGINS ?? [],
    logLevel: e.LOG_LEVEL ?? 'info',
    productCacheMb: e.SHOPTAG_PRODUCT_CACHE_MB ?? DEFAULT_PRODUCT_CACHE_MB,
    rateLimitPerMinute:
      e.SHOPTAG_RATE_LIMIT === undefined || e.SHOPTAG_RATE_LIMIT === 'off' ? null : e.SHOPTAG_RATE_LIMIT,
    trustProxy: e.SHOPTAG_TRUST_PROXY ?? 0,
    drainTimeoutMs: (e.SHOPTAG_DRAIN_TIMEOUT_SECONDS ?? DEFAULT_DRAIN_TIMEOUT_SECONDS) * 1000,
    frameAncestors: e.SHOPTAG_FRAME_ANCESTORS ?? DEFAULT_FRAME_ANCESTORS,
    commerce,
    recovery: {
      intervalMs: (e.SHOPTAG_RECOVERY_INTERVAL_SECONDS ?? DEFAULT_RECOVERY_INTERVAL_SECONDS) * 1000,
      afterMs: (e.SHOPTAG_RECOVERY_AFTER_SECONDS ?? DEFAULT_RECOVERY_AFTER_SECONDS) * 1000,
    },
    idempotencyLeaseMs: (e.SHOPTAG_IDEMPOTENCY_LEASE_SECONDS ?? DEFAULT_IDEMPOTENCY_LEASE_SECONDS) * 1000,
    staff: {
      sessionIdleMs: (e.SHOPTAG_SESSION_IDLE_HOURS ?? DEFAULT_SESSION_IDLE_HOURS) * 3_600_000,
      sessionMaxMs: (e.SHOPTAG_SESSION_MAX_DAYS ?? DEFAULT_SESSION_MAX_DAYS) * 24 * 3_600_000,
      publicUrl: e.SHOPTAG_PUBLIC_URL ?? null,
    },
    faultKillAt: e.SHOPTAG_FAULT_KILL_AT ?? null,
    logFormat: e.LOG_FORMAT ?? 'json',
    metrics: { token: e.SHOPTAG_METRICS_TOKEN ?? null, port: e.SHOPTAG_METRICS_PORT ?? null },
  };
}

/** The commerce settings; amounts are read in major units of the shop currency. */
function commerceConfig(e: z.infer<typeof EnvSchema>, currency: string, cwd: string): CommerceConfig {
  const problems: { variable: string; message: string }[] = [];
  const attempt = <T>(variable: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      problems.push({ variable, message: `${variable} ${error instanceof Error ? error.message : String(error)}` });
      return fallback;
    }
  };
  const flatRate = attempt(
    'SHOPTAG_SHIPPING_RATE',
    () => parseMajorUnits(e.SHOPTAG_SHIPPING_RATE ?? DEFAULT_SHIPPING_RATE, currency),
    0,
  );
  const freeOverText = e.SHOPTAG_FREE_SHIPPING_OVER ?? DEFAULT_FREE_SHIPPING_OVER;
  const freeOver =
    freeOverText === 'off'
      ? null
      : attempt('SHOPTAG_FREE_SHIPPING_OVER', () => parseMajorUnits(freeOverText, currency), null);
  const taxRates = attempt('SHOPTAG_TAX_RATES', () => parseTaxRates(e.SHOPTAG_TAX_RATES ?? ''), {});
  const shipping = { flatRate, freeOver };
  const shippingFile = e.SHOPTAG_SHIPPING_CONFIG;
  const zones =
    shippingFile === undefined
      ? defaultShippingZones({ shipping })
      : attempt('SHOPTAG_SHIPPING_CONFIG', () => readShippingFile(resolve(cwd, shippingFile), currency), []);
  if (e.SHOPTAG_HOLD_TTL_MINUTES !== undefined && e.SHOPTAG_HOLD_TTL_SECONDS !== undefined) {
    problems.push({
      variable: 'SHOPTAG_HOLD_TTL_SECONDS',
      message: 'SHOPTAG_HOLD_TTL_SECONDS and SHOPTAG_HOLD_TTL_MINUTES are both set; set one of them',
    });
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    maxLineQuantity: e.SHOPTAG_MAX_LINE_QUANTITY ?? DEFAULT_MAX_LINE_QUANTITY,
    cartTtlMs: (e.SHOPTAG_CART_TTL_DAYS ?? DEFAULT_CART_TTL_DAYS) * 24 * 3_600_000,
    holdTtlMs:
      e.SHOPTAG_HOLD_TTL_SECONDS !== undefined
        ? e.SHOPTAG_HOLD_TTL_SECONDS * 1000
        : (e.SHOPTAG_HOLD_TTL_MINUTES ?? DEFAULT_HOLD_TTL_MINUTES) * 60_000,
    pricing: {
      currency,
      taxRates,
      defaultCountry: e.SHOPTAG_TAX_COUNTRY ?? null,
      pricesIncludeTax: e.SHOPTAG_PRICES_INCLUDE_TAX === 'true',
      shippingTaxable: e.SHOPTAG_TAX_SHIPPING === '*' ? '*' : (e.SHOPTAG_TAX_SHIPPING?.split(',') ?? []),
      shipping,
      zones,
    },
  };
}
