import type { Queryable } from './db.js';

/** Payment webhook events already handled, by event id. */
export function createWebhookEventRepository(q: Queryable) {
  return {
    async seen(id: string): Promise<boolean> {
      return ((await q.query('SELECT 1 FROM webhook_events WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
    /** Records the event; false when it was already recorded. */
    async record(id: string, provider: string, type: string, now: Date): Promise<boolean> {
      const { rowCount } = await q.query(
        'INSERT INTO webhook_events (id, provider, type, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
        [id, provider, type, now],
      );
      return rowCount === 1;
    },
  };
}
