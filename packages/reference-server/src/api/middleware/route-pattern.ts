import type { Express, Request } from 'express';

interface Matched {
  /** The route that answered, as declared: `/v1/products/:idOrHandle`. */
  route?: string;
  /** The deepest router mount the request entered: `/v1/products`. */
  mount?: string;
}

interface RouteState extends Matched {
  /** What Express last set as `req.route` and `req.baseUrl`. */
  routeObject?: unknown;
  baseUrl: string;
}

const matched = new WeakMap<object, RouteState>();

function stateOf(req: object): RouteState {
  let state = matched.get(req);
  if (!state) matched.set(req, (state = { baseUrl: '' }));
  return state;
}

/**
 * Remembers which route pattern each request of `app` matched, for logs and metrics: the raw URL
 * holds ids (and would make every product its own metric series). Express sets `req.route` and
 * `req.baseUrl` as the request descends its routers and restores `baseUrl` on the way out (an
 * error handler sees `''`), so they are read at the moment they are set — by accessors defined
 * once on the app's request prototype. (Defined on each request instead, they turned every
 * request object into a dictionary and cost a sixth of a cached answer's throughput.)
 */
export function recordRoutePatterns(app: Express): void {
  Object.defineProperty(app.request, 'route', {
    configurable: true,
    enumerable: true,
    get(this: object) {
      return matched.get(this)?.routeObject;
    },
    set(this: object, value: { path?: unknown } | undefined) {
      const state = stateOf(this);
      state.routeObject = value;
      if (value && value.path !== undefined) {
        const path = String(value.path);
        state.route = `${state.baseUrl}${path === '/' && state.baseUrl !== '' ? '' : path}`;
      }
    },
  });
  Object.defineProperty(app.request, 'baseUrl', {
    configurable: true,
    enumerable: true,
    get(this: object) {
      return matched.get(this)?.baseUrl ?? '';
    },
    set(this: object, value: string) {
      const state = stateOf(this);
      state.baseUrl = value;
      if (value.length > (state.mount?.length ?? 0)) state.mount = value;
    },
  });
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
