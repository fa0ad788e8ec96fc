// Uploads not tied to a specimen: photographs of a seized forgery, one side under one light, that an instructor makes
// an exercise of. The same checks, queue and progress as a specimen's images; the asset belongs to its uploader until
// an exercise uses it (ExercisesService decides who may use it).
import { MediaUploadFields, type MediaAssetView } from '@firstline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit';
import type { Actor } from '../common/decorators/actor';
import { AppConfig, APP_CONFIG } from '../config/config';
import { receiveImageUpload } from './image-upload-fields';
import { MediaIntakeService } from './media-intake.service';
import { MediaUrlsService } from './media-urls.service';
import type { IncomingUpload } from './upload';

/** The uploader's images of one group (one document side) are processed to the same dimensions. */
export const uploadGroup = (actorId: string, group: string, side: string | undefined) =>
  `upload:${actorId}:${group}:${side ?? '-'}`;

@Injectable()
export class MediaUploadsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly intake: MediaIntakeService,
    private readonly urls: MediaUrlsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Receives the multipart upload, checks its fields and the image, and queues it — or answers 4xx and leaves nothing
   * behind. Returns the asset's view (status `queued`); GET /media/:id follows its progress.
   */
  async upload(actor: Actor, incoming: IncomingUpload): Promise<MediaAssetView> {
    const { file, fields } = await receiveImageUpload(incoming, MediaUploadFields, {
      tmpDir: this.intake.uploadTempDir(),
      maxBytes: this.config.UPLOAD_MAX_BYTES,
      maxFields: 6,
    });
    const { side, light, frame, group } = fields;
    return this.intake.ingestUpload(
      file,
      { createdBy: actor.id, group: group ? uploadGroup(actor.id, group, side) : null },
      async (m, id) => {
        const after = { assetId: id, side: side ?? null, light: light ?? null, frame, group: group ?? null };
        await this.audit.record(
          { actorId: actor.id, action: 'media.upload', entityType: 'media', entityId: id, after },
          m,
        );
        // read before the commit: once committed, a media worker may claim it before the view would be read
        const [view] = await this.urls.views([id], { userId: actor.id, scope: 'library' }, m);
        return view;
      },
    );
  }
}
