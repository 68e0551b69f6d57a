/** What an admin write did, as the audit log names it: `product.update`, `order.refund`, `key.revoke`. */
export interface DerivedAction {
  action: string;
  targetType: string | null;
  targetId: string | null;
}

const VERB_OF_METHOD: Readonly<Record<string, string>> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

// Singular names for the collections under /v1/admin; an unknown one loses a trailing "s".
const SINGULAR: Readonly<Record<string, string>> = {
  inventory: 'inventory',
  staff: 'staff',
  settings: 'settings',
  'audit-log': 'audit_log',
  'password-resets': 'password_reset',
  refunds: 'refund',
  fulfilments: 'fulfilment',
  fulfillments: 'fulfilment',
};

function singular(segment: string): string {
  const known = SINGULAR[segment];
  if (known) return known;
  const base = segment.endsWith('ies') ? `${segment.slice(0, -3)}y` : segment.replace(/s$/, '');
  return base.replace(/-/g, '_');
}

/**
 * The action of a write from its method and route pattern, with the target read from the path
 * that matched it: `PATCH /v1/admin/products/:id` → `product.update` on that product;
 * `POST /v1/admin/orders/:id/refunds` → `order.refund`; `POST /v1/admin/keys/:id/revoke` →
 * `key.revoke`; `POST /v1/admin/products` → `product.create` (its id comes from the answer).
 */
export function deriveAction(method: string, pattern: string, path: string): DerivedAction {
  const patternParts = pattern
    .replace(/^\/v1\/admin\/?/, '')
    .split('/')
    .filter(Boolean);
  const pathParts = path
    .split('?')[0]!
    .replace(/^\/v1\/admin\/?/, '')
    .split('/')
    .filter(Boolean);
  const verb = VERB_OF_METHOD[method] ?? method.toLowerCase();
  if (patternParts.length === 0) return { action: `admin.${verb}`, targetType: null, targetId: null };
  const resource = singular(patternParts[0]!);
  let targetId: string | null = null;
  const words: string[] = [];
  patternParts.slice(1).forEach((part, i) => {
    if (part.startsWith(':')) {
      if (targetId === null) targetId = decodeURIComponent(pathParts[i + 1] ?? '') || null;
    } else words.push(part);
  });
  // A sub-collection written to (`refunds`) is the action (`refund`); a verb (`revoke`,
  // `adjust`, `fulfil`) is the action itself; a write to the resource itself is create/update/delete.
  const last = words.at(-1);
  const action = last === undefined ? verb : method === 'POST' ? singular(last) : `${singular(last)}.${verb}`;
  return { action: `${resource}.${action}`, targetType: resource, targetId };
}
