// The staff domain: accounts (owner, staff), passwords, sessions, reset and setup links, sign-in
// limits. Other domains import it only through this file.
export {
  createStaffSessions,
  type StaffSessions,
  type StaffSessionsDeps,
  type StaffPrincipal,
  type LiveSession,
  type RequestContext,
} from './staff-sessions.js';
export {
  createStaffAccounts,
  consoleLink,
  toStaffMember,
  RESET_LINK_TTL_MS,
  SETUP_LINK_TTL_MS,
  type StaffAccounts,
  type StaffAccountsDeps,
} from './staff-accounts.js';
export {
  createSignInThrottle,
  DEFAULT_SIGN_IN_LIMITS,
  type SignInLimit,
  type SignInThrottle,
} from './sign-in-throttle.js';
export { createStaffMailer, renderPasswordLink, type StaffMailer, type PasswordLinkEmail } from './staff-mailer.js';
export { checkNewPassword, hashPassword, verifyPassword } from './passwords.js';
export { createStaffServices, type StaffServices } from './staff-services.js';
