import {
  PasswordResetComplete,
  PasswordResetRequest,
  StaffSetup,
  StaffSignIn,
  type PasswordResetAccepted,
} from '@shoptag/sdk/contract';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { RateLimiter } from '../../../cache/rate-limiter.js';
import { RateLimitError } from '../../../errors.js';
import type { RequestContext, StaffServices } from '../../../services/staff/index.js';
import {
  checkCsrf,
  clearSessionCookie,
  notSignedIn,
  ownOrigin,
  readCookie,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../middleware/staff-session.js';
import { parseInput } from '../../middleware/validate.js';

export interface AdminSessionRouteOptions {
  staff: StaffServices;
  /** Counts reset requests, so the form cannot be used to flood someone's mailbox. */
  limiter: RateLimiter;
  /** Parses JSON bodies (the app's body parser). */
  jsonBody: RequestHandler[];
  /** Where links in emails point (the shop's public URL); default the request's own origin. */
  linkOrigin?: () => string | null;
}

/** Reset emails one address, and one client address, may ask for per quarter hour; more are quietly dropped. */
const RESET_REQUESTS = { perEmail: 3, perIp: 10, windowMs: 15 * 60_000 };

const context = (req: Request, res: Response): RequestContext => ({
  ip: req.ip ?? 'unknown',
  requestId: res.locals.requestId,
});

/** Answers with the session and sets its cookie (sign-in and first-owner setup). */
function signedIn(req: Request, res: Response, opened: { token: string; session: { expires_at: string } }): void {
  // The cookie lives as long as the session may; the server ends it sooner when it goes idle.
  setSessionCookie(req, res, opened.token, new Date(Date.parse(opened.session.expires_at) + 7 * 24 * 3_600_000));
  res.setHeader('Cache-Control', 'no-store');
  res.json(opened.session);
}

function withRetryAfter(res: Response, error: unknown): never {
  if (error instanceof RateLimitError) {
    const seconds = error.details?.retry_after_seconds;
    if (typeof seconds === 'number') res.setHeader('Retry-After', String(seconds));
  }
  throw error;
}

/**
 * The admin routes that need no session: sign-in (`POST /session`), the session itself
 * (`GET`/`DELETE /session`, which read the cookie), password resets and the first owner's setup.
 * Mounted at `/v1/admin` before the admin authentication; any other path falls through to it.
 */
export function adminSessionRouter(options: AdminSessionRouteOptions): Router {
  const { staff, limiter } = options;
  const router = Router();
  const linkOrigin = (req: Request) => options.linkOrigin?.() ?? ownOrigin(req);
  const liveSession = async (req: Request) => {
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    return cookie === undefined ? null : staff.sessions.authenticate(cookie);
  };

  router.post('/session', ...options.jsonBody, async (req, res) => {
    const input = parseInput(StaffSignIn, req.body);
    const opened = await staff.sessions.signIn(input, context(req, res)).catch((e: unknown) => withRetryAfter(res, e));
    signedIn(req, res, opened);
  });

  router.get('/session', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const session = await liveSession(req);
    if (!session) throw notSignedIn();
    res.json(session.view);
  });

  router.delete('/session', async (req, res) => {
    const session = await liveSession(req);
    if (session) {
      checkCsrf(req, staff.sessions, session);
      await staff.sessions.signOut(session, context(req, res));
    }
    clearSessionCookie(req, res);
    res.json({ object: 'staff_session', signed_out: true });
  });

  router.post('/password-resets', ...options.jsonBody, async (req, res) => {
    const { email } = parseInput(PasswordResetRequest, req.body);
    const key = email.trim().toLowerCase();
    const [byEmail, byIp] = await Promise.all([
      limiter.consume(`reset:email:${key}`, RESET_REQUESTS.perEmail, RESET_REQUESTS.windowMs),
      limiter.consume(`reset:ip:${req.ip ?? 'unknown'}`, RESET_REQUESTS.perIp, RESET_REQUESTS.windowMs),
    ]).catch(() => [{ allowed: true }, { allowed: true }]);
    // The same answer whether or not the address has an account, or was asked for too often.
    if (byEmail!.allowed && byIp!.allowed)
      await staff.accounts.requestPasswordReset(email, linkOrigin(req), context(req, res));
    const answer: PasswordResetAccepted = { object: 'password_reset', status: 'requested' };
    res.status(202).json(answer);
  });

  router.post('/password-resets/complete', ...options.jsonBody, async (req, res) => {
    const { token, password } = parseInput(PasswordResetComplete, req.body);
    await staff.accounts.completePasswordReset(token, password, context(req, res));
    const answer: PasswordResetAccepted = { object: 'password_reset', status: 'completed' };
    res.json(answer);
  });

  router.post('/setup', ...options.jsonBody, async (req, res) => {
    const input = parseInput(StaffSetup, req.body);
    signedIn(req, res, await staff.accounts.setup(input, context(req, res)));
  });
  return router;
}
