import type { Queryable } from './db.js';

export type AuditActorKind = 'staff' | 'api_key' | 'anonymous' | 'system';

export interface NewAuditEntry {
  id: string;
  actorKind: AuditActorKind;
  actorId: string | null;
  /** The staff member's email; for a key, left empty and filled from the key's name. */
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
}

export interface AuditEntryRow {
  seq: string;
  id: string;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  changes: unknown;
  request_id: string | null;
  ip: string | null;
  created_at: Date;
}

export interface AuditQuery {
  actorId?: string;
  /** `product` matches `product.update` and `product.create`; `product.update` matches itself. */
  actionPrefix?: string;
  targetType?: string;
  targetId?: string;
  since?: Date;
  /** Entries older than this sequence number (the cursor). */
  beforeSeq?: string;
  limit: number;
}

/** The audit log: appended to, never changed; read newest first. */
export function createAuditLogRepository(db: Queryable) {
  return {
    async insert(entry: NewAuditEntry): Promise<void> {
      // A key's label is its name (or its id when it has none), read as the entry is written.
      await db.query(
        `INSERT INTO audit_log (id, actor_kind, actor_id, actor_label, action, target_type, target_id, summary,
                                changes, request_id, ip, created_at)
         VALUES ($1, $2, $3,
                 CASE WHEN $2 = 'api_key'
                      THEN COALESCE((SELECT NULLIF(label, '') FROM api_keys WHERE id = $3), $3)
                      ELSE $4 END,
                 $5, $6, $7, $8, $9::jsonb, $10, $11, $12)`,
        [
          entry.id,
          entry.actorKind,
          entry.actorId,
          entry.actorLabel,
          entry.action,
          entry.targetType,
          entry.targetId,
          entry.summary,
          entry.changes === undefined || entry.changes === null ? null : JSON.stringify(entry.changes),
          entry.requestId,
          entry.ip,
          entry.createdAt,
        ],
      );
    },

    /** Up to `limit + 1` entries matching the query, newest first (one more tells whether there is a next page). */
    async list(query: AuditQuery): Promise<AuditEntryRow[]> {
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (sql: (p: string) => string, value: unknown) => {
        params.push(value);
        where.push(sql(`$${params.length}`));
      };
      if (query.actorId !== undefined) add((p) => `actor_id = ${p}`, query.actorId);
      if (query.actionPrefix !== undefined) {
        const escaped = query.actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
        params.push(query.actionPrefix, `${escaped}.%`);
        where.push(`(action = $${params.length - 1} OR action LIKE $${params.length})`);
      }
      if (query.targetType !== undefined) add((p) => `target_type = ${p}`, query.targetType);
      if (query.targetId !== undefined) add((p) => `target_id = ${p}`, query.targetId);
      if (query.since !== undefined) add((p) => `created_at >= ${p}`, query.since);
      if (query.beforeSeq !== undefined) add((p) => `seq < ${p}::bigint`, query.beforeSeq);
      params.push(query.limit + 1);
      const { rows } = await db.query<AuditEntryRow>(
        `SELECT seq::text AS seq, id, actor_kind, actor_id, actor_label, action, target_type, target_id, summary,
                changes, request_id, ip, created_at
           FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY audit_log.seq DESC LIMIT $${params.length}`,
        params,
      );
      return rows;
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
