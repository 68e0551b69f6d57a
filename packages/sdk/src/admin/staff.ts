import type { StaffInvite, StaffList, StaffMember, StaffUpdate } from '../contract/staff.js';
import type { RequestOptions, Transport } from '../request.js';

/** Staff accounts (owners, or a secret key): `admin.staff`. */
export interface StaffResource {
  /** Every account, oldest first. */
  list(options?: RequestOptions): Promise<StaffList>;
  get(id: string, options?: RequestOptions): Promise<StaffMember>;
  /** Creates an account without a password and emails the person a link (valid an hour) to set one. */
  invite(input: StaffInvite, options?: RequestOptions): Promise<StaffMember>;
  /** Changes the name or role, or disables (`disabled: true` signs the person out everywhere) or enables the account. */
  update(id: string, change: StaffUpdate, options?: RequestOptions): Promise<StaffMember>;
}

export function createStaffResource(send: Transport): StaffResource {
  const path = (id: string) => `/admin/staff/${encodeURIComponent(id)}`;
  return {
    list: (options = {}) => send<StaffList>({ method: 'GET', path: '/admin/staff', ...options }),
    get: (id, options = {}) => send<StaffMember>({ method: 'GET', path: path(id), ...options }),
    invite: (input, options = {}) =>
      send<StaffMember>({ method: 'POST', path: '/admin/staff', body: input, ...options }),
    update: (id, change, options = {}) =>
      send<StaffMember>({ method: 'PATCH', path: path(id), body: change, ...options }),
  };
}
