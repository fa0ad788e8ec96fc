// Attempts made at an assignment and the documents officers have seen the truth of (exposure control), told by the
// attempts feature, which sits above modules and registers itself at start-up: modules never reads the attempts
// tables, and no module imports the other way round.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AssignmentAttemptsSource {
  attemptCount(assignmentId: string, m?: EntityManager): Promise<number>;
  /** For each of these officers, which of these exercises they have seen the truth of. */
  exposedOf(userIds: string[], exerciseIds: string[], m?: EntityManager): Promise<Map<string, Set<string>>>;
}

@Injectable()
export class AssignmentUsage {
  private source?: AssignmentAttemptsSource;

  register(source: AssignmentAttemptsSource): void {
    this.source = source;
  }

  /** Attempts made at the assignment (0 when no attempts feature is loaded). */
  attemptCount(assignmentId: string, m?: EntityManager): Promise<number> {
    return this.source?.attemptCount(assignmentId, m) ?? Promise.resolve(0);
  }

  /** For each of these officers, the exercises of these whose truth they have seen (none without attempts). */
  exposedOf(userIds: string[], exerciseIds: string[], m?: EntityManager): Promise<Map<string, Set<string>>> {
    return this.source?.exposedOf(userIds, exerciseIds, m) ?? Promise.resolve(new Map());
  }
}
