import { Inject, Module } from '@nestjs/common';
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
    { provide: MEDIA_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createMediaStorage(c) },
    {
      provide: UrlSigner,
      inject: [APP_CONFIG, JWT_SECRET],
      useFactory: (c: AppConfig, jwt: string) => new UrlSigner(mediaUrlKey(c.MEDIA_URL_SECRET, jwt)),
    },
  ],
  exports: [MediaService],
})
export class MediaModule {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Process-wide libvips settings, once: bounded threads, no operation cache.
    configureSharp({ concurrency: config.SHARP_CONCURRENCY });
  }
}
