import type { Queryable } from './db.js';

export interface SimulatedIntentRow {
  id: string;
  idempotency_key: string;
  amount: number;
  currency: string;
  status: string;
  payment_method: string | null;
  client_secret: string;
  amount_captured: number;
  amount_refunded: number;
  last_error: { code: string; declineCode: string | null; message: string } | null;
  metadata: Record<string, string>;
}

const COLUMNS = `id, idempotency_key, amount, currency, status, payment_method, client_secret,
  amount_captured AS amount_captured, amount_refunded AS amount_refunded, last_error, metadata`;

/** The simulated provider's intents and refunds. State changes are guarded on the current status. */
export function createSimulatedPaymentRepository(q: Queryable) {
  return {
    /** Inserts the intent unless one exists for `idempotency_key`; answers the stored one either way. */
    async insertOnce(
      row: Omit<SimulatedIntentRow, 'status' | 'payment_method' | 'amount_captured' | 'amount_refunded' | 'last_error'>,
      now: Date,
    ): Promise<SimulatedIntentRow> {
      const inserted = await q.query<SimulatedIntentRow>(
        `INSERT INTO simulated_payment_intents (id, idempotency_key, amount, currency, status, client_secret, metadata, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'requires_payment_method', $5, $6, $7, $7) ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING ${COLUMNS}`,
        [row.id, row.idempotency_key, row.amount, row.currency, row.client_secret, JSON.stringify(row.metadata), now],
      );
      if (inserted.rows[0]) return inserted.rows[0];
      const { rows } = await q.query<SimulatedIntentRow>(
        `SELECT ${COLUMNS} FROM simulated_payment_intents WHERE idempotency_key = $1`,
        [row.idempotency_key],
      );
      return rows[0]!;
    },

    async get(id: string): Promise<SimulatedIntentRow | undefined> {
      const { rows } = await q.query<SimulatedIntentRow>(
        `SELECT ${COLUMNS} FROM simulated_payment_intents WHERE id = $1`,
        [id],
      );
      return rows[0];
    },

    /** Moves the intent to `to` only from one of `from`; answers the row after (undefined when it was not in `from`). */
    async transition(
      id: string,
      from: readonly string[],
      change: {
        status: string;
        paymentMethod?: string | null;
        amount?: number;
        captured?: boolean;
        lastError?: SimulatedIntentRow['last_error'];
      },
      now: Date,
    ): Promise<SimulatedIntentRow | undefined> {
      const { rows } = await q.query<SimulatedIntentRow>(
        `UPDATE simulated_payment_intents
            SET status = $3,
                payment_method = CASE WHEN $4::boolean THEN $5 ELSE payment_method END,
                amount = coalesce($6, amount),
                amount_captured = CASE WHEN $7::boolean THEN amount ELSE amount_captured END,
                last_error = $8,
                updated_at = $9
          WHERE id = $1 AND status = ANY($2::text[])
          RETURNING ${COLUMNS}`,
        [
          id,
          from,
          change.status,
          change.paymentMethod !== undefined,
          change.paymentMethod ?? null,
          change.amount ?? null,
          change.captured === true,
          change.lastError ? JSON.stringify(change.lastError) : null,
          now,
        ],
      );
      return rows[0];
    },

    /** Records a refund once per key, within what was captured; answers it (undefined when it would exceed the capture). */
    async refundOnce(
      id: string,
      intentId: string,
      idempotencyKey: string,
      amount: number,
      now: Date,
    ): Promise<{ id: string; amount: number } | undefined> {
      const existing = await q.query<{ id: string; amount: number }>(
        'SELECT id, amount FROM simulated_refunds WHERE idempotency_key = $1',
        [idempotencyKey],
      );
      if (existing.rows[0]) return existing.rows[0];
      const { rowCount } = await q.query(
        'UPDATE simulated_payment_intents SET amount_refunded = amount_refunded + $2, updated_at = $3 WHERE id = $1 AND amount_refunded + $2 <= amount_captured',
        [intentId, amount, now],
      );
      if (rowCount !== 1) return undefined;
      await q.query(
        'INSERT INTO simulated_refunds (id, intent_id, idempotency_key, amount, created_at) VALUES ($1, $2, $3, $4, $5)',
        [id, intentId, idempotencyKey, amount, now],
      );
      return { id, amount };
    },
  };
}
