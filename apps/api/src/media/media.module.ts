import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JWT_SECRET } from '../config';
import { AppConfig, APP_CONFIG } from '../config/config';
import { configureSharp } from './image-pipeline';
import { MediaAsset } from './media-asset.entity';
import { MediaFilesService } from './media-files.service';
import { MediaIntakeService } from './media-intake.service';
import { MediaPixelsService } from './media-pixels.service';
import { MediaQueue } from './media-queue.service';
import { MediaUploadsService } from './media-uploads.service';
import { MediaUrlsService } from './media-urls.service';
import { MediaController } from './media.controller';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { mediaUrlKey, UrlSigner } from './signing';
import { MEDIA_STORAGE } from './storage';
import { createMediaStorage } from './storage-driver';
import { IMAGE_WORKER_IDLE_MS, ImageWorker } from './worker/image-worker';

@Module({
  imports: [TypeOrmModule.forFeature([MediaAsset])],
  controllers: [MediaController],
  providers: [
    MediaRepository,
    MediaIntakeService,
    MediaUrlsService,
    MediaFilesService,
    MediaPixelsService,
    MediaUploadsService,
    MediaQueue,
    MediaService,
    {
      provide: ImageWorker,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        new ImageWorker({ sharpConcurrency: c.SHARP_CONCURRENCY, idleMs: IMAGE_WORKER_IDLE_MS }),
    },
    { provide: MEDIA_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createMediaStorage(c) },
    {
      provide: UrlSigner,
      inject: [APP_CONFIG, JWT_SECRET],
      useFactory: (c: AppConfig, jwt: string) => new UrlSigner(mediaUrlKey(c.MEDIA_URL_SECRET, jwt)),
    },
  ],
  exports: [MediaService, ImageWorker],
})
export class MediaModule implements OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly images: ImageWorker,
  ) {
    // Process-wide libvips settings, once, for the light image work done here (previews, pixels read back): bounded
    // threads, no operation cache. The image worker applies the same to itself.
    configureSharp({ concurrency: config.SHARP_CONCURRENCY });
  }

  /** After every module has stopped (the media queue waits for its jobs first). */
  async onApplicationShutdown(): Promise<void> {
    await this.images.close();
  }
}
