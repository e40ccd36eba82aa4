export { AUDIT_CONTAINER, AuditLog, type AuditActor, type AuditEntry } from './audit-log';
