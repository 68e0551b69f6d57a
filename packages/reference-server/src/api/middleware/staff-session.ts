import { CSRF_HEADER, STAFF_SESSION_COOKIE } from '@shoptag/sdk/contract';
import type { Request, RequestHandler, Response } from 'express';
import { AuthenticationError, PermissionError } from '../../errors.js';
import type { ApiKeyService } from '../../services/keys/index.js';
import type { LiveSession, StaffSessions } from '../../services/staff/index.js';
import { authenticate, requireSecretKey } from './auth.js';
import { inSeries } from './in-series.js';

/** The console's session cookie. */
export const SESSION_COOKIE = STAFF_SESSION_COOKIE;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie in a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when the request came over TLS. */
export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: req.secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure });
}

/** The server's own origin as the request reached it (the protocol honours the trusted proxies). */
export function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

export const notSignedIn = () =>
  new AuthenticationError('You are not signed in, or your session has ended. Sign in again.', {
    code: 'not_signed_in',
  });

/**
 * Refuses a write made with the session cookie from anywhere but the console itself: the
 * `Origin` (when the browser sends one) must be the server's own, fetch metadata must not say
 * cross-site, and `X-CSRF-Token` must be the session's token.
 */
export function checkCsrf(req: Request, sessions: StaffSessions, session: LiveSession): void {
  if (READS.has(req.method)) return;
  const origin = req.get('origin');
  if (origin !== undefined && origin !== ownOrigin(req))
    throw new PermissionError('Console writes are accepted from the console itself only.', {
      code: 'origin_not_allowed',
    });
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new PermissionError('Console writes are accepted from the console itself only.', {
      code: 'origin_not_allowed',
    });
  if (!sessions.csrfMatches(session, req.get(CSRF_HEADER)))
    throw new PermissionError(`This write needs the session's CSRF token in ${CSRF_HEADER}. Reload the console.`, {
      code: 'csrf_token_invalid',
    });
}

/**
 * Admin routes: a secret key (`Authorization: Bearer sk_…`, as before; publishable keys are
 * refused), or the console's session cookie, with the CSRF checks on writes. A request with an
 * `Authorization` header is judged by its key alone.
 */
export function adminAuthenticate(deps: { keys: ApiKeyService; sessions: StaffSessions }): RequestHandler {
  const byKey = inSeries(authenticate(deps.keys), requireSecretKey());
  return async (req, res, next) => {
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (req.headers.authorization !== undefined || cookie === undefined) return byKey(req, res, next);
    const session = await deps.sessions.authenticate(cookie);
    if (!session) throw notSignedIn();
    checkCsrf(req, deps.sessions, session);
    res.locals.principal = session.principal;
    res.locals.staffSession = session;
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/** Paths (under /v1/admin) only owners reach; `settings` is readable by staff, written by owners only. */
const OWNER_ONLY = ['/keys', '/staff', '/audit-log'];
const OWNER_WRITES = ['/settings'];
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Staff (not owners) signed in to the console may not manage keys, staff accounts or settings, nor read the audit log. */
export function ownerGate(): RequestHandler {
  return (req, res, next) => {
    const principal = res.locals.principal;
    if (principal?.kind !== 'staff' || principal.role === 'owner') return next();
    const path = req.path.replace(/\/+$/, '') || '/';
    if (OWNER_ONLY.some((p) => under(path, p)) || (!READS.has(req.method) && OWNER_WRITES.some((p) => under(path, p))))
      throw new PermissionError('Only an owner may do this.', { code: 'owner_required' });
    next();
  };
}
