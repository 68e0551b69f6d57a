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
  publishableKey: string;
  secretKey: string;
  /** Whether this start created the keys: only then is the secret key printed in full. */
  keysCreated: boolean;
  keysFile: string | null;
  url: string;
  demoShop: boolean;
  readyInMs: number;
}

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
  const where = info.keysFile ? displayPath(info.keysFile) : null;
  const secret = info.keysCreated ? info.secretKey : displayPrefix(info.secretKey);
  const keysFile = !where
    ? ''
    : info.keysCreated
      ? `  (stored in ${where}; the secret key is not printed again)`
      : `  (stored in ${where})`;
  return [
    `Shoptag reference server ${info.version}`,
    `  database  ${info.database}${replicas}`,
    `  cache     ${info.cache}`,
    `  payments  ${info.payments}`,
    ...(info.rateLimitPerMinute === null
      ? []
      : [`  limits    ${info.rateLimitPerMinute} writes a minute per client (publishable key + IP)`]),
    `  catalog   ${catalog}`,
    `  keys      publishable ${info.publishableKey}   secret ${secret}${keysFile}`,
    info.demoShop ? `  demo shop ${info.url}` : `  api       ${info.url}/v1`,
    `  ready in ${seconds(info.readyInMs)}`,
    '',
  ].join('\n');
}
