// A console-like client for tests: creates staff accounts, signs in with the session cookie, and
// sends admin requests with the cookie and the CSRF token (as the console in the browser does).
import assert from 'node:assert/strict';
import { StaffSession } from '@shoptag/sdk/contract';
import type { StaffRole } from '@shoptag/sdk/contract';
import type { TestApp, TestResponse } from './test-app.js';

export const SESSION_COOKIE = 'shoptag_admin_session';
export const STRONG_PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  cookie: string;
  csrf: string;
  session: StaffSession;
  /** An admin request with the cookie, the CSRF token (unless `csrf: null`) and the console's own Origin. */
  request(
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      csrf?: string | null;
      origin?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<TestResponse>;
}

/** The session cookie a response sets (its `name=value`), or undefined. */
export function sessionCookieOf(res: TestResponse): string | undefined {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return cookie?.split(';')[0];
}

/** Creates a staff account with a password through the service (as `shoptag-server staff create` does). */
export async function createStaff(
  app: TestApp,
  email: string,
  role: StaffRole,
  password = STRONG_PASSWORD,
): Promise<string> {
  return (await app.staff.accounts.create({ email, role, password, name: email.split('@')[0] })).id;
}

export async function signInRaw(app: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  return app.request('/v1/admin/session', {
    method: 'POST',
    key: null,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in and answers a client holding the session. */
export async function signIn(app: TestApp, email: string, password = STRONG_PASSWORD): Promise<SignedIn> {
  const res = await signInRaw(app, email, password);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const cookie = sessionCookieOf(res);
  assert.ok(cookie, 'the sign-in sets the session cookie');
  return withSession(app, cookie, StaffSession.parse(res.body));
}

export function withSession(app: TestApp, cookie: string, session: StaffSession): SignedIn {
  return {
    cookie,
    csrf: session.csrf_token,
    session,
    request(path, init = {}) {
      const headers: Record<string, string> = { cookie, ...init.headers };
      const csrf = init.csrf === undefined ? session.csrf_token : init.csrf;
      if (csrf !== null) headers['x-csrf-token'] = csrf;
      const origin = init.origin === undefined ? app.url : init.origin;
      if (origin !== null) headers.origin = origin;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      return app.request(path, {
        method: init.method ?? 'GET',
        key: null,
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    },
  };
}
