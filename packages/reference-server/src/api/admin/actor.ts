import type { Response } from 'express';

/** Who is making an admin request, as histories record it. */
export interface AdminActor {
  type: 'staff' | 'key' | 'system';
  id: string | null;
}

/**
 * The actor behind `res.locals.principal`: a signed-in staff member (`staffId`) or a secret key
 * (`keyId`). Read structurally, so it holds whichever principal the auth middleware set.
 */
export function adminActor(res: Response): AdminActor {
  const principal: unknown = res.locals.principal;
  if (principal && typeof principal === 'object') {
    if ('staffId' in principal && typeof principal.staffId === 'string')
      return { type: 'staff', id: principal.staffId };
    if ('keyId' in principal && typeof principal.keyId === 'string') return { type: 'key', id: principal.keyId };
  }
  return { type: 'system', id: null };
}
