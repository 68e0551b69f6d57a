import type { Principal } from '../services/keys/index.js';
import type { LiveSession, StaffPrincipal } from '../services/staff/index.js';

/** Who is calling: an API key, or a staff member signed in to the console. */
export type RequestPrincipal = Principal | StaffPrincipal;

/** What a handler may tell the audit log about its write, over what is read from the route. */
export interface AuditHint {
  /** e.g. `order.refund`; default from the method and route pattern. */
  action?: string;
  target?: { type: string; id: string | null };
  summary?: string;
  changes?: unknown;
  /** Record nothing for this request (it wrote its own entry). */
  skip?: boolean;
}

// What the middleware leaves on `res.locals` for later middleware and handlers.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own typings are a namespace; augmenting it is the documented way to type res.locals
  namespace Express {
    interface Locals {
      /** Set by the request-id middleware on every request. */
      requestId: string;
      /** Set by the auth middleware on routes that need a key. */
      principal?: RequestPrincipal;
      /** Set by the admin middleware for a request signed in with the console's session cookie. */
      staffSession?: LiveSession;
      /** Set by admin handlers that know better than the route what their write did. */
      audit?: AuditHint;
      /** Set when the body was sent in a coding chosen already (so it is not compressed again). */
      preEncoded?: boolean;
    }
  }
}

export {};
