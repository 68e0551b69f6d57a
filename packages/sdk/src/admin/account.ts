import type { PasswordResetAccepted, PasswordResetComplete, StaffSession, StaffSetup } from '../contract/staff.js';
import type { RequestOptions, Transport } from '../request.js';

/** What needs no session: password reset links and the first owner's setup link. `admin.account`. */
export interface AccountResource {
  /** Emails a reset link when the address has an account; the answer is the same either way. */
  requestPasswordReset(email: string, options?: RequestOptions): Promise<PasswordResetAccepted>;
  /** Sets the password a reset or invitation link is for (`token` from the link); ends that account's sessions. */
  resetPassword(input: PasswordResetComplete, options?: RequestOptions): Promise<PasswordResetAccepted>;
  /** Creates the first owner from the link the server printed, and signs them in. */
  setupOwner(input: StaffSetup, options?: RequestOptions): Promise<StaffSession>;
}

export function createAccountResource(send: Transport): AccountResource {
  return {
    requestPasswordReset: (email, options = {}) =>
      send<PasswordResetAccepted>({ method: 'POST', path: '/admin/password-resets', body: { email }, ...options }),
    resetPassword: (input, options = {}) =>
      send<PasswordResetAccepted>({ method: 'POST', path: '/admin/password-resets/complete', body: input, ...options }),
    setupOwner: (input, options = {}) =>
      send<StaffSession>({ method: 'POST', path: '/admin/setup', body: input, ...options }),
  };
}
