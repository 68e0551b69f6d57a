import type { Request, RequestHandler } from 'express';

interface Matched {
  /** The route that answered, as declared: `/v1/products/:idOrHandle`. */
  route?: string;
  /** The deepest router mount the request entered: `/v1/products`. */
  mount?: string;
}

const matched = new WeakMap<Request, Matched>();

/**
 * Remembers which route pattern a request matched, for logs and metrics: the raw URL holds ids
 * (and would make every product its own metric series). Express sets `req.route` and
 * `req.baseUrl` as the request descends its routers and restores `baseUrl` on the way out (an
 * error handler sees `''`), so they are read at the moment they are set.
 */
export function routePatterns(): RequestHandler {
  return (req, _res, next) => {
    const seen: Matched = {};
    matched.set(req, seen);
    let route: unknown;
    let baseUrl = req.baseUrl;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => route,
      set(value: { path?: unknown } | undefined) {
        route = value;
        if (value && value.path !== undefined) {
          const path = String(value.path);
          seen.route = `${baseUrl}${path === '/' && baseUrl !== '' ? '' : path}`;
        }
      },
    });
    Object.defineProperty(req, 'baseUrl', {
      configurable: true,
      enumerable: true,
      get: () => baseUrl,
      set(value: string) {
        baseUrl = value;
        if (value.length > (seen.mount?.length ?? 0)) seen.mount = value;
      },
    });
    next();
  };
}

/**
 * The pattern of the route that answered `req` (`GET /v1/products/:idOrHandle`), else the deepest
 * router it entered followed by `/*` (a 401 before any route, a 404 under `/v1`), else `unmatched`.
 */
export function routePattern(req: Request): string {
  const seen = matched.get(req);
  if (seen?.route) return seen.route;
  if (seen?.mount) return `${seen.mount}/*`;
  return 'unmatched';
}
