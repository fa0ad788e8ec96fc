// Loads an attempt with the module version it runs, for whoever may reach it: trainees their own attempts; staff
// attempts of trainees in cohorts they may see (AccessPolicy), for review. Anything else is a 404.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { notFound } from '../common/errors/domain-error';
import { ModulesService, type AssignmentWithVersion, type ModuleVersionRecord } from '../modules';
import type { Attempt, AttemptItem } from './attempt.entity';
import { AttemptsRepository } from './attempts.repository';

export interface LoadedAttempt {
  attempt: Attempt;
  assignment: AssignmentWithVersion;
  version: ModuleVersionRecord;
}

@Injectable()
export class AttemptLoader {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly modules: ModulesService,
    private readonly access: AccessPolicy,
  ) {}

  /** With `lock` (for writing), the attempt is locked until the transaction ends and only its trainee reaches it. */
  async load(actor: Actor, id: string, m?: EntityManager, lock = false): Promise<LoadedAttempt> {
    const attempt = await this.attempts.findAttempt(id, m, lock);
    if (!attempt) throw notFound('Attempt');
    return this.reachable(actor, attempt, m, lock);
  }

  /** As load (not locked), with the attempt's items 1 to n in order, read together: what serving item n needs. */
  async loadWithItems(actor: Actor, id: string, n: number): Promise<LoadedAttempt & { items: AttemptItem[] }> {
    const found = await this.attempts.attemptWithItems(id, n);
    if (!found) throw notFound('Attempt');
    return { ...(await this.reachable(actor, found.attempt)), items: found.items };
  }

  private async reachable(actor: Actor, attempt: Attempt, m?: EntityManager, lock = false): Promise<LoadedAttempt> {
    const assignment = (await this.modules.attemptedAssignment(attempt.assignmentId, m))!;
    if (attempt.userId !== actor.id) {
      if (actor.role === 'trainee' || lock) throw notFound('Attempt');
      if (!(await this.access.canSeeCohort(actor, assignment.cohortId))) throw notFound('Attempt');
    }
    return { attempt, assignment, version: assignment.moduleVersion };
  }
}
