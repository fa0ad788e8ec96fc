import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JWT_SECRET } from '../config';
import { AppConfig, APP_CONFIG } from '../config/config';
import { MediaAsset } from './media-asset.entity';
import { MediaController } from './media.controller';
import { MEDIA_STORAGE, MediaService } from './media.service';
import { mediaUrlKey, UrlSigner } from './signing';
import { createMediaStorage } from './storage';

@Module({
  imports: [TypeOrmModule.forFeature([MediaAsset])],
  controllers: [MediaController],
  providers: [
    MediaService,
    { provide: MEDIA_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createMediaStorage(c) },
    { provide: UrlSigner, inject: [APP_CONFIG, JWT_SECRET], useFactory: (c: AppConfig, jwt: string) => new UrlSigner(mediaUrlKey(c.MEDIA_URL_SECRET, jwt)) },
  ],
  exports: [MediaService],
})
export class MediaModule {}
