// Reading an ingested image's pixels back (authoring forges on a specimen's photographs): the full-resolution
// DeepZoom level, fetched from storage and put back together.
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { assembleTiles, TILE_SIZE, TILES_DIR, type StoredTile } from './image-pipeline';
import { MediaRepository } from './media.repository';
import { MEDIA_STORAGE, MediaStorage } from './storage';

/** Tiles fetched at once (an object store is latency-bound). */
const FETCHES_IN_FLIGHT = 8;

@Injectable()
export class MediaPixelsService {
  constructor(
    private readonly assets: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  /** The processed image of a ready asset as raw 8-bit RGB, at full resolution. */
  async pixels(assetId: string): Promise<{ data: Buffer; width: number; height: number }> {
    const asset = await this.assets.findProcessed(assetId);
    if (!asset || asset.status !== 'ready' || !asset.width || !asset.height) {
      throw new DomainError('invalid', 'The image is not processed yet: wait until it is ready');
    }
    const { width, height, storageId } = asset;
    const level = Math.ceil(Math.log2(Math.max(width, height)));
    const cells: Array<{ col: number; row: number }> = [];
    for (let row = 0; row * TILE_SIZE < height; row++) {
      for (let col = 0; col * TILE_SIZE < width; col++) cells.push({ col, row });
    }
    const tiles: StoredTile[] = [];
    for (let i = 0; i < cells.length; i += FETCHES_IN_FLIGHT) {
      const batch = cells.slice(i, i + FETCHES_IN_FLIGHT);
      tiles.push(
        ...(await Promise.all(
          batch.map(async ({ col, row }) => ({
            col,
            row,
            data: await this.read(`${storageId}/${TILES_DIR}/${level}/${col}_${row}.webp`),
          })),
        )),
      );
    }
    return assembleTiles(tiles, width, height);
  }

  private async read(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.get(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
