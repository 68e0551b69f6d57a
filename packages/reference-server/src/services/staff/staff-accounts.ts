import type { StaffMember, StaffRole } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../../errors.js';
import { randomId } from '../../ids.js';
import type { Db } from '../../store/db.js';
import { createStaffRepository, type StaffRepository, type StaffRow } from '../../store/staff-repository.js';
import type { AuditActor, AuditLog } from '../audit/index.js';
import { hashToken, newToken } from './link-tokens.js';
import { checkNewPassword, hashPassword } from './passwords.js';
import type { StaffMailer } from './staff-mailer.js';
import type { RequestContext, StaffSessions } from './staff-sessions.js';

/** A reset or invitation link works for an hour. */
export const RESET_LINK_TTL_MS = 60 * 60_000;
/** The first owner's setup link works for a day. */
export const SETUP_LINK_TTL_MS = 24 * 60 * 60_000;

export interface StaffAccountsDeps {
  db: Db;
  repository: StaffRepository;
  clock: Clock;
  audit: AuditLog;
  mailer: StaffMailer;
  sessions: StaffSessions;
}

export function toStaffMember(row: StaffRow): StaffMember {
  return {
    object: 'staff',
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.disabled_at ? 'disabled' : row.password_hash === null ? 'invited' : 'active',
    created_at: row.created_at.toISOString(),
    disabled_at: row.disabled_at?.toISOString() ?? null,
  };
}

/** `<origin>/admin/#/<screen>?token=…`: where a link in an email or the banner opens the console. */
export function consoleLink(origin: string, screen: 'reset' | 'setup', token: string): string {
  return `${origin.replace(/\/+$/, '')}/admin/#/${screen}?token=${token}`;
}

const actorOf = (row: StaffRow): AuditActor => ({ kind: 'staff', id: row.id, label: row.email });

