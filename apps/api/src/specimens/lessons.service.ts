// Specimen study pages (lessons) for a trainee: each specimen's images signed for the trainee in the assignment's
// scope, and its annotated features. Used by attempts for GET /api/assignments/:id/lessons.
import type { LessonView } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { MediaService, type MediaUrlGrant } from '../media';
import { toLessonView } from './specimens.mapper';
import { SpecimensRepository } from './specimens.repository';

@Injectable()
export class LessonsService {
  constructor(
    private readonly specimens: SpecimensRepository,
    private readonly media: MediaService,
  ) {}

  /** The lessons of `specimenIds`, in that order (unknown specimens left out); features ordered by name. */
  async lessons(specimenIds: string[], grant: MediaUrlGrant): Promise<LessonView[]> {
    if (!specimenIds.length) return [];
    const specimens = await this.specimens.lessonSpecimens(specimenIds);
    const images = await this.specimens.imagesOfSpecimens(specimenIds);
    const features = await this.specimens.featuresByName(specimenIds);
    const urls = await this.media.signedUrls(
      images.map((image) => image.assetId),
      grant,
    );
    const byId = new Map(specimens.map((specimen) => [specimen.id, specimen]));
    return specimenIds.flatMap((id) => {
      const specimen = byId.get(id);
      if (!specimen) return [];
      const imagesOf = images.filter((image) => image.specimenId === id);
      return [
        toLessonView(
          specimen,
          imagesOf,
          urls,
          features.filter((feature) => feature.specimenId === id),
        ),
      ];
    });
  }
}
