// Told when an assignment opens a published version to a cohort (after the transaction commits), so that the item
// models feature, which sits above modules and registers itself at start-up, can start generating documents.
import { Injectable, Logger } from '@nestjs/common';

export type AssignmentOpenedListener = (moduleVersionId: string) => Promise<void>;

@Injectable()
export class AssignmentOpenings {
  private readonly log = new Logger(AssignmentOpenings.name);
  private readonly listeners: AssignmentOpenedListener[] = [];

  register(listener: AssignmentOpenedListener): void {
    this.listeners.push(listener);
  }

  /** Runs the listeners in the background: a listener's failure is logged, never the assignment's. */
  opened(moduleVersionId: string): void {
    for (const listener of this.listeners)
      listener(moduleVersionId).catch((err) =>
        this.log.error({ err, moduleVersionId }, 'an assignment listener failed'),
      );
  }
}
