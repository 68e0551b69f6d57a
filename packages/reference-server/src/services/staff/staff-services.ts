import type { RateLimiter } from '../../cache/rate-limiter.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../store/db.js';
import { createAuditLogRepository } from '../../store/audit-log-repository.js';
import { createStaffRepository } from '../../store/staff-repository.js';
import { createAuditLog, type AuditLog } from '../audit/index.js';
import { createSignInThrottle, type SignInLimit } from './sign-in-throttle.js';
import { createStaffAccounts, type StaffAccounts } from './staff-accounts.js';
import type { StaffMailer } from './staff-mailer.js';
import { createStaffSessions, type StaffSessions } from './staff-sessions.js';

/** Staff sessions and accounts and the audit log, built together because they share their deps. */
export interface StaffServices {
  sessions: StaffSessions;
  accounts: StaffAccounts;
  audit: AuditLog;
}

export function createStaffServices(deps: {
  db: Db;
  clock: Clock;
  /** Counts failed sign-ins (Redis across processes, or this process). */
  limiter: RateLimiter;
  mailer: StaffMailer;
  /** A session unused this long ends (SHOPTAG_SESSION_IDLE_HOURS). */
  idleMs: number;
  /** A session ends this long after sign-in (SHOPTAG_SESSION_MAX_DAYS). */
  absoluteMs: number;
  signInLimits?: readonly SignInLimit[];
}): StaffServices {
  const { db, clock } = deps;
  const repository = createStaffRepository(db);
  const audit = createAuditLog({ repository: createAuditLogRepository(db), clock });
  const sessions = createStaffSessions({
    repository,
    clock,
    audit,
    throttle: createSignInThrottle({
      limiter: deps.limiter,
      ...(deps.signInLimits ? { limits: deps.signInLimits } : {}),
    }),
    idleMs: deps.idleMs,
    absoluteMs: deps.absoluteMs,
  });
  const accounts = createStaffAccounts({ db, repository, clock, audit, mailer: deps.mailer, sessions });
  return { sessions, accounts, audit };
}
