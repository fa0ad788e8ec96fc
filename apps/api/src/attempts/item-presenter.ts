// Presents an item to whoever may see it: signs its images for the caller and maps it (presentation.mapper.ts keeps
// the truth out). Used while taking an attempt, in its review, and for an instructor's preview of an exercise.
import type { ImageUrls, ItemPresentation, PresentedDocument } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import type { ExerciseVersionRecord } from '../exercises';
import { MediaService, type MediaUrlGrant } from '../media';
import type { ModuleVersionRecord } from '../modules';
import type { Attempt, AttemptItem } from './attempt.entity';
import { itemPresentation, presentedAssetIds, presentedDocument } from './presentation.mapper';

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
    const urls = await this.signed(exercise, { userId, scope: `attempt:${attempt.id}` });
    return itemPresentation(attempt, version, item, exercise, urls);
  }

  /** The document alone, as the player shows it, with its images signed under `grant` (an instructor's preview). */
  async documentFor(exercise: ExerciseVersionRecord, grant: MediaUrlGrant): Promise<PresentedDocument> {
    return presentedDocument(exercise, await this.signed(exercise, grant));
  }

  /** Signed URLs for every image the item shows; 503 while one of them is still being prepared. */
  private async signed(exercise: ExerciseVersionRecord, grant: MediaUrlGrant): Promise<Map<string, ImageUrls>> {
    const assetIds = presentedAssetIds(exercise);
    const urls = await this.media.signedUrls(assetIds, grant);
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
    return urls;
  }
}
