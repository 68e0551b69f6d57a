import { CSRF_HEADER } from '../contract/headers.js';
import { createTransport, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type Transport } from '../request.js';
import { createSessionResource, type SessionResource } from './session.js';
import { createStaffResource, type StaffResource } from './staff.js';
import { createAuditLogResource, type AuditLogResource } from './audit-log.js';
import { createAccountResource, type AccountResource } from './account.js';
import { createAdminOrdersResource, type AdminOrdersResource } from './orders.js';
import { createSettingsResource, type SettingsResource } from './settings.js';
import { createCouponsResource, type CouponsResource } from './coupons.js';
import { createKeysResource, type KeysResource } from './keys.js';
import { createAdminProductsResource, type AdminProductsResource } from './products.js';
import { createAdminInventoryResource, type AdminInventoryResource } from './inventory.js';
import { createAdminImportsResource, type AdminImportsResource } from './imports.js';

/** Options of {@link createAdminClient}. Unknown keys are rejected so a typo never passes silently. */
export interface AdminClientOptions {
  /** The shop server's origin; defaults to the page's own origin (the console is served by the server). */
  endpoint?: string;
  /**
   * A secret key (`sk_…`) for scripts and servers. Leave it out in a browser: there the console's
   * session cookie authenticates, and each write carries the session's CSRF token.
   */
  secretKey?: string;
  /** A fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Retries after the first attempt on network errors, 409, 429 and 5xx (default 2). */
  retries?: number;
  /** Milliseconds before one attempt is abandoned (default 15000). */
  timeout?: number;
}

/** A typed client for the Shoptag admin API, used by the console and by back-office scripts. */
export interface AdminClient {
  /** The endpoint this client talks to, without a trailing slash. */
  readonly endpoint: string;
  readonly session: SessionResource;
  readonly staff: StaffResource;
  readonly auditLog: AuditLogResource;
  readonly account: AccountResource;
  /** Orders: list and search, timeline, ship, deliver, cancel, refund. */
  readonly orders: AdminOrdersResource;
  readonly settings: SettingsResource;
  readonly coupons: CouponsResource;
  readonly keys: KeysResource;
  readonly products: AdminProductsResource;
  readonly inventory: AdminInventoryResource;
  readonly imports: AdminImportsResource;
  /** The transport every resource uses, for admin routes this client has no method for yet. */
  readonly send: Transport;
}

const KNOWN_OPTIONS = new Set<string>(['endpoint', 'secretKey', 'fetch', 'retries', 'timeout']);

function checkOptions(options: AdminClientOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createAdminClient expects an options object');
  const unknown = Object.keys(options).filter((key) => !KNOWN_OPTIONS.has(key));
  if (unknown.length) {
    throw new TypeError(
      `createAdminClient: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; known options are ${[...KNOWN_OPTIONS].join(', ')}`,
    );
  }
  if (options.endpoint !== undefined && !/^https?:\/\//.test(options.endpoint)) {
    throw new TypeError(
      `createAdminClient: "endpoint" must be an http(s) URL such as "https://shop.example.com" (got ${JSON.stringify(options.endpoint)})`,
    );
  }
  if (options.secretKey !== undefined && !/^sk_(test|live)_[A-Za-z0-9]+$/.test(options.secretKey)) {
    throw new TypeError('createAdminClient: "secretKey" must be a secret key (sk_test_… or sk_live_…)');
  }
  for (const key of ['retries', 'timeout'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new TypeError(`createAdminClient: "${key}" must be a non-negative integer (got ${String(value)})`);
    }
  }
}

function defaultEndpoint(): string {
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  if (!origin || !/^https?:/.test(origin)) {
    throw new TypeError('createAdminClient: pass "endpoint" outside a page served over http(s)');
  }
  return origin;
}

/** The CSRF token in an answer that carries a session (sign-in, the current session). */
function csrfTokenOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const session = payload as { object?: unknown; csrf_token?: unknown };
  return session.object === 'staff_session' && typeof session.csrf_token === 'string' ? session.csrf_token : undefined;
}

/**
 * Creates a client for the admin API.
 *
 * ```ts
 * // In the console (same origin as the server): the session cookie authenticates.
 * const admin = createAdminClient();
 * await admin.session.signIn({ email: 'owner@example.com', password: '…' });
 *
 * // In a script: a secret key.
 * const admin = createAdminClient({ endpoint: 'https://shop.example.com', secretKey: process.env.SHOPTAG_SECRET_KEY });
 * ```
 */
export function createAdminClient(options: AdminClientOptions = {}): AdminClient {
  checkOptions(options);
  const endpoint = (options.endpoint ?? defaultEndpoint()).replace(/\/+$/, '');
  let csrfToken: string | undefined;
  const send = createTransport({
    endpoint,
    apiKey: options.secretKey,
    credentials: options.secretKey ? undefined : 'same-origin',
    headers: (): Record<string, string> => (csrfToken ? { [CSRF_HEADER]: csrfToken } : {}),
    onAnswer(payload) {
      csrfToken = csrfTokenOf(payload) ?? csrfToken;
    },
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: options.retries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
  });
  const session = createSessionResource(send);
  return Object.freeze({
    endpoint,
    session: {
      ...session,
      signOut: async (opts = {}) => {
        await session.signOut(opts);
        csrfToken = undefined;
      },
    },
    staff: createStaffResource(send),
    auditLog: createAuditLogResource(send),
    account: createAccountResource(send),
    orders: createAdminOrdersResource(send),
    settings: createSettingsResource(send),
    coupons: createCouponsResource(send),
    keys: createKeysResource(send),
    products: createAdminProductsResource(send),
    inventory: createAdminInventoryResource(send),
    imports: createAdminImportsResource(send),
    send,
  });
}
