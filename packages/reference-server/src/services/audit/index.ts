// The audit domain: who changed what through the admin API or the console. Other domains import it only through this file.
export {
  createAuditLog,
  redactChanges,
  type AuditLog,
  type AuditActor,
  type AuditRecord,
  type AuditLogFilter,
} from './audit-log.js';
export { deriveAction, type DerivedAction } from './action-names.js';
