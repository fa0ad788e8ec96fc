// INTERIM (replaced by the media pipeline branch at merge): the MediaService surface the exam engine calls.
import { Injectable } from '@nestjs/common';
import type { ImageUrls, MediaAssetView } from '@firstline/contracts';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';

@Injectable()
export class MediaService {
  async ingestFile(_srcPath: string, _opts: { createdBy: string | null; group?: string | null; manager?: EntityManager }): Promise<{ id: string }> {
    throw new DomainError('invalid', 'media pipeline not merged yet');
  }
  async signedUrls(_assetIds: string[], _grant: { userId: string; scope: string }, _ttlSeconds?: number): Promise<Map<string, ImageUrls>> {
    return new Map();
  }
  async view(_assetId: string): Promise<MediaAssetView> {
    throw new DomainError('not_found', 'media not found');
  }
  async waitForIdle(): Promise<void> {}
}
