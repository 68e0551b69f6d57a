// Lists the routes an Express 5 application mounts by walking its router's layers, recursing
// into routers mounted with `use` (Express 5 keeps them on `app.router`; the `router` package
// keeps each layer's path as given in `rawPath`).
import type { Express } from 'express';

/** One method + path the application answers, with `:params` as written in the route. */
export interface MountedRoute {
  method: string;
  path: string;
}

interface RouteLike {
  path: unknown;
  methods: Record<string, boolean>;
}

interface LayerLike {
  rawPath: unknown;
  route?: RouteLike;
  handle: unknown;
}

function stackOf(handle: unknown): LayerLike[] | undefined {
  const stack = (handle as { stack?: unknown } | null)?.stack;
  return typeof handle === 'function' && Array.isArray(stack) ? (stack as LayerLike[]) : undefined;
}

/** The paths a layer matches: strings as written, anything else (a RegExp) shown as `«/re/»` so it cannot match a contract path. */
function pathsOf(raw: unknown): string[] {
  if (raw === undefined) return ['/'];
  if (Array.isArray(raw)) return raw.flatMap(pathsOf);
  return [typeof raw === 'string' ? raw : `«${String(raw)}»`];
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function walk(stack: LayerLike[], prefix: string, out: MountedRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m]);
      for (const path of pathsOf(layer.route.path)) {
        for (const method of methods)
          out.push({ method: method === '_all' ? 'all' : method, path: join(prefix, path) });
      }
      continue;
    }
    const inner = stackOf(layer.handle);
    if (inner) for (const path of pathsOf(layer.rawPath)) walk(inner, join(prefix, path), out);
  }
}

/** Every method + path the application's routers declare, in mounting order. */
export function mountedRoutes(app: Express): MountedRoute[] {
  const root = stackOf((app as unknown as { router: unknown }).router);
  if (!root) throw new Error('the application has no router stack (not Express 5?)');
  const out: MountedRoute[] = [];
  walk(root, '', out);
  return out;
}
