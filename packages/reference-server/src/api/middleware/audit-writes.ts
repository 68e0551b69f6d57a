import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../../logger.js';
import { deriveAction, type AuditActor, type AuditLog } from '../../services/audit/index.js';
import type { RequestPrincipal } from '../locals.js';
import { routePattern } from './route-pattern.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function actorOf(principal: RequestPrincipal | undefined): AuditActor {
  if (principal?.kind === 'staff') return { kind: 'staff', id: principal.staffId, label: principal.email };
  if (principal) return { kind: 'api_key', id: principal.keyId, label: '' };
  return { kind: 'anonymous', id: null, label: '' };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What the answer calls the thing written (its name, code or number), for the summary line. */
function nameIn(value: unknown): string | null {
  if (!isRecord(value)) return null;
  for (const key of ['name', 'code', 'number', 'email', 'title'])
    if (typeof value[key] === 'string' && value[key]) return String(value[key]).slice(0, 120);
  return null;
}

/**
 * Records every successful admin write (POST, PUT, PATCH, DELETE under /v1/admin, by a staff
 * session or a secret key) in the audit log, once: the actor, an action derived from the route
 * pattern and method (or what the handler put in `res.locals.audit`), the target read from the
 * path (or the id of what a create answered), a summary, the request's parameters (secrets
 * redacted), the request id and the address. Mounted once before every admin router, so routes
 * added later are covered without a line of their own. The entry is written before the answer
 * leaves, so a client that reads the log after a write finds it; a failure to write it is logged
 * and does not fail the write, which has happened.
 */
export function auditWrites(audit: AuditLog, logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (!WRITES.has(req.method)) return next();
    let answered: unknown;
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      answered = body;
      return json(body);
    };
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let recorded = false;
    res.end = ((...args: unknown[]) => {
      // A replayed answer (same Idempotency-Key) did its write, and was recorded, the first time.
      if (recorded || res.statusCode >= 400 || res.locals.audit?.skip || res.getHeader('Idempotent-Replayed'))
        return end(...args);
      recorded = true;
      record(req, res, answered)
        .catch((error: unknown) =>
          logger.error(`writing the audit log failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };

  async function record(req: Request, res: Response, answered: unknown): Promise<void> {
    const hint = res.locals.audit ?? {};
    const derived = deriveAction(req.method, routePattern(req), req.originalUrl);
    const createdId = isRecord(answered) && typeof answered.id === 'string' ? answered.id : null;
    const target =
      hint.target ?? (derived.targetType ? { type: derived.targetType, id: derived.targetId ?? createdId } : null);
    const path = req.originalUrl.split('?')[0] ?? '';
    const name = nameIn(answered) ?? nameIn(req.body);
    await audit.record({
      actor: actorOf(res.locals.principal),
      action: hint.action ?? derived.action,
      target,
      summary: hint.summary ?? `${req.method} ${path}${name ? ` (${name})` : ''}`,
      changes: hint.changes ?? (isRecord(req.body) && Object.keys(req.body).length > 0 ? req.body : null),
      requestId: res.locals.requestId,
      ip: req.ip ?? null,
    });
  }
}
