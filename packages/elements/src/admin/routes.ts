import type { AdminMessageKey } from './i18n/admin-messages.js';
import type { StaffRole } from '@shoptag/sdk/admin';

/**
 * One console page: the hash path it answers (`#/orders/ord_…`), the element that draws it, and
 * the chunk that defines that element. Each area adds its routes here, one line each.
 */
export interface AdminRoute {
  /** Matched against the path after `#/`; named groups become the screen's `params`. */
  readonly pattern: RegExp;
  /** The screen's custom element tag. */
  readonly tag: string;
  /** Loads the chunk that defines `tag` (each area is its own chunk). */
  readonly load: () => Promise<unknown>;
  /** Shown in the navigation under this label (only one route per area should have it). */
  readonly nav?: AdminMessageKey;
  /** The path the navigation link goes to, when `nav` is set. */
  readonly href?: string;
  /** Roles that may open it; every signed-in role when absent. */
  readonly roles?: readonly StaffRole[];
  /** Reachable without signing in (a password-reset or first-owner link). */
  readonly public?: boolean;
}

export const ADMIN_ROUTES: readonly AdminRoute[] = [
  {
    pattern: /^products$/,
    tag: 'shop-admin-products',
    load: () => import('./products/index.js'),
    nav: 'nav.products',
    href: 'products',
  },
  { pattern: /^products\/new$/, tag: 'shop-admin-product', load: () => import('./products/index.js') },
  { pattern: /^products\/(?<id>prod_\w+)$/, tag: 'shop-admin-product', load: () => import('./products/index.js') },
  {
    pattern: /^stock$/,
    tag: 'shop-admin-stock',
    load: () => import('./stock/index.js'),
    nav: 'nav.stock',
    href: 'stock',
  },
  { pattern: /^stock\/(?<variant>var_\w+)$/, tag: 'shop-admin-variant-stock', load: () => import('./stock/index.js') },
  {
    pattern: /^imports$/,
    tag: 'shop-admin-import',
    load: () => import('./imports/index.js'),
    nav: 'nav.imports',
    href: 'imports',
  },
  { pattern: /^imports\/(?<id>imp_\w+)$/, tag: 'shop-admin-import', load: () => import('./imports/index.js') },
  {
    pattern: /^orders$/,
    tag: 'shop-admin-orders',
    load: () => import('./orders/index.js'),
    nav: 'nav.orders',
    href: 'orders',
  },
  { pattern: /^orders\/(?<id>ord_[A-Za-z0-9]+)$/, tag: 'shop-admin-order', load: () => import('./orders/index.js') },
  {
    pattern: /^coupons$/,
    tag: 'shop-admin-coupons',
    load: () => import('./coupons/index.js'),
    nav: 'nav.coupons',
    href: 'coupons',
  },
  { pattern: /^coupons\/new$/, tag: 'shop-admin-coupon', load: () => import('./coupons/index.js') },
  { pattern: /^coupons\/(?<id>cpn_\w+)$/, tag: 'shop-admin-coupon', load: () => import('./coupons/index.js') },
  {
    pattern: /^keys$/,
    tag: 'shop-admin-keys',
    load: () => import('./keys/index.js'),
    nav: 'nav.keys',
    href: 'keys',
    roles: ['owner'],
  },
  {
    pattern: /^settings$/,
    tag: 'shop-admin-settings',
    load: () => import('./settings/index.js'),
    nav: 'nav.settings',
    href: 'settings',
    roles: ['owner'],
  },
  {
    pattern: /^staff$/,
    tag: 'shop-admin-staff',
    load: () => import('./staff/index.js'),
    nav: 'nav.staff',
    href: 'staff',
    roles: ['owner'],
  },
  {
    pattern: /^audit$/,
    tag: 'shop-admin-audit',
    load: () => import('./audit/index.js'),
    nav: 'nav.audit',
    href: 'audit',
    roles: ['owner'],
  },
  { pattern: /^reset$/, tag: 'shop-admin-reset', load: () => import('./account/index.js'), public: true },
  { pattern: /^setup$/, tag: 'shop-admin-setup', load: () => import('./account/index.js'), public: true },
];

/** The route for `path` (without `#/`) and its named groups, or undefined. */
export function matchRoute(
  path: string,
  routes: readonly AdminRoute[] = ADMIN_ROUTES,
): { route: AdminRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: { ...match.groups } };
  }
  return undefined;
}
