/**
 * Every environment variable the server reads, in one declarative list: the source of the unknown
 * `SHOPTAG_*` check in `loadConfig`, of `shoptag-server --help`, and of the generated tables in
 * README.md and docs/server.md (`npm run docs:env`; a test fails when they are out of date).
 *
 * Adding a variable is one entry here plus its parse in `config.ts` (a test checks the two agree).
 * Texts are Markdown: backticks for literals, links relative to docs/server.md (`#anchor`).
 */
export interface ConfigVariable {
  readonly name: string;
  /** Which part of the help and tables it is listed under. */
  readonly group: ConfigVariableGroup;
  /** One line: what it does (README, docs and --help). */
  readonly summary: string;
  /** More for docs/server.md: ranges, interactions, caveats. */
  readonly details?: string;
  /** What the server does without it. */
  readonly default: string;
  /** A value as an operator would write it. */
  readonly example: string;
}

export type ConfigVariableGroup = 'server' | 'storage' | 'payments' | 'shop' | 'operations' | 'testing';

export const CONFIG_VARIABLE_GROUPS: Readonly<Record<ConfigVariableGroup, string>> = {
  server: 'Server',
  storage: 'Database and cache',
  payments: 'Payments and email',
  shop: 'Shop: carts, shipping, tax',
  operations: 'Operations',
  testing: 'Tests only',
};

