// "My training": what a trainee has to do (assignments with where they stand) and the lessons of an assignment.
import type { LessonView, MyAssignmentView } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { notFound } from '../common/errors/domain-error';
import { ExercisesService } from '../exercises';
import { ModulesService } from '../modules';
import { LessonsService } from '../specimens';
import { assignmentStatus } from './assignment-status';
import { AttemptFinisher } from './attempt-finisher';
import { AttemptsRepository } from './attempts.repository';
import { ExposuresRepository } from './exposures.repository';

@Injectable()
export class MyTrainingService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly finisher: AttemptFinisher,
    private readonly modules: ModulesService,
    private readonly lessonPages: LessonsService,
    private readonly access: AccessPolicy,
    private readonly exercises: ExercisesService,
    private readonly exposures: ExposuresRepository,
  ) {}

  async myAssignments(actor: Actor): Promise<MyAssignmentView[]> {
    await this.finisher.finishOverdue(actor.id);
    const assignments = await this.modules.assignmentsOfCohorts(await this.access.visibleCohortIds(actor));
    if (!assignments.length) return [];
    const attempts = await this.attempts.attemptsAt(
      actor.id,
      assignments.map((a) => a.id),
    );
    const now = Date.now();
    return assignments.map((assignment) => {
      const mine = attempts.filter((t) => t.assignmentId === assignment.id);
      const finished = mine.filter((t) => t.status === 'finished');
      const active = mine.find((t) => t.status === 'in-progress') ?? null;
      const standing = {
        opensAt: new Date(assignment.opensAt),
        closesAt: assignment.closesAt ? new Date(assignment.closesAt) : null,
        attemptsAllowed: assignment.module.attemptsAllowed,
        attempts: mine,
      };
      return {
        ...assignment,
        status: assignmentStatus(standing, now),
        attemptsUsed: mine.length,
        bestScore: finished.length ? Math.max(...finished.map((t) => t.score ?? 0)) : null,
        passed: finished.length ? finished.some((t) => t.passed) : null,
        activeAttemptId: active?.id ?? null,
      };
    });
  }

  async lessons(actor: Actor, assignmentId: string): Promise<LessonView[]> {
    const assignment = await this.modules.assignmentWithVersion(assignmentId);
    if (!assignment || !(await this.access.canSeeCohort(actor, assignment.cohortId))) throw notFound('Assignment');
    const ids = assignment.moduleVersion.lessonSpecimenIds;
    if (!ids.length) return [];
    const pages = await this.lessonPages.lessons(ids, { userId: actor.id, scope: `assignment:${assignmentId}` });
    // A trainee studying a specimen has seen the genuine original of every exercise made of it (exposure control);
    // staff looking record nothing.
    if (actor.role === 'trainee')
      await this.exposures.record(actor.id, await this.exercises.idsOfSpecimens(ids), 'lesson', null);
    return pages;
  }
}
