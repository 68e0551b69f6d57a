import { timingSafeEqual } from 'node:crypto';
import type { StaffRole, StaffSession } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { AuthenticationError } from '../../errors.js';
import { randomBase62, randomId } from '../../ids.js';
import type { StaffRepository, StaffRow, StaffSessionRow } from '../../store/staff-repository.js';
import type { AuditLog } from '../audit/index.js';
import { hashToken, newToken } from './link-tokens.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import type { SignInThrottle } from './sign-in-throttle.js';

/** A session's last use is written at most this often: its idle expiry is that much coarse. */
const TOUCH_INTERVAL_MS = 60_000;

/** Who a session cookie belongs to, as the admin middleware leaves it on `res.locals.principal`. */
export interface StaffPrincipal {
  kind: 'staff';
  staffId: string;
  role: StaffRole;
  email: string;
  sessionId: string;
}

/** A live session, as the middleware sees it. */
export interface LiveSession {
  principal: StaffPrincipal;
  csrfSecret: string;
  view: StaffSession;
}

/** Where a request came from, for the audit log and the per-address limit. */
export interface RequestContext {
  ip: string;
  requestId: string | null;
}

export interface StaffSessionsDeps {
  repository: StaffRepository;
  clock: Clock;
  audit: AuditLog;
  throttle: SignInThrottle;
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Staff sessions: sign-in (throttled, audited), the cookie's lookup, CSRF, sign-out. */
export function createStaffSessions(deps: StaffSessionsDeps) {
  const { repository, clock, audit } = deps;

  const view = (
    row: Pick<StaffSessionRow, 'staff_id' | 'email' | 'name' | 'role' | 'csrf_secret' | 'expires_at'>,
    lastSeen: Date,
  ): StaffSession => ({
    object: 'staff_session',
    staff: { id: row.staff_id, email: row.email, name: row.name, role: row.role },
    csrf_token: row.csrf_secret,
    expires_at: new Date(Math.min(lastSeen.getTime() + deps.idleMs, row.expires_at.getTime())).toISOString(),
  });

  /** Opens a session for an account; answers the cookie's value (shown once) and the session. */
  async function open(staff: StaffRow): Promise<{ token: string; session: StaffSession }> {
    const { token, tokenHash } = newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + deps.absoluteMs);
    const csrfSecret = randomBase62(43);
    await repository.insertSession({
      id: randomId('sess'),
      tokenHash,
      staffId: staff.id,
      csrfSecret,
      createdAt: now,
      expiresAt,
    });
    return {
      token,
      session: view(
        {
          staff_id: staff.id,
          email: staff.email,
          name: staff.name,
          role: staff.role,
          csrf_secret: csrfSecret,
          expires_at: expiresAt,
        },
        now,
      ),
    };
  }

  return {
    open,

    /**
     * Signs in with email and password. Every failure answers the same 401 whether the email has
     * no account, the password is wrong, or the account is disabled; failures are counted per
     * account and per address, and past the limit a sign-in is refused (429) before any check.
     */
    async signIn(input: { email: string; password: string }, context: RequestContext) {
      const email = input.email.trim();
      await deps.throttle.check(email, context.ip);
      const staff = await repository.findByEmail(email);
      const ok =
        staff && staff.password_hash !== null && staff.disabled_at === null
          ? await verifyPassword(staff.password_hash, input.password)
          : await verifyNothing(input.password);
      if (!ok || !staff) {
        await deps.throttle.fail(email, context.ip);
        await audit.record({
          actor: { kind: 'anonymous', id: null, label: email.slice(0, 254) },
          action: 'staff.sign_in_failed',
          target: staff ? { type: 'staff', id: staff.id } : null,
          summary: `Failed sign-in as ${email.slice(0, 254)}`,
          ...context,
        });
        throw new AuthenticationError('The email or the password is not right.', { code: 'sign_in_failed' });
      }
      const opened = await open(staff);
      await audit.record({
        actor: { kind: 'staff', id: staff.id, label: staff.email },
        action: 'staff.sign_in',
        target: { type: 'staff', id: staff.id },
        summary: `${staff.email} signed in`,
        ...context,
      });
      return opened;
    },

    /** The live session a cookie value names, or null (ended, expired, idle too long, account disabled, unknown). */
    async authenticate(token: string): Promise<LiveSession | null> {
      if (!/^[A-Za-z0-9]{20,128}$/.test(token)) return null;
      const now = clock.now();
      const row = await repository.findLiveSession(hashToken(token), now, new Date(now.getTime() - deps.idleMs));
      if (!row) return null;
      let lastSeen = row.last_seen_at;
      if (now.getTime() - lastSeen.getTime() >= TOUCH_INTERVAL_MS) {
        await repository.touchSession(row.id, now);
        lastSeen = now;
      }
      return {
        principal: { kind: 'staff', staffId: row.staff_id, role: row.role, email: row.email, sessionId: row.id },
        csrfSecret: row.csrf_secret,
        view: view(row, lastSeen),
      };
    },

    /** Whether `token` is this session's CSRF token (compared in constant time). */
    csrfMatches(session: LiveSession, token: string | undefined): boolean {
      return token !== undefined && sameSecret(session.csrfSecret, token);
    },

    async signOut(session: LiveSession, context: RequestContext): Promise<void> {
      await repository.endSession(session.principal.sessionId, clock.now());
      await audit.record({
        actor: { kind: 'staff', id: session.principal.staffId, label: session.principal.email },
        action: 'staff.sign_out',
        target: { type: 'staff', id: session.principal.staffId },
        summary: `${session.principal.email} signed out`,
        ...context,
      });
    },
  };
}

export type StaffSessions = ReturnType<typeof createStaffSessions>;
