import type { AuditLogList, AuditLogQuery } from '../contract/staff.js';
import type { RequestOptions, Transport } from '../request.js';

/** The audit log (owners, or a secret key): `admin.auditLog`. */
export interface AuditLogResource {
  /**
   * Entries newest first: filter by `actor` (a staff or key id), `action` (`product` or
   * `product.update`), `target_type`/`target_id`, `since`; page with `cursor`.
   */
  list(query?: AuditLogQuery, options?: RequestOptions): Promise<AuditLogList>;
}

export function createAuditLogResource(send: Transport): AuditLogResource {
  return {
    list: (query = {}, options = {}) =>
      send<AuditLogList>({ method: 'GET', path: '/admin/audit-log', query, ...options }),
  };
}
