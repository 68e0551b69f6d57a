import type { Principal } from '../services/keys/index.js';

// What the middleware leaves on `res.locals` for later middleware and handlers.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own typings are a namespace; augmenting it is the documented way to type res.locals
  namespace Express {
    interface Locals {
      /** Set by the request-id middleware on every request. */
      requestId: string;
      /** Set by the auth middleware on routes that need a key. */
      principal?: Principal;
      /** Set when the body was sent in a coding chosen already (so it is not compressed again). */
      preEncoded?: boolean;
    }
  }
}

export {};
