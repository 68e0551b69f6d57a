import { resolve } from 'node:path';
import { z } from 'zod';
import { CurrencyCode } from '@shoptag/sdk/contract';
import { LOG_LEVELS, type LogLevel } from './logger.js';

/** The server's settings, parsed from the environment once at startup. */
export interface Config {
  port: number;
  /** Interface to listen on; `undefined` listens on every interface (IPv4 and IPv6). */
  host: string | undefined;
  databaseUrl: string | undefined;
  databaseReplicaUrls: string[];
  redisUrl: string | undefined;
  stripe: { secretKey: string; publishableKey: string | undefined; webhookSecret: string | undefined } | undefined;
  /** Absolute path of the data directory (embedded database, generated keys). */
  dataDir: string;
  currency: string;
  /** Extra origins allowed for the demo publishable key; `*` allows any. */
  allowedOrigins: string[];
  logLevel: LogLevel;
}

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

/** Every SHOPTAG_* variable the server reads; any other is a typo worth reporting. */
const SHOPTAG_VARIABLES = ['SHOPTAG_DATA_DIR', 'SHOPTAG_CURRENCY', 'SHOPTAG_ALLOWED_ORIGINS'] as const;
/** Reserved for the test harness (SHOPTAG_TEST_DATABASE_URL …); the server ignores them. */
const IGNORED_PREFIX = 'SHOPTAG_TEST_';

const DEFAULT_PORT = 3000;
const DEFAULT_DATA_DIR = '.shoptag';

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
  return v.split(',').map((s) => s.trim()).filter(Boolean);
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
  { message: 'must be a comma-separated list of origins like https://shop.example.com (scheme, host and optional port; no path or trailing slash), or *' },
);

const prefixed = (prefixes: string[]) =>
  z.string().refine((v) => prefixes.some((p) => v.startsWith(p)), { message: `must start with ${prefixes.join(' or ')}` });

const EnvSchema = z.object({
  PORT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(65535))
      .optional(),
  ),
  HOST: optional(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'must be a host name or IP address, e.g. 127.0.0.1' })),
  DATABASE_URL: optional(postgresUrl),
  DATABASE_REPLICA_URLS: z.preprocess(commaList, z.array(postgresUrl).optional()),
  REDIS_URL: optional(urlWithProtocol(['redis:', 'rediss:'], 'redis://localhost:6379')),
  STRIPE_SECRET_KEY: optional(prefixed(['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'])),
  STRIPE_PUBLISHABLE_KEY: optional(prefixed(['pk_test_', 'pk_live_'])),
  STRIPE_WEBHOOK_SECRET: optional(prefixed(['whsec_'])),
  SHOPTAG_DATA_DIR: optional(z.string()),
  SHOPTAG_CURRENCY: optional(CurrencyCode),
  SHOPTAG_ALLOWED_ORIGINS: z.preprocess(commaList, z.array(origin).optional()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
});

/** What each variable must look like, for messages where zod's own wording would be vague. */
const EXPECTATIONS: Partial<Record<keyof z.infer<typeof EnvSchema>, string>> = {
  PORT: 'must be an integer 1–65535',
  SHOPTAG_CURRENCY: 'must be a three-letter ISO 4217 code in upper case, e.g. USD',
};

type Env = Record<string, string | undefined>;

function describeValue(variable: string, value: string | undefined): string {
  if (value === undefined) return 'not set';
  if (/SECRET|KEY/.test(variable)) return 'value hidden';
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
    if (!(SHOPTAG_VARIABLES as readonly string[]).includes(name)) {
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
  if ((e.STRIPE_PUBLISHABLE_KEY || e.STRIPE_WEBHOOK_SECRET) && !e.STRIPE_SECRET_KEY) {
    throw new ConfigError([
      { variable: 'STRIPE_SECRET_KEY', message: 'STRIPE_SECRET_KEY must be set when STRIPE_PUBLISHABLE_KEY or STRIPE_WEBHOOK_SECRET is (not set)' },
    ]);
  }
  return {
    port: e.PORT ?? DEFAULT_PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrls: e.DATABASE_REPLICA_URLS ?? [],
    redisUrl: e.REDIS_URL,
    stripe: e.STRIPE_SECRET_KEY
      ? { secretKey: e.STRIPE_SECRET_KEY, publishableKey: e.STRIPE_PUBLISHABLE_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET }
      : undefined,
    dataDir: resolve(cwd, e.SHOPTAG_DATA_DIR ?? DEFAULT_DATA_DIR),
    currency: e.SHOPTAG_CURRENCY ?? 'USD',
    allowedOrigins: e.SHOPTAG_ALLOWED_ORIGINS ?? [],
    logLevel: e.LOG_LEVEL ?? 'info',
  };
}