export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'PORT',
    group: 'server',
    summary: 'HTTP port (`--port` overrides it)',
    default: '`3000`',
    example: '8080',
  },
  {
    name: 'HOST',
    group: 'server',
    summary: 'interface to listen on',
    default: 'every interface (IPv4 and IPv6)',
    example: '127.0.0.1',
  },
  {
    name: 'SHOPTAG_DATA_DIR',
    group: 'server',
    summary: "where the embedded database, the demo's keys file and the email outbox live",
    details: 'a relative path is read from the working directory',
    default: '`./.shoptag`',
    example: '/var/lib/shoptag',
  },
  {
    name: 'SHOPTAG_ALLOWED_ORIGINS',
    group: 'server',
    summary:
      "extra page origins allowed to use the demo's publishable key (`--demo` only; `*` = any); production keys get their origins from `shoptag-server keys`",
    details: 'comma-separated origins: scheme, host and optional port, no path or trailing slash',
    default: "only the server's own origin",
    example: 'https://shop.example.com,http://localhost:5173',
  },
  {
    name: 'SHOPTAG_TRUST_PROXY',
    group: 'server',
    summary: 'how many proxies (load balancer, CDN) sit in front of the server',
    details:
      'their `X-Forwarded-For` then gives the client IP for rate limits, and `X-Forwarded-Proto: https` turns on HSTS (see [HSTS](#hsts)). With `0` the connecting address is the client, so behind a proxy every shopper would share one limit; without a proxy keep `0`, or clients could claim any address (0–10)',
    default: '`0`',
    example: '1',
  },
  {
    name: 'SHOPTAG_FRAME_ANCESTORS',
    group: 'server',
    summary: 'who may frame the demo pages (CSP `frame-ancestors`), to embed your own checkout',
    details:
      "`'self'`, `'none'` (alone), or a comma-separated list of `'self'` and origins (`https://shop.example`, `https://*.shop.example`). Quotes around `self` and `none` are optional; `*`, paths and other directives are refused",
    default: "`'self'`",
    example: "'self',https://www.shop.example",
  },
  {
    name: 'DATABASE_URL',
    group: 'storage',
    summary: 'PostgreSQL connection string, used through a `pg` pool',
    default: 'PGlite (PostgreSQL in WASM) in `$SHOPTAG_DATA_DIR/data`',
    example: 'postgres://shoptag:secret@db:5432/shoptag',
  },
  {
    name: 'DATABASE_REPLICA_URLS',
    group: 'storage',
    summary: 'comma-separated PostgreSQL read replicas for catalog and search reads',
    details: 'round robin; a replica that cannot be reached is skipped for 5 s (see [Read replicas](#read-replicas))',
    default: 'reads go to the primary',
    example: 'postgres://shoptag@replica1/shoptag,postgres://shoptag@replica2/shoptag',
  },
  {
    name: 'REDIS_URL',
    group: 'storage',
    summary: 'Redis for the catalog and availability caches, locks, hold-sweeper coordination and rate-limit counters',
    details:
      'needed as soon as more than one process serves the shop; losing it for a while is survivable (see [When Redis is down](#when-redis-is-down))',
    default: 'in-process implementations (right for one process only)',
    example: 'redis://cache:6379',
  },
  {
    name: 'SHOPTAG_PRODUCT_CACHE_MB',
    group: 'storage',
    summary: 'memory each process gives to products serialized for reuse by uncached list pages',
    details: '`0` turns the reuse off (see [Caching](#caching)); 0–65536',
    default: '`32`',
    example: '64',
  },
  {
    name: 'STRIPE_SECRET_KEY',
    group: 'payments',
    summary: "real payments through Stripe: `<shop-checkout>` shows Stripe's Payment Element",
    details:
      '`sk_…` or a restricted `rk_…` key; tested here only against stand-ins of Stripe, as the tests run offline',
    default:
      "the simulated provider with Stripe's test-card behaviour (4242… succeeds, …0002 declines, …3220 asks for authentication)",
    example: 'sk_live_…',
  },
  {
    name: 'STRIPE_PUBLISHABLE_KEY',
    group: 'payments',
    summary: "Stripe's publishable key, handed to the Payment Element in the browser",
    details: 'needs `STRIPE_SECRET_KEY`',
    default: 'none',
    example: 'pk_live_…',
  },
  {
    name: 'STRIPE_WEBHOOK_SECRET',
    group: 'payments',
    summary: 'signing secret of the Stripe webhook endpoint `/v1/webhooks/stripe`',
    details: 'needs `STRIPE_SECRET_KEY`; without it Stripe events are refused',
    default: 'none',
    example: 'whsec_…',
  },
  {
    name: 'SMTP_URL',
    group: 'payments',
    summary: 'order confirmation emails over SMTP',
    default: '`.eml` files in `$SHOPTAG_DATA_DIR/outbox/`',
    example: 'smtp://user:password@mail.example.com:587',
  },
  {
    name: 'SHOPTAG_SHOP_NAME',
    group: 'payments',
    summary: "the shop's name: order emails are sent in it (sender name, subject, signature)",
    default: '`Harbor & Pine` with `--demo`, else `Shoptag`',
    example: 'Alder & Co',
  },
  {
    name: 'SHOPTAG_SHOP_LOCALE',
    group: 'payments',
    summary: 'the language and region order emails format money and country names in (`$32.99` in `en-US`)',
    details:
      "a BCP 47 locale; addresses are written in their own country's order, and without a country line when they are in `SHOPTAG_TAX_COUNTRY`",
    default: '`en-US`',
    example: 'de-DE',
  },
  {
    name: 'SHOPTAG_ORDER_URL',
    group: 'payments',
    summary:
      'the order status page order emails link to, with `{id}` and `{token}` filled in (a page with `<shop-order>`)',
    details:
      'an http(s) URL; keep the token after `#`, so it never reaches a server log or a `Referer` header. Without it the email has no link, except with `--demo`',
    default: "the demo's `/order.html#order={id}&token={token}` with `--demo`, else no link",
    example: 'https://shop.example.com/order#order={id}&token={token}',
  },
  {
    name: 'SHOPTAG_CURRENCY',
    group: 'shop',
    summary: 'shop currency (ISO 4217)',
    default: '`USD`',
    example: 'EUR',
  },
  {
    name: 'SHOPTAG_MAX_LINE_QUANTITY',
    group: 'shop',
    summary: 'most units of one variant in a cart line',
    details: '1–9999',
    default: '`20`',
    example: '10',
  },
  {
    name: 'SHOPTAG_CART_TTL_DAYS',
    group: 'shop',
    summary: 'a cart untouched this many days is gone (404)',
    details: '1–3650',
    default: '`30`',
    example: '14',
  },
  {
    name: 'SHOPTAG_HOLD_TTL_MINUTES',
    group: 'shop',
    summary: "how long a checkout's stock hold lasts unless refreshed, whole minutes",
    details: 'set this or `SHOPTAG_HOLD_TTL_SECONDS`, not both',
    default: '`15`',
    example: '20',
  },
  {
    name: 'SHOPTAG_HOLD_TTL_SECONDS',
    group: 'shop',
    summary: 'the same in whole seconds, for demos and tests',
    details: '1–604800; set this or `SHOPTAG_HOLD_TTL_MINUTES`, not both',
    default: '—',
    example: '30',
  },
  {
    name: 'SHOPTAG_SHIPPING_RATE',
    group: 'shop',
    summary: 'flat rate of the built-in `Standard` shipping method, major units of the shop currency',
    default: '`5`',
    example: '4.99',
  },
  {
    name: 'SHOPTAG_FREE_SHIPPING_OVER',
    group: 'shop',
    summary: 'built-in `Standard` shipping is free from this discounted subtotal (major units), or `off`',
    default: '`50`',
    example: 'off',
  },
  {
    name: 'SHOPTAG_SHIPPING_CONFIG',
    group: 'shop',
    summary: 'path of a JSON file with the shipping zones and methods; replaces the built-in zone',
    details: 'see [Shipping zones](#shipping-zones); a relative path is read from the working directory',
    default: 'built-in zone',
    example: 'shipping.json',
  },
  {
    name: 'SHOPTAG_TAX_RATES',
    group: 'shop',
    summary: 'tax by country or region in percent',
    default: 'no tax',
    example: 'US=0,DE=19,GB=20,US-CA=7.25',
  },
  {
    name: 'SHOPTAG_TAX_COUNTRY',
    group: 'shop',
    summary: 'country a cart without one is estimated for (ISO 3166-1)',
    default: 'none',
    example: 'DE',
  },
  {
    name: 'SHOPTAG_PRICES_INCLUDE_TAX',
    group: 'shop',
    summary: '`true` when catalog prices (and shipping) include tax: tax is shown as included and not added',
    default: '`false`',
    example: 'true',
  },
  {
    name: 'SHOPTAG_TAX_SHIPPING',
    group: 'shop',
    summary: 'countries where shipping is taxed, or `*` for all',
    default: 'none',
    example: 'DE,FR',
  },
  {
    name: 'SHOPTAG_RATE_LIMIT',
    group: 'shop',
    summary: 'writes per minute one storefront client (publishable key and IP address) may send, or `off`',
    details:
      'POST, PATCH, PUT and DELETE, counted across processes with `REDIS_URL`; over it a request gets `429 rate_limit_error` with `Retry-After`. Reads and secret-key calls are not counted',
    default: 'no limit',
    example: '120',
  },
  {
    name: 'LOG_LEVEL',
    group: 'operations',
    summary: 'least severe log level written: `silent`, `error`, `warn`, `info` (a line per request) or `debug`',
    details: '`warn` keeps request lines out (see [Logs](#logs))',
    default: '`info`',
    example: 'debug',
  },
  {
    name: 'LOG_FORMAT',
    group: 'operations',
    summary: 'log lines on stderr as `json` (one object per line, for collectors) or `pretty` (for people)',
    details: 'keys, tokens, cookies, card fields and URL passwords are redacted either way (see [Logs](#logs))',
    default: '`json`',
    example: 'pretty',
  },
  {
    name: 'SHOPTAG_METRICS_TOKEN',
    group: 'operations',
    summary: 'serves Prometheus metrics at `/metrics` on the public port to `Authorization: Bearer <token>`',
    details:
      '16–256 printable characters, compared in constant time; a scrape without it is a 401. With `SHOPTAG_METRICS_PORT` the token is asked for on that port instead (see [Metrics](#metrics))',
    default: 'no `/metrics` (404)',
    example: '`openssl rand -hex 32`',
  },
  {
    name: 'SHOPTAG_METRICS_PORT',
    group: 'operations',
    summary: 'serves Prometheus metrics at `/metrics` on a listener of its own at this port, never on the public app',
    details: 'on `HOST` like the API, so keep the port private (firewall, cluster network); not `PORT`',
    default: 'no metrics listener',
    example: '9464',
  },
  {
    name: 'SHOPTAG_DRAIN_TIMEOUT_SECONDS',
    group: 'operations',
    summary:
      'on SIGTERM/SIGINT, how long requests already received may take to finish before their connections are cut',
    details:
      "whole seconds 1–3600 (see [Stopping](#stopping)); keep it below your supervisor's kill timeout (`TimeoutStopSec`, `terminationGracePeriodSeconds`, `docker stop -t`)",
    default: '`10`',
    example: '20',
  },
  {
    name: 'SHOPTAG_RECOVERY_INTERVAL_SECONDS',
    group: 'operations',
    summary: 'how often each process runs the job that finishes checkouts cut short by a crash',
    details: 'one process at a time (see [Crashes during checkout](#crashes-during-checkout)); 1–86400',
    default: '`30`',
    example: '60',
  },
  {
    name: 'SHOPTAG_RECOVERY_AFTER_SECONDS',
    group: 'operations',
    summary: 'a checkout or pending order untouched this long is finished by the recovery job',
    details: 'keep it longer than a slow checkout request takes; 1–86400',
    default: '`60`',
    example: '120',
  },
  {
    name: 'SHOPTAG_IDEMPOTENCY_LEASE_SECONDS',
    group: 'operations',
    summary: "lease of a running request's `Idempotency-Key`, renewed every third of it while the request runs",
    details: 'a retry takes over the key of a process that died once its lease has run out; 2–600',
    default: '`6`',
    example: '10',
  },
  {
    name: 'SHOPTAG_PUBLIC_URL',
    group: 'server',
    summary:
      "the shop's public origin, for links in staff emails (password resets, invitations) and the first-owner link",
    details:
      "an http(s) origin such as `https://shop.example.com`; set it behind a proxy or load balancer. Links are never built from a request's Host header",
    default: "the server's own address (`http://localhost:PORT`)",
    example: 'https://shop.example.com',
  },
  {
    name: 'SHOPTAG_SESSION_IDLE_HOURS',
    group: 'operations',
    summary: 'a console session unused this long ends (staff sign in again)',
    details: '1–720',
    default: '`12`',
    example: '8',
  },
  {
    name: 'SHOPTAG_SESSION_MAX_DAYS',
    group: 'operations',
    summary: 'a console session ends this long after sign-in, however active',
    details: '1–90',
    default: '`7`',
    example: '1',
  },
  {
    name: 'SHOPTAG_FAULT_KILL_AT',
    group: 'testing',
    summary:
      'the process kills itself (SIGKILL) at this step of every checkout, to prove recovery; never in production',
    details: '`before-payment` · `after-authorization` · `after-order` · `after-capture`; the server warns on start',
    default: '—',
    example: 'after-order',
  },
];

/** The `SHOPTAG_*` names in the catalogue: any other `SHOPTAG_*` variable is reported as a typo. */
export const SHOPTAG_VARIABLE_NAMES: readonly string[] = CONFIG_VARIABLES.map((v) => v.name).filter((name) =>
  name.startsWith('SHOPTAG_'),
);

/** Markdown as plain text for a terminal: links keep their text, backticks go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l);
}

/** The environment section of `shoptag-server --help`: every variable, grouped, with its default. */
export function formatVariablesHelp(width = 100): string {
  const out: string[] = [];
  for (const [group, title] of Object.entries(CONFIG_VARIABLE_GROUPS)) {
    const members = CONFIG_VARIABLES.filter((v) => v.group === group);
    if (members.length === 0) continue;
    out.push(`  ${title}:`);
    for (const v of members) {
      out.push(`    ${v.name}`);
      const fallback = v.default === '—' ? '' : `. Default: ${plainText(v.default)}`;
      out.push(...wrap(`${plainText(v.summary)}${fallback}`, width - 8, '        '));
    }
  }
  return `${out.join('\n')}\n`;
}
