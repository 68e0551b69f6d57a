import type { AuditLogEntry, List } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { InvalidRequestError } from '../../errors.js';
import { randomId } from '../../ids.js';
import type { AuditActorKind, AuditEntryRow, AuditLogRepository } from '../../store/audit-log-repository.js';

/** Who did something: a staff member (their email), a secret key (its name is read as the entry is written), nobody yet. */
export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  label: string;
}

/** One thing that happened, to be written to the audit log. */
export interface AuditRecord {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string | null } | null;
  summary?: string;
  /** What changed (the request's parameters, never a password or a token). */
  changes?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

export interface AuditLogFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  since?: Date;
  limit?: number;
  cursor?: string;
}

const DEFAULT_LIMIT = 50;
const CURSOR_SORT = 'audit';
/** Longest summary kept: a line people read, not a dump. */
const MAX_SUMMARY = 500;
/** Largest `changes` kept, in JSON characters; a bigger one is replaced by a note of its size. */
const MAX_CHANGES_CHARS = 8_000;
/** Parameters whose values never reach the log. */
const SECRET_FIELDS = /pass(word)?|token|secret|card|cvc|authorization/i;

/** `changes` without secret fields, and bounded in size. */
export function redactChanges(value: unknown): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (depth > 6) return '[…]';
    if (Array.isArray(v)) return v.slice(0, 100).map((item) => walk(item, depth + 1));
    return Object.fromEntries(
      Object.entries(v).map(([k, item]) => [k, SECRET_FIELDS.test(k) ? '[redacted]' : walk(item, depth + 1)]),
    );
  };
  const redacted = walk(value, 0);
  const json = JSON.stringify(redacted);
  if (json !== undefined && json.length > MAX_CHANGES_CHARS) return { omitted: `${json.length} characters` };
  return redacted;
}

function toEntry(row: AuditEntryRow): AuditLogEntry {
  return {
    object: 'audit_log_entry',
    id: row.id,
    actor: { kind: row.actor_kind, id: row.actor_id, label: row.actor_label },
    action: row.action,
    target: row.target_type === null ? null : { type: row.target_type, id: row.target_id },
    summary: row.summary,
    changes: row.changes ?? null,
    request_id: row.request_id,
    ip: row.ip,
    created_at: row.created_at.toISOString(),
  };
}

/** The audit log: who changed what. Written by the admin middleware and the staff service; read by owners. */
export function createAuditLog(deps: { repository: AuditLogRepository; clock: Clock }) {
  return {
    async record(record: AuditRecord): Promise<void> {
      await deps.repository.insert({
        id: randomId('aud'),
        actorKind: record.actor.kind,
        actorId: record.actor.id,
        actorLabel: record.actor.label.slice(0, 254),
        action: record.action.slice(0, 100),
        targetType: record.target?.type ?? null,
        targetId: record.target?.id?.slice(0, 200) ?? null,
        summary: (record.summary ?? '').slice(0, MAX_SUMMARY),
        changes: record.changes === undefined ? null : redactChanges(record.changes),
        requestId: record.requestId ?? null,
        ip: record.ip ?? null,
        createdAt: deps.clock.now(),
      });
    },

    /** Newest first, filtered, a page at a time. */
    async list(filter: AuditLogFilter = {}): Promise<List<AuditLogEntry>> {
      const limit = filter.limit ?? DEFAULT_LIMIT;
      const before = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor, CURSOR_SORT, ['text'])[0];
      if (before !== undefined && !/^\d{1,18}$/.test(String(before)))
        throw new InvalidRequestError('Invalid cursor: not a cursor issued by this server.', { param: 'cursor' });
      const rows = await deps.repository.list({
        ...(filter.actor === undefined ? {} : { actorId: filter.actor }),
        ...(filter.action === undefined ? {} : { actionPrefix: filter.action }),
        ...(filter.targetType === undefined ? {} : { targetType: filter.targetType }),
        ...(filter.targetId === undefined ? {} : { targetId: filter.targetId }),
        ...(filter.since === undefined ? {} : { since: filter.since }),
        ...(before === undefined ? {} : { beforeSeq: String(before) }),
        limit,
      });
      const page = rows.slice(0, limit);
      const hasMore = rows.length > limit;
      return {
        object: 'list',
        data: page.map(toEntry),
        has_more: hasMore,
        next_cursor: hasMore ? encodeCursor(CURSOR_SORT, [page.at(-1)!.seq]) : null,
      };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
