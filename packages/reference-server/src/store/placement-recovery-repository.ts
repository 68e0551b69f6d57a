import type { Queryable } from './db.js';

/** A checkout whose `complete` started paying and has no order yet. */
export interface UnfinishedSessionRow {
  id: string;
  payment_intent_id: string;
  completing_at: Date;
  expires_at: Date;
}

/** An order still `pending`: written, its payment not yet captured (or given up). */
export interface PendingOrderRow {
  id: string;
  number: string;
  checkout_session_id: string;
  payment_reference: string;
  total: number;
  currency: string;
  created_at: Date;
}

export type RecoveryActor = 'job' | 'retry' | 'webhook' | 'admin';

export interface RecoveryEventRow {
  checkout_session_id: string;
  order_id: string | null;
  payment_intent_id: string | null;
  actor: RecoveryActor;
  action: string;
  detail: string;
  created_at: Date;
}

/** The marks, candidates and event log of placement recovery. */
export function createPlacementRecoveryRepository(q: Queryable) {
  return {
    /** Marks an open session as paying now (before each payment call of `complete`). */
    async markCompleting(sessionId: string, now: Date): Promise<void> {
      await q.query("UPDATE checkout_sessions SET completing_at = $2 WHERE id = $1 AND status = 'open'", [
        sessionId,
        now,
      ]);
    },

    /** Clears the mark, unless a newer `complete` set it again meanwhile. */
    async clearCompleting(sessionId: string, markedAt: Date): Promise<boolean> {
      const { rowCount } = await q.query(
        'UPDATE checkout_sessions SET completing_at = NULL WHERE id = $1 AND completing_at = $2',
        [sessionId, markedAt],
      );
      return rowCount === 1;
    },

    /** Open sessions marked as paying before `before`, oldest first. */
    async unfinishedSessions(before: Date, limit: number): Promise<UnfinishedSessionRow[]> {
      const { rows } = await q.query<UnfinishedSessionRow>(
        `SELECT id, payment_intent_id, completing_at, expires_at FROM checkout_sessions
          WHERE status = 'open' AND completing_at IS NOT NULL AND completing_at < $1 AND payment_intent_id IS NOT NULL
          ORDER BY completing_at LIMIT $2`,
        [before, limit],
      );
      return rows;
    },

    /** Orders pending since before `before`, oldest first. */
    async pendingOrders(before: Date, limit: number): Promise<PendingOrderRow[]> {
      const { rows } = await q.query<PendingOrderRow>(
        `SELECT id, number, checkout_session_id, payment_reference, total, currency, created_at FROM orders
          WHERE status = 'pending' AND created_at < $1 ORDER BY created_at LIMIT $2`,
        [before, limit],
      );
      return rows;
    },

    async record(event: RecoveryEventRow): Promise<void> {
      await q.query(
        `INSERT INTO placement_recovery_events (checkout_session_id, order_id, payment_intent_id, actor, action, detail, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          event.checkout_session_id,
          event.order_id,
          event.payment_intent_id,
          event.actor,
          event.action,
          event.detail,
          event.created_at,
        ],
      );
    },

    /** The latest event of each session. */
    async lastEvents(sessionIds: readonly string[]): Promise<Map<string, RecoveryEventRow>> {
      if (sessionIds.length === 0) return new Map();
      const { rows } = await q.query<RecoveryEventRow>(
        `SELECT DISTINCT ON (checkout_session_id) checkout_session_id, order_id, payment_intent_id, actor, action, detail, created_at
           FROM placement_recovery_events WHERE checkout_session_id = ANY($1::text[])
          ORDER BY checkout_session_id, id DESC`,
        [sessionIds],
      );
      return new Map(rows.map((r) => [r.checkout_session_id, r]));
    },

    /** Every event of a session, oldest first. */
    async events(sessionId: string): Promise<RecoveryEventRow[]> {
      const { rows } = await q.query<RecoveryEventRow>(
        `SELECT checkout_session_id, order_id, payment_intent_id, actor, action, detail, created_at
           FROM placement_recovery_events WHERE checkout_session_id = $1 ORDER BY id`,
        [sessionId],
      );
      return rows;
    },
  };
}

export type PlacementRecoveryRepository = ReturnType<typeof createPlacementRecoveryRepository>;
