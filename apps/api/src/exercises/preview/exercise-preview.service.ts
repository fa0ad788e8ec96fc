// Preview and "try it": which version the author may see (ExercisesService decides), presented and scored by the
// exam engine's ItemPreview exactly as a practice item would be. Nothing is written: no attempt, response or audit.
import type { ExercisePreview, ExercisePreviewScore, ItemAnswer } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { ExercisesService } from '..';
import { ItemPreview } from '../../attempts';
import { Actor } from '../../common/decorators/actor';

@Injectable()
export class ExercisePreviewService {
  constructor(
    private readonly exercises: ExercisesService,
    private readonly preview: ItemPreview,
  ) {}

  async present(actor: Actor, exerciseId: string, versionId?: string): Promise<ExercisePreview> {
    const { version, current } = await this.exercises.versionToPreview(actor, exerciseId, versionId);
    return {
      exerciseId,
      versionId: version.id,
      version: version.version,
      current,
      title: version.title,
      item: await this.preview.present(version, actor.id),
    };
  }

  async score(
    actor: Actor,
    exerciseId: string,
    versionId: string | undefined,
    answer: ItemAnswer,
  ): Promise<ExercisePreviewScore> {
    const { version } = await this.exercises.versionToPreview(actor, exerciseId, versionId);
    return { versionId: version.id, feedback: this.preview.score(version, answer) };
  }
}