/** Staff accounts: the first owner, invitations, roles, disabling, passwords and their reset links. */
export function createStaffAccounts(deps: StaffAccountsDeps) {
  const { repository, clock, audit } = deps;

  async function mustFind(id: string): Promise<StaffRow> {
    const row = await repository.findById(id);
    if (!row) throw new NotFoundError(`No staff account ${id}.`, { param: 'id' });
    return row;
  }

  async function issueResetLink(staff: StaffRow, origin: string): Promise<string> {
    const { token, tokenHash } = newToken();
    const now = clock.now();
    // One live link per account: asking again replaces the previous one.
    await repository.retireTokens('reset', staff.id, now);
    await repository.insertToken({
      tokenHash,
      purpose: 'reset',
      staffId: staff.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LINK_TTL_MS),
    });
    return consoleLink(origin, 'reset', token);
  }

  async function createAccount(input: {
    email: string;
    name?: string | undefined;
    role: StaffRole;
    password: string | null;
  }): Promise<StaffRow> {
    if (input.password !== null) checkNewPassword(input.password, input.email);
    const row = await repository.insert({
      id: randomId('stf'),
      email: input.email.trim(),
      name: input.name?.trim() ?? '',
      role: input.role,
      password_hash: input.password === null ? null : await hashPassword(input.password),
      created_at: clock.now(),
    });
    if (!row)
      throw new ConflictError(`There is already a staff account with the email ${input.email}.`, {
        code: 'staff_email_taken',
        param: 'email',
      });
    return row;
  }

  return {
    async count(): Promise<number> {
      return repository.count();
    },

    async list(): Promise<StaffMember[]> {
      return (await repository.list()).map(toStaffMember);
    },

    async get(id: string): Promise<StaffMember> {
      return toStaffMember(await mustFind(id));
    },

    /** An account with a password (the CLI's `staff create`). */
    async create(input: { email: string; name?: string | undefined; role: StaffRole; password: string }) {
      const row = await createAccount(input);
      await audit.record({
        actor: { kind: 'system', id: null, label: 'shoptag-server staff create' },
        action: 'staff.create',
        target: { type: 'staff', id: row.id },
        summary: `Created ${row.role} ${row.email}`,
        changes: { email: row.email, name: row.name, role: row.role },
      });
      return toStaffMember(row);
    },

    /** An account without a password yet, and an emailed link to set one (valid an hour). */
    async invite(
      input: { email: string; name?: string | undefined; role: StaffRole },
      by: { actor: AuditActor; origin: string; context: RequestContext },
    ): Promise<StaffMember> {
      const row = await createAccount({ ...input, password: null });
      const link = await issueResetLink(row, by.origin);
      await deps.mailer.sendPasswordLink({
        to: row.email,
        name: row.name,
        link,
        kind: 'invitation',
        invitedBy: by.actor.label,
      });
      // The request's own audit entry (staff.create) is written by the admin middleware.
      return toStaffMember(row);
    },

    /**
     * Changes a name, a role or the disabled state. Disabling signs the person out everywhere.
     * The last active owner can be neither demoted nor disabled: someone must be able to manage.
     */
    async update(
      id: string,
      change: { name?: string | undefined; role?: StaffRole | undefined; disabled?: boolean | undefined },
    ) {
      const before = await mustFind(id);
      const losesOwner =
        before.role === 'owner' &&
        before.disabled_at === null &&
        ((change.role !== undefined && change.role !== 'owner') || change.disabled === true);
      return deps.db.transaction(async (tx) => {
        const repo = createStaffRepository(tx);
        const now = clock.now();
        const row = await repo.update(id, {
          ...(change.name === undefined ? {} : { name: change.name.trim() }),
          ...(change.role === undefined ? {} : { role: change.role }),
          ...(change.disabled === undefined
            ? {}
            : { disabledAt: change.disabled ? (before.disabled_at ?? now) : null }),
        });
        if (!row) throw new NotFoundError(`No staff account ${id}.`, { param: 'id' });
        if (losesOwner && (await repo.countActiveOwners()) === 0)
          throw new ConflictError('This is the only owner: make someone else owner first.', {
            code: 'last_owner',
            param: change.disabled === true ? 'disabled' : 'role',
          });
        if (change.disabled === true) await repo.endSessionsOf(id, now);
        return toStaffMember(row);
      });
    },

    /**
     * Emails a reset link when the email has an active account; answers nothing either way, so the
     * answer does not tell which addresses have accounts.
     */
    async requestPasswordReset(email: string, origin: string, context: RequestContext): Promise<void> {
      const staff = await repository.findByEmail(email.trim());
      if (!staff || staff.disabled_at !== null) return;
      const link = await issueResetLink(staff, origin);
      await deps.mailer.sendPasswordLink({ to: staff.email, name: staff.name, link, kind: 'reset' });
      await audit.record({
        actor: { kind: 'anonymous', id: null, label: staff.email },
        action: 'staff.password_reset_requested',
        target: { type: 'staff', id: staff.id },
        summary: `Password reset link sent to ${staff.email}`,
        ...context,
      });
    },

    /** Sets the password a reset (or invitation) link is for, once; ends every session of that account. */
    async completePasswordReset(token: string, password: string, context: RequestContext): Promise<StaffMember> {
      const tokenHash = hashToken(token);
      const now = clock.now();
      // The link is used up only by a password that passes the rules.
      const usable = await repository.findUsableToken(tokenHash, 'reset', now);
      const staff = usable?.staffId ? await repository.findById(usable.staffId) : null;
      if (!staff) throw linkUnusable('token');
      checkNewPassword(password, staff.email);
      const passwordHash = await hashPassword(password);
      const used = await repository.useToken(tokenHash, 'reset', clock.now());
      if (!used) throw linkUnusable('token');
      await repository.setPasswordHash(staff.id, passwordHash);
      await repository.endSessionsOf(staff.id, clock.now());
      await audit.record({
        actor: actorOf(staff),
        action: 'staff.password_reset',
        target: { type: 'staff', id: staff.id },
        summary: `${staff.email} set a new password`,
        ...context,
      });
      return toStaffMember({ ...staff, password_hash: passwordHash });
    },

    /** Sets a password directly (the CLI's `staff reset-password`); ends every session of the account. */
    async setPassword(email: string, password: string): Promise<StaffMember> {
      const staff = await repository.findByEmail(email.trim());
      if (!staff) throw new NotFoundError(`No staff account has the email ${email}.`, { param: 'email' });
      checkNewPassword(password, staff.email);
      const passwordHash = await hashPassword(password);
      await repository.setPasswordHash(staff.id, passwordHash);
      await repository.endSessionsOf(staff.id, clock.now());
      await audit.record({
        actor: { kind: 'system', id: null, label: 'shoptag-server staff reset-password' },
        action: 'staff.password_reset',
        target: { type: 'staff', id: staff.id },
        summary: `New password set for ${staff.email}`,
      });
      return toStaffMember({ ...staff, password_hash: passwordHash });
    },

    /**
     * On an install without any staff account: a one-use link (a day) that creates the first
     * owner, replacing any earlier one. Null when an account exists.
     */
    async createSetupLink(origin: string): Promise<string | null> {
      if ((await repository.count()) > 0) return null;
      const { token, tokenHash } = newToken();
      const now = clock.now();
      await repository.retireTokens('setup', null, now);
      await repository.insertToken({
        tokenHash,
        purpose: 'setup',
        staffId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SETUP_LINK_TTL_MS),
      });
      return consoleLink(origin, 'setup', token);
    },

    /** Creates the first owner from the setup link, and signs them in. */
    async setup(
      input: { token: string; email: string; name?: string | undefined; password: string },
      context: RequestContext,
    ) {
      checkNewPassword(input.password, input.email);
      const passwordHash = await hashPassword(input.password);
      const owner = await deps.db.transaction(async (tx) => {
        const repo = createStaffRepository(tx);
        const used = await repo.useToken(hashToken(input.token), 'setup', clock.now());
        if (!used) throw linkUnusable('token');
        if ((await repo.count()) > 0)
          throw new ConflictError('The shop has an owner already: sign in instead.', { code: 'setup_done' });
        const row = await repo.insert({
          id: randomId('stf'),
          email: input.email.trim(),
          name: input.name?.trim() ?? '',
          role: 'owner',
          password_hash: passwordHash,
          created_at: clock.now(),
        });
        if (!row) throw new ConflictError('The shop has an owner already: sign in instead.', { code: 'setup_done' });
        return row;
      });
      await audit.record({
        actor: actorOf(owner),
        action: 'staff.setup',
        target: { type: 'staff', id: owner.id },
        summary: `${owner.email} created the first owner account`,
        ...context,
      });
      return deps.sessions.open(owner);
    },
  };
}

function linkUnusable(param: string): InvalidRequestError {
  return new InvalidRequestError('This link has been used or has expired. Ask for a new one.', {
    code: 'link_expired',
    param,
  });
}

export type StaffAccounts = ReturnType<typeof createStaffAccounts>;
