// The display names of the users who made audited changes, told by the users feature: every feature writes to
// the audit trail, so audit sits below them all and never reads the users table itself.
import { Injectable } from '@nestjs/common';

export interface AuditActorNamesSource {
  displayNames(userIds: string[]): Promise<Map<string, string>>;
}

@Injectable()
export class AuditActorNames {
  private source?: AuditActorNamesSource;

  register(source: AuditActorNamesSource): void {
    this.source = source;
  }

  /** Names by user id; an unknown id (or no users feature loaded) is absent. */
  async of(userIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    if (!this.source || !ids.length) return new Map();
    return this.source.displayNames(ids);
  }
}
