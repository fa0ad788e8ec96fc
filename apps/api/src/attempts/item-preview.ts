// An exercise as the trainee's player presents it, and "try it" scoring of an answer to it — for the instructors who
// author it. The same presenter and the same scoring as an attempt's practice item, and nothing is stored.
import type { ItemAnswer, ItemFeedback, PresentedDocument } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import type { ExerciseVersionRecord } from '../exercises';
import { answerProblems } from './answer-fit';
import { ItemPresenter } from './item-presenter';
import { feedbackOf, scoreAnswer, sidesOf } from './scoring';

@Injectable()
export class ItemPreview {
  constructor(private readonly presenter: ItemPresenter) {}

  /** The document as the player shows it (no truth), its images signed for the viewer. */
  present(exercise: ExerciseVersionRecord, viewerId: string): Promise<PresentedDocument> {
    return this.presenter.documentFor(exercise, { userId: viewerId, scope: `preview:${exercise.id}` });
  }

  /** The feedback a practice item gives for this answer; 400 for an answer the player could not have given. */
  score(exercise: ExerciseVersionRecord, answer: ItemAnswer): ItemFeedback {
    const problems = answerProblems(exercise, answer);
    if (problems.length) {
      throw new DomainError(
        'invalid',
        `The answer does not fit this item: ${problems.join('; ')}`,
        problems.map((message) => ({ message })),
      );
    }
    return feedbackOf(exercise.truth, scoreAnswer(exercise.truth, exercise.parts, sidesOf(exercise.images), answer));
  }
}
