// The audit feature's public surface: what other features and the app module may import.
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export { AuditActorNames, type AuditActorNamesSource } from './audit-actor-names';
