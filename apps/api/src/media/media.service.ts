// The media feature's face to other features: ingest images, sign their URLs, delete them, wait for the queue.
// A thin facade over the services that do the work (intake, URL signing, the processing queue).
import type { ImageUrls, MediaAssetView } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { previewWebp, writeRgbPng } from './image-pipeline';
import { IngestOptions, MediaIntakeService } from './media-intake.service';
import { MediaPixelsService } from './media-pixels.service';
import { MediaQueue } from './media-queue.service';
import { MediaUrlGrant, MediaUrlsService } from './media-urls.service';
import { MediaRepository } from './media.repository';

export type { IngestOptions } from './media-intake.service';
export type { MediaUrlGrant } from './media-urls.service';

@Injectable()
export class MediaService {
  constructor(
    private readonly intake: MediaIntakeService,
    private readonly urls: MediaUrlsService,
    private readonly queue: MediaQueue,
    private readonly assets: MediaRepository,
    private readonly pixelReader: MediaPixelsService,
  ) {}

  /** A ready image's pixels at full resolution, raw 8-bit RGB (400 while it is not ready). */
  pixels(assetId: string): Promise<{ data: Buffer; width: number; height: number }> {
    return this.pixelReader.pixels(assetId);
  }

  /** Writes raw RGB pixels to a PNG file, to be ingested with ingestFile. */
  writePng(pixels: { data: Uint8Array; width: number; height: number }, file: string): Promise<void> {
    return writeRgbPng(pixels, file);
  }

  /** A small WebP of an image in memory, for a preview that is not stored (the pipeline's encoder). */
  preview(image: Buffer, width: number): Promise<{ data: Buffer; width: number; height: number }> {
    return previewWebp(image, width);
  }

  /** Copies a local image file into storage and queues it (validated as an upload is; throws 4xx on bad files). */
  ingestFile(srcPath: string, opts: IngestOptions): Promise<{ id: string }> {
    return this.intake.ingestFile(srcPath, opts);
  }

  /** Stores an uploaded temporary file and, in one transaction, its asset row and what `attach` adds. */
  ingestUpload<T>(
    tmpFile: string,
    opts: Omit<IngestOptions, 'manager'>,
    attach: (m: EntityManager, assetId: string) => Promise<T>,
  ): Promise<T> {
    return this.intake.ingestUpload(tmpFile, opts, attach);
  }

  /** A scratch path for an incoming upload (same disk as storage, so accepted files move by rename). */
  uploadTempDir(): string {
    return this.intake.uploadTempDir();
  }

  /** Deletes assets (rows in `m`'s transaction); their files go once the caller's transaction has committed. */
  deleteAssets(m: EntityManager, ids: string[]): Promise<() => Promise<void>> {
    return this.intake.deleteAssets(m, ids);
  }

  /** Views of several assets, in the order asked (missing ones left out); URLs signed when `grant` is given. */
  views(assetIds: string[], grant?: MediaUrlGrant, manager?: EntityManager): Promise<MediaAssetView[]> {
    return this.urls.views(assetIds, grant, manager);
  }

  /** Signed URLs for the ready assets among `assetIds` (others are left out of the map). */
  signedUrls(assetIds: string[], grant: MediaUrlGrant): Promise<Map<string, ImageUrls>> {
    return this.urls.signedUrls(assetIds, grant);
  }

  /** Which of these assets exist (exercises check the images they refer to). */
  existingIds(ids: string[], m?: EntityManager): Promise<string[]> {
    return this.assets.existingIds(ids, m);
  }

  /** Who uploaded each of these assets (null: FirstLine itself, or a user since deleted); unknown ids are absent. */
  creatorsOf(ids: string[], m?: EntityManager): Promise<Map<string, string | null>> {
    return this.assets.creatorsOf(ids, m);
  }

  /**
   * Resolves when this process next finishes processing an image, or after `ms` at the latest (another replica's work
   * is seen only by looking again): for callers waiting on their own images, instead of polling.
   */
  imageProcessed(ms: number): Promise<void> {
    return this.queue.jobEnded(ms);
  }

  /** Resolves when no asset is queued or processing (tests and the seeder wait on this instead of sleeping). */
  waitForIdle(onPending?: (pending: number) => void): Promise<void> {
    return this.queue.waitForIdle(onPending);
  }
}
