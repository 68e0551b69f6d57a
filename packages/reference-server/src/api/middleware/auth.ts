import type { RequestHandler } from 'express';
import { PermissionError } from '../../errors.js';
import type { ApiKeyService } from '../../services/keys/index.js';
import { looksLikeBrowser } from './browser-request.js';

/**
 * Requires an API key. Publishable keys reach storefront routes; secret keys reach those and the
 * admin routes, but never from a browser (see {@link looksLikeBrowser}).
 */
export function authenticate(keys: ApiKeyService): RequestHandler {
  return async (req, res, next) => {
    const principal = await keys.authenticate(req.get('authorization'));
    if (principal.kind === 'secret' && looksLikeBrowser(req.headers)) {
      throw new PermissionError(
        'Secret keys must not be used from a browser. Use a publishable key (pk_…) in web pages.',
        {
          code: 'secret_key_in_browser',
        },
      );
    }
    res.locals.principal = principal;
    next();
  };
}

/** Admin routes: a secret key only. */
export function requireSecretKey(): RequestHandler {
  return (_req, res, next) => {
    if (res.locals.principal?.kind !== 'secret') {
      throw new PermissionError(
        'This route needs a secret key (sk_…); publishable keys reach storefront routes only.',
        {
          code: 'secret_key_required',
        },
      );
    }
    next();
  };
}
