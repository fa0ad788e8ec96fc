// After the attempt: the review (truth, answer and explanation per item, once finished and as the module allows)
// and the trainee's progress over time.
import type { AttemptReview, MyProgress } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { Actor } from '../common/decorators/actor';
import { DomainError } from '../common/errors/domain-error';
import { ExercisesService, type ExerciseVersionRecord } from '../exercises';
import { ModulesService } from '../modules';
import { AttemptFinisher } from './attempt-finisher';
import { AttemptLoader } from './attempt-loader';
import { storedScore } from './attempts.mapper';
import { AttemptsRepository } from './attempts.repository';
import { AttemptsService } from './attempts.service';
import { ExposuresRepository } from './exposures.repository';
import { ItemPresenter } from './item-presenter';
import { attemptResults, feedbackOf } from './scoring';

@Injectable()
export class ResultsService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly exposures: ExposuresRepository,
    private readonly taking: AttemptsService,
    private readonly loader: AttemptLoader,
    private readonly finisher: AttemptFinisher,
    private readonly presenter: ItemPresenter,
    private readonly exercises: ExercisesService,
    private readonly modules: ModulesService,
  ) {}

  async review(actor: Actor, id: string): Promise<AttemptReview> {
    const { loaded, items, exercises } = await this.attempts.transaction(async (m) => {
      const loaded = await this.loader.load(actor, id, m);
      await this.finisher.finishIfOverdue(loaded.attempt, m);
      const items = await this.attempts.itemsOf(id, m);
      const exercises = await this.exercises.versionsByIds(
        items.map((i) => i.exerciseVersionId),
        m,
      );
      return { loaded, items, exercises };
    });
    const { attempt, version } = loaded;
    if (attempt.status !== 'finished')
      throw new DomainError('conflict', 'The review is available once the attempt is finished');
    if (actor.role === 'trainee' && version.settings.feedback === 'never') {
      throw new DomainError('forbidden', 'This assessment does not show answers');
    }
    const byId = new Map(exercises.map((e) => [e.id, e]));
    // The review shows every item's truth: the officer will not meet these documents in an assessment again — and
    // must not see them while an assessment in progress holds one of them.
    if (actor.id === attempt.userId) {
      await this.refuseWhileAssessing(attempt.userId, exercises);
      await this.exposures.record(
        attempt.userId,
        exercises.map((e) => e.exerciseId),
        'review',
        attempt.id,
      );
    }
    const reviewItems = await Promise.all(
      items.map(async (item) => {
        const exercise = byId.get(item.exerciseVersionId)!;
        return {
          n: item.n,
          presentation: await this.presenter.presentationFor(attempt, version, item, exercise, actor.id),
          answer: item.answer,
          late: item.late,
          responseTimeMs: item.responseTimeMs,
          feedback: feedbackOf(exercise.truth, storedScore(item)),
        };
      }),
    );
    const resultItems = items.map((i) => ({
      truth: byId.get(i.exerciseVersionId)!.truth,
      answer: i.answer,
      score: i.score ?? 0,
      late: i.late,
      responseTimeMs: i.responseTimeMs,
    }));
    return {
      attempt: await this.taking.view(loaded),
      results: attemptResults(resultItems, version.settings.passMark),
      items: reviewItems,
    };
  }

  /** 409 if an assessment attempt of the officer in progress holds a document this review would show the truth of. */
  private async refuseWhileAssessing(userId: string, shown: ExerciseVersionRecord[]): Promise<void> {
    const open = await this.attempts.openAttemptsOf(userId);
    if (!open.length) return;
    const versions = await this.modules.versionsOfAssignments(open.map((a) => a.assignmentId));
    const shownIds = new Set(shown.map((e) => e.exerciseId));
    for (const attempt of open) {
      const version = versions.get(attempt.assignmentId);
      if (version?.settings.mode !== 'assessment') continue;
      const items = await this.attempts.itemsOf(attempt.id);
      const held = await this.exercises.versionsByIds(items.map((i) => i.exerciseVersionId));
      if (held.some((e) => shownIds.has(e.exerciseId)))
        throw new DomainError(
          'conflict',
          `Finish your attempt at “${version.title}” first: it holds documents whose answers this review would show`,
        );
    }
  }

  async progress(actor: Actor): Promise<MyProgress> {
    await this.finisher.finishOverdue(actor.id);
    const finished = await this.attempts.finishedAttempts(actor.id);
    const versions = await this.modules.versionsOfAssignments([...new Set(finished.map((t) => t.assignmentId))]);
    return {
      attempts: finished.map((t) => {
        const version = versions.get(t.assignmentId)!;
        return {
          attemptId: t.id,
          moduleTitle: version.title,
          mode: version.settings.mode,
          finishedAt: t.finishedAt!.toISOString(),
          score: t.score!,
          passed: t.passed!,
        };
      }),
    };
  }
}
