import { z } from 'zod';
import { EMAIL_PATTERN } from './email-pattern.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

/** Owners do everything; staff do everything but manage keys, staff accounts and settings. */
export const STAFF_ROLES = ['owner', 'staff'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export { STAFF_SESSION_COOKIE, CSRF_HEADER } from './headers.js';

export const StaffEmail = z
  .string()
  .trim()
  .max(254)
  .regex(EMAIL_PATTERN, 'must be an email address')
  .transform((email) => email.toLowerCase());

/** A staff member as the console shows them; never their password hash. */
export const Staff = z
  .object({
    id: z.string().meta({ example: 'stf_8Jk2…' }),
    object: z.literal('staff').optional(),
    email: z.string(),
    name: z.string().nullable(),
    role: StaffRole,
  })
  .meta({ id: 'Staff' });
export type Staff = z.infer<typeof Staff>;

/** `POST /v1/admin/session`: sign in. */
export const StaffSignIn = z
  .object({
    email: StaffEmail,
    password: z.string().min(1, 'is required').max(1024),
  })
  .strict()
  .meta({ id: 'StaffSignIn' });
export type StaffSignIn = z.input<typeof StaffSignIn>;

/** A signed-in console session: who, and the CSRF token its writes carry in `X-CSRF-Token`. */
export const StaffSession = z
  .object({
    object: z.literal('staff_session'),
    staff: Staff,
    csrf_token: z.string(),
    expires_at: Timestamp,
  })
  .meta({ id: 'StaffSession' });
export type StaffSession = z.infer<typeof StaffSession>;
