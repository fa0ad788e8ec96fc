// Presents an item to whoever may see it: signs its images for the caller and maps it (presentation.mapper.ts keeps
// the truth out). Used while taking an attempt and in its review.
import type { ItemPresentation } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import type { ExerciseVersionRecord } from '../exercises';
import { MediaService } from '../media';
import type { ModuleVersionRecord } from '../modules';
import type { Attempt, AttemptItem } from './attempt.entity';
import { itemPresentation, presentedAssetIds } from './presentation.mapper';

@Injectable()
export class ItemPresenter {
  constructor(private readonly media: MediaService) {}

  async presentationFor(
    attempt: Attempt,
    version: ModuleVersionRecord,
    item: AttemptItem,
    exercise: ExerciseVersionRecord,
    userId: string,
  ): Promise<ItemPresentation> {
    const assetIds = presentedAssetIds(exercise);
    const urls = await this.media.signedUrls(assetIds, { userId, scope: `attempt:${attempt.id}` });
    const missing = assetIds.filter((a) => !urls.has(a));
    if (missing.length) {
      const retry = { 'Retry-After': '5' };
      throw new DomainError(
        'unavailable',
        'The images of this item are still being prepared; try again in a moment',
        undefined,
        retry,
      );
    }
    return itemPresentation(attempt, version, item, exercise, urls);
  }
}
