import { z } from 'zod';
import { EMAIL_PATTERN } from './email-pattern.js';
import { listOf } from './pagination.js';
import { queryInt } from './query.js';

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

// Staff accounts, password resets, the first owner's setup, and the audit log.

export const StaffId = z.string().regex(/^stf_[A-Za-z0-9]{1,64}$/, 'must be a staff id (stf_…)');
export const StaffParams = z.object({ id: StaffId });
const StaffName = z.string().trim().max(200).meta({ description: 'How the person is shown in the console' });

/** Shortest password accepted; a password may not be the account's email either. */
export const MIN_PASSWORD_LENGTH = 12;
export const StaffPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024)
  .meta({ description: `At least ${MIN_PASSWORD_LENGTH} characters, and not the account's email` });

/** A one-use token from an emailed or printed link (`#/reset?token=…`, `#/setup?token=…`). */
export const StaffLinkToken = z.string().regex(/^[A-Za-z0-9]{20,128}$/, 'must be the token of a link');

export const STAFF_STATUSES = ['active', 'invited', 'disabled'] as const;

/** A staff account as owners see it (never its password hash). */
export const StaffMember = z
  .object({
    object: z.literal('staff'),
    id: StaffId,
    email: z.string(),
    name: z.string(),
    role: StaffRole,
    status: z
      .enum(STAFF_STATUSES)
      .meta({ description: 'invited: has not set a password yet; disabled: cannot sign in' }),
    created_at: Timestamp,
    disabled_at: Timestamp.nullable(),
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffList = listOf(StaffMember).meta({ id: 'StaffList' });
export type StaffList = z.infer<typeof StaffList>;

/** Body of `POST /v1/admin/staff`: an invitation, emailed with a link to set a password. */
export const StaffInvite = z
  .object({ email: StaffEmail, name: StaffName.optional(), role: StaffRole })
  .strict()
  .meta({ id: 'StaffInvite' });
export type StaffInvite = z.input<typeof StaffInvite>;

/** Body of `PATCH /v1/admin/staff/:id`. */
export const StaffUpdate = z
  .object({
    name: StaffName.optional(),
    role: StaffRole.optional(),
    disabled: z.boolean().optional().meta({ description: 'true: signs the person out and stops their sign-in' }),
  })
  .strict()
  .refine((u) => u.name !== undefined || u.role !== undefined || u.disabled !== undefined, {
    message: 'Send at least one of name, role, disabled',
  })
  .meta({ id: 'StaffUpdate' });
export type StaffUpdate = z.input<typeof StaffUpdate>;

/** Body of `POST /v1/admin/password-resets`. */
export const PasswordResetRequest = z
  .object({ email: z.string().max(254) })
  .strict()
  .meta({ id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

/** The answer to a reset request (the same whether or not the email has an account), and to its completion. */
export const PasswordResetAccepted = z
  .object({ object: z.literal('password_reset'), status: z.enum(['requested', 'completed']) })
  .meta({ id: 'PasswordResetAccepted' });
export type PasswordResetAccepted = z.infer<typeof PasswordResetAccepted>;

/** Body of `POST /v1/admin/password-resets/complete`. */
export const PasswordResetComplete = z
  .object({ token: StaffLinkToken, password: StaffPassword })
  .strict()
  .meta({ id: 'PasswordResetComplete' });
export type PasswordResetComplete = z.input<typeof PasswordResetComplete>;

/** Body of `POST /v1/admin/setup`: the first owner, from the link the server printed. */
export const StaffSetup = z
  .object({ token: StaffLinkToken, email: StaffEmail, name: StaffName.optional(), password: StaffPassword })
  .strict()
  .meta({ id: 'StaffSetup' });
export type StaffSetup = z.input<typeof StaffSetup>;

export const AUDIT_ACTOR_KINDS = ['staff', 'api_key', 'anonymous', 'system'] as const;

/** One entry of the audit log: who did what to which thing, when, from where. */
export const AuditLogEntry = z
  .object({
    object: z.literal('audit_log_entry'),
    id: z.string(),
    actor: z.object({
      kind: z.enum(AUDIT_ACTOR_KINDS),
      id: z.string().nullable(),
      label: z.string().meta({ description: "The staff member's email or the key's name when it was written" }),
    }),
    action: z.string().meta({ description: 'e.g. `product.update`, `staff.sign_in`, `order.refund`' }),
    target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
    summary: z.string(),
    changes: z.unknown().nullable(),
    request_id: z.string().nullable(),
    ip: z.string().nullable(),
    created_at: Timestamp,
  })
  .meta({ id: 'AuditLogEntry' });
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

export const AuditLogList = listOf(AuditLogEntry).meta({ id: 'AuditLogList' });
export type AuditLogList = z.infer<typeof AuditLogList>;

/** Query of `GET /v1/admin/audit-log`: filters, newest first, cursor paging. */
export const AuditLogQuery = z
  .object({
    actor: z.string().max(100).optional().meta({ description: 'A staff id or key id' }),
    action: z
      .string()
      .regex(/^[a-z_]+(\.[a-z_]+)*$/, 'must be an action or its prefix, e.g. product or product.update')
      .max(100)
      .optional(),
    target_type: z
      .string()
      .regex(/^[a-z_]+$/)
      .max(50)
      .optional(),
    target_id: z.string().max(200).optional(),
    since: z.iso.datetime({ offset: true }).optional().meta({ description: 'Entries at or after this time' }),
    limit: queryInt({ min: 1, max: 100 }).optional(),
    cursor: z.string().min(1).max(512).optional(),
  })
  .strict()
  .meta({ id: 'AuditLogQuery' });
export type AuditLogQuery = z.input<typeof AuditLogQuery>;

/** The answer to `DELETE /v1/admin/session`. */
export const StaffSignedOut = z
  .object({ object: z.literal('staff_session'), signed_out: z.literal(true) })
  .meta({ id: 'StaffSignedOut' });
export type StaffSignedOut = z.infer<typeof StaffSignedOut>;
