import type { ImportJob } from '../contract/index.js';
import type { RequestOptions, Transport } from '../request.js';

/** Shopify CSV imports: `admin.imports`. */
export interface AdminImportsResource {
  /** Sends Shopify's product CSV export; answers the job at once (it runs in the background). */
  start(csv: Blob | string, options?: RequestOptions): Promise<ImportJob>;
  /** The job as it is now: status, rows done of the total, counts, written products and skipped rows. */
  get(id: string, options?: RequestOptions): Promise<ImportJob>;
  /** Stops the job after the chunk it is writing (committed chunks stay). */
  cancel(id: string, options?: RequestOptions): Promise<ImportJob>;
}

export function createAdminImportsResource(send: Transport): AdminImportsResource {
  return {
    start: (csv, options = {}) =>
      send<ImportJob>({
        method: 'POST',
        path: '/admin/products/import',
        rawBody: { data: typeof csv === 'string' ? new Blob([csv]) : csv, type: 'text/csv' },
        ...options,
      }),
    get: (id, options = {}) =>
      send<ImportJob>({ method: 'GET', path: `/admin/imports/${encodeURIComponent(id)}`, ...options }),
    cancel: (id, options = {}) =>
      send<ImportJob>({ method: 'POST', path: `/admin/imports/${encodeURIComponent(id)}/cancel`, ...options }),
  };
}
