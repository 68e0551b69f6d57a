import type { Queryable } from './db.js';

export type StaffRole = 'owner' | 'staff';

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string | null;
  created_at: Date;
  disabled_at: Date | null;
}

/** A live session with the account it belongs to. */
export interface StaffSessionRow {
  id: string;
  staff_id: string;
  csrf_secret: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  name: string;
  role: StaffRole;
}

export type StaffTokenPurpose = 'reset' | 'setup';

const STAFF_COLUMNS = 'id, email, name, role, password_hash, created_at, disabled_at';

/** Staff accounts, their sessions and their one-use tokens. Tokens are looked up by their sha256 only. */
export function createStaffRepository(db: Queryable) {
  return {
    async count(): Promise<number> {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM staff');
      return Number(rows[0]?.n ?? 0);
    },

    async list(): Promise<StaffRow[]> {
      const { rows } = await db.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff ORDER BY created_at, id`);
      return rows;
    },

    async findById(id: string): Promise<StaffRow | null> {
      const { rows } = await db.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = $1`, [id]);
      return rows[0] ?? null;
    },

    async findByEmail(email: string): Promise<StaffRow | null> {
      const { rows } = await db.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE lower(email) = lower($1)`, [
        email,
      ]);
      return rows[0] ?? null;
    },

    /** Inserts an account; null when the email is taken (in any case). */
    async insert(row: Omit<StaffRow, 'disabled_at'>): Promise<StaffRow | null> {
      const { rows } = await db.query<StaffRow>(
        `INSERT INTO staff (id, email, name, role, password_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (lower(email)) DO NOTHING
         RETURNING ${STAFF_COLUMNS}`,
        [row.id, row.email, row.name, row.role, row.password_hash, row.created_at],
      );
      return rows[0] ?? null;
    },

    /** Changes name, role or disabled state; answers the row after the change, or null when there is none. */
    async update(
      id: string,
      change: { name?: string; role?: StaffRole; disabledAt?: Date | null },
    ): Promise<StaffRow | null> {
      const { rows } = await db.query<StaffRow>(
        `UPDATE staff SET
           name = CASE WHEN $2::boolean THEN $3 ELSE name END,
           role = CASE WHEN $4::boolean THEN $5 ELSE role END,
           disabled_at = CASE WHEN $6::boolean THEN $7::timestamptz ELSE disabled_at END
         WHERE id = $1
         RETURNING ${STAFF_COLUMNS}`,
        [
          id,
          change.name !== undefined,
          change.name ?? null,
          change.role !== undefined,
          change.role ?? null,
          change.disabledAt !== undefined,
          change.disabledAt ?? null,
        ],
      );
      return rows[0] ?? null;
    },

    /** Owners that are not disabled (the last one may not be demoted or disabled). */
    async countActiveOwners(): Promise<number> {
      const { rows } = await db.query<{ n: string }>(
        "SELECT count(*) AS n FROM staff WHERE role = 'owner' AND disabled_at IS NULL",
      );
      return Number(rows[0]?.n ?? 0);
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.query('UPDATE staff SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    },

    async insertSession(session: {
      id: string;
      tokenHash: string;
      staffId: string;
      csrfSecret: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.query(
        `INSERT INTO staff_sessions (id, token_hash, staff_id, csrf_secret, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6)`,
        [session.id, session.tokenHash, session.staffId, session.csrfSecret, session.createdAt, session.expiresAt],
      );
    },

    /**
     * The session whose cookie hashes to `tokenHash`, when it has not ended, is within its absolute
     * expiry and was seen since `idleSince`, and its account is not disabled.
     */
    async findLiveSession(tokenHash: string, now: Date, idleSince: Date): Promise<StaffSessionRow | null> {
      const { rows } = await db.query<StaffSessionRow>(
        `SELECT s.id, s.staff_id, s.csrf_secret, s.created_at, s.last_seen_at, s.expires_at, st.email, st.name, st.role
           FROM staff_sessions s JOIN staff st ON st.id = s.staff_id
          WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3
            AND st.disabled_at IS NULL`,
        [tokenHash, now, idleSince],
        { prepare: true },
      );
      return rows[0] ?? null;
    },

    async touchSession(id: string, at: Date): Promise<void> {
      await db.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [id, at]);
    },

    async endSession(id: string, at: Date): Promise<void> {
      await db.query('UPDATE staff_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [id, at]);
    },

    /** Ends every session of an account but `exceptId`; answers how many ended. */
    async endSessionsOf(staffId: string, at: Date, exceptId: string | null = null): Promise<number> {
      const { rowCount } = await db.query(
        `UPDATE staff_sessions SET ended_at = $2
          WHERE staff_id = $1 AND ended_at IS NULL AND ($3::text IS NULL OR id <> $3)`,
        [staffId, at, exceptId],
      );
      return rowCount;
    },

    async insertToken(token: {
      tokenHash: string;
      purpose: StaffTokenPurpose;
      staffId: string | null;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db.query(
        `INSERT INTO staff_tokens (token_hash, purpose, staff_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
        [token.tokenHash, token.purpose, token.staffId, token.createdAt, token.expiresAt],
      );
    },

    /**
     * Marks an unused, unexpired token used, in one statement (so two requests cannot both use it);
     * answers its account id (null for a setup token), or undefined when there is no such token.
     */
    async useToken(
      tokenHash: string,
      purpose: StaffTokenPurpose,
      now: Date,
    ): Promise<{ staffId: string | null } | undefined> {
      const { rows } = await db.query<{ staff_id: string | null }>(
        `UPDATE staff_tokens SET used_at = $3
          WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
          RETURNING staff_id`,
        [tokenHash, purpose, now],
      );
      const row = rows[0];
      return row ? { staffId: row.staff_id } : undefined;
    },

    /** The account of a token that would be accepted now (null for a setup token), or undefined. */
    async findUsableToken(
      tokenHash: string,
      purpose: StaffTokenPurpose,
      now: Date,
    ): Promise<{ staffId: string | null } | undefined> {
      const { rows } = await db.query<{ staff_id: string | null }>(
        'SELECT staff_id FROM staff_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3',
        [tokenHash, purpose, now],
      );
      const row = rows[0];
      return row ? { staffId: row.staff_id } : undefined;
    },

    /** Retires the unused tokens of a purpose (a new setup link replaces the previous one). */
    async retireTokens(purpose: StaffTokenPurpose, staffId: string | null, now: Date): Promise<void> {
      await db.query(
        `UPDATE staff_tokens SET used_at = $3
          WHERE purpose = $1 AND used_at IS NULL AND staff_id IS NOT DISTINCT FROM $2`,
        [purpose, staffId, now],
      );
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
