import type { StaffSession, StaffSignIn } from '../contract/staff.js';
import type { RequestOptions, Transport } from '../request.js';

/** The console's session: `admin.session`. */
export interface SessionResource {
  /** Signs in with an email and password; the server sets the session cookie. */
  signIn(credentials: StaffSignIn, options?: RequestOptions): Promise<StaffSession>;
  /** The signed-in session, or an `AuthenticationError` (`not_signed_in`) when there is none. */
  current(options?: RequestOptions): Promise<StaffSession>;
  /** Ends the session and clears its cookie. */
  signOut(options?: RequestOptions): Promise<void>;
}

export function createSessionResource(send: Transport): SessionResource {
  return {
    signIn: (credentials, options = {}) =>
      send<StaffSession>({ method: 'POST', path: '/admin/session', body: credentials, ...options }),
    current: (options = {}) => send<StaffSession>({ method: 'GET', path: '/admin/session', ...options }),
    signOut: async (options = {}) => {
      await send<unknown>({ method: 'DELETE', path: '/admin/session', ...options });
    },
  };
}
