import { relative } from 'node:path';
import { displayPrefix } from './services/keys/index.js';

/** What the startup banner reports. */
export interface BannerInfo {
  version: string;
  database: string;
  /** Read replicas catalog reads go to. */
  replicaCount: number;
  cache: string;
  payments: string;
  /** `SHOPTAG_RATE_LIMIT`, when set. */
  rateLimitPerMinute: number | null;
  products: number;
  /** Set when this start seeded the catalog. */
  seededInMs: number | null;
  keys: BannerKeys;
  url: string;
  demoShop: boolean;
  readyInMs: number;
  /** The console; `setupLink` on an install without staff accounts (a one-time link that creates the first owner). */
  console?: { setupLink: string | null };
}

/** The keys line: the demo's test keys, or how many keys a production install has. */
export type BannerKeys =
  | {
      demo: true;
      publishableKey: string;
      secretKey: string;
      /** Whether this start created the keys: only then is the secret key printed in full. */
      created: boolean;
      file: string | null;
    }
  | { demo: false; /** Keys usable now. */ active: number };

/** What an install without keys is told to run (the CLI prints the key alone on its last line). */
export const FIRST_KEYS_HELP = [
  'No API keys yet. Create the first ones (each is printed once, on the last line):',
  '    shoptag-server keys create --kind secret --mode live --name "back office"',
  '    shoptag-server keys create --kind publishable --mode live --origin https://shop.example.com --name "storefront"',
  '  (--mode test for test keys; `shoptag-server keys --help` for list, revoke, rotate and origins.)',
];

/** A path relative to the working directory when it is inside it, for shorter lines. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The lines printed when the server is ready: which component is which, the keys, the URL. The
 * secret key is printed whole only by the start that created it; later starts show its prefix and
 * where it is kept, so logs collected from every start do not hold it.
 */
export function formatBanner(info: BannerInfo): string {
  const replicas =
    info.replicaCount === 0
      ? ''
      : ` (+${info.replicaCount} read replica${info.replicaCount > 1 ? 's' : ''} for catalog reads)`;
  const catalog = `${info.products} products${info.seededInMs === null ? '' : ` (seeded just now in ${seconds(info.seededInMs)})`}`;
  return [
    `Shoptag reference server ${info.version}`,
    `  database  ${info.database}${replicas}`,
    `  cache     ${info.cache}`,
    `  payments  ${info.payments}`,
    ...(info.rateLimitPerMinute === null
      ? []
      : [`  limits    ${info.rateLimitPerMinute} writes a minute per client (publishable key + IP)`]),
    `  catalog   ${catalog}`,
    ...keyLines(info.keys),
    info.demoShop ? `  demo shop ${info.url}` : `  api       ${info.url}/v1`,
    ...consoleLines(info),
    `  ready in ${seconds(info.readyInMs)}`,
    '',
  ].join('\n');
}

function consoleLines(info: BannerInfo): string[] {
  if (!info.console) return [];
  if (info.console.setupLink === null) return [`  console   ${info.url}/admin`];
  // The link is a credential until it is used: printed by this start only (the next start makes
  // a new one and retires this), and in the fragment, so it never reaches a server log.
  return [
    `  console   ${info.url}/admin — no staff account yet. Create the owner with this one-time link (valid 24 h):`,
    `            ${info.console.setupLink}`,
    '            or: shoptag-server staff create --email you@example.com --role owner',
  ];
}

function keyLines(keys: BannerKeys): string[] {
  if (!keys.demo) {
    if (keys.active === 0) return FIRST_KEYS_HELP.map((line) => `  ${line}`);
    return [`  keys      ${keys.active} active (shoptag-server keys list)`];
  }
  const where = keys.file ? displayPath(keys.file) : null;
  const secret = keys.created ? keys.secretKey : displayPrefix(keys.secretKey);
  const stored = !where
    ? ''
    : keys.created
      ? `  (stored in ${where}; the secret key is not printed again)`
      : `  (stored in ${where})`;
  return [`  keys      publishable ${keys.publishableKey}   secret ${secret}${stored}`];
}
