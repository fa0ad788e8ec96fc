// Attempts made at an assignment, told by the attempts feature, which sits above modules and registers itself at
// start-up: modules never reads the attempts table, and no module imports the other way round.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AssignmentAttemptsSource {
  attemptCount(assignmentId: string, m?: EntityManager): Promise<number>;
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
}
