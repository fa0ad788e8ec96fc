// Loads an attempt with the module version it runs, for whoever may reach it: trainees their own attempts; staff
// attempts of trainees in cohorts they may see (AccessPolicy), for review. Anything else is a 404.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { notFound } from '../common/errors/domain-error';
import { ModulesService, type AssignmentWithVersion, type ModuleVersionRecord } from '../modules';
import type { Attempt } from './attempt.entity';
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
    const assignment = (await this.modules.assignmentWithVersion(attempt.assignmentId, m))!;
    if (attempt.userId !== actor.id) {
      if (actor.role === 'trainee' || lock) throw notFound('Attempt');
      if (!(await this.access.canSeeCohort(actor, assignment.cohortId))) throw notFound('Attempt');
    }
    return { attempt, assignment, version: assignment.moduleVersion };
  }
}
