// Intake: what an image must be to be accepted (judged by content, within byte and pixel limits), how an upload or
// a local file becomes a stored, queued asset — all or nothing — and how assets and their files go again.
import fs from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { MediaQueue } from './media-queue.service';
import { MediaRepository } from './media.repository';
import { assertNoEmbeddedMarkup, isAnimatedPng, readHead, sniffFormat, type AcceptedFormat } from './sniff';
import { MEDIA_STORAGE, MediaStorage, mediaTempDir, newStorageId, SOURCE_FILE } from './storage';
import { formatBytes } from './upload';
import { ImageWorker } from './worker/image-worker';

export interface IngestOptions {
  createdBy: string | null;
  /** Assets sharing a group (e.g. `specimen:<id>:data-page`) are processed to the same dimensions. */
  group?: string | null;
  manager?: EntityManager;
  /**
   * The file was drawn by FirstLine itself (the forge's documents), not received: its format, size and pixel limit are
   * checked, but not what guards against a hostile sender — the scan for embedded markup and the full decode that
   * proves a received file complete (the pipeline decodes every image strictly anyway). The forge's PNGs are
   * uncompressed: the scan alone cost the API 37 ms of its main thread per 2 MB image.
   */
  drawnHere?: boolean;
}

/** What the checks learnt of an accepted file. */
export interface CheckedImage {
  format: AcceptedFormat;
  size: number;
  width: number;
  height: number;
}

@Injectable()
export class MediaIntakeService {
  private readonly log = new Logger(MediaIntakeService.name);
  private readonly tmpDir: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly assets: MediaRepository,
    private readonly queue: MediaQueue,
    private readonly images: ImageWorker,
  ) {
    this.tmpDir = mediaTempDir(config);
  }

  /**
   * Refuses anything but a single, complete, still JPEG/PNG/TIFF/WebP within the byte and pixel limits, judged by
   * content. Throws a 4xx DomainError with a message the uploader can act on.
   */
  async validateFile(file: string, opts: { drawnHere?: boolean } = {}): Promise<CheckedImage> {
    const { size } = await fs.promises.stat(file);
    if (size === 0) throw new DomainError('invalid', 'The file is empty');
    if (size > this.config.UPLOAD_MAX_BYTES) {
      throw new DomainError(
        'payload_too_large',
        `The file is larger than the ${formatBytes(this.config.UPLOAD_MAX_BYTES)} upload limit`,
      );
    }
    const head = await readHead(file);
    const format = sniffFormat(head);
    if (format === 'png' && isAnimatedPng(head))
      throw new DomainError('invalid', 'The image is an animated PNG: upload a single still image');
    if (!opts.drawnHere) await assertNoEmbeddedMarkup(file);
    const { width, height } = await this.images.run('inspectImage', file, format, this.config.UPLOAD_MAX_PIXELS, {
      decode: !opts.drawnHere,
    });
    return { format, size, width, height };
  }

  /** Copies a local image file into storage and queues it (validated as an upload is; throws 4xx on bad files). */
  async ingestFile(srcPath: string, opts: IngestOptions): Promise<{ id: string }> {
    const checked = await this.validateFile(srcPath, { drawnHere: opts.drawnHere });
    const storageId = newStorageId();
    await this.storage.putFile(`${storageId}/${SOURCE_FILE}`, srcPath);
    try {
      const id = await this.assets.insertQueued(newAsset(storageId, checked, opts), opts.manager);
      this.queue.kick();
      return { id };
    } catch (err) {
      await this.storage.deletePrefix(storageId);
      throw err;
    }
  }

  /**
   * For uploads: validates the temporary file, moves it into storage and, in ONE transaction, creates the asset row
   * and whatever `attach` adds (e.g. the specimen image row and its audit entry). On any failure the temporary or
   * stored file is removed and nothing is committed.
   */
  async ingestUpload<T>(
    tmpFile: string,
    opts: Omit<IngestOptions, 'manager'>,
    attach: (m: EntityManager, assetId: string) => Promise<T>,
  ): Promise<T> {
    let storageId: string | null = null;
    try {
      const checked = await this.validateFile(tmpFile);
      storageId = newStorageId();
      await this.storage.putFile(`${storageId}/${SOURCE_FILE}`, tmpFile, { move: true });
      const stored = storageId;
      const result = await this.assets.transaction(async (m) =>
        attach(m, await this.assets.insertQueued(newAsset(stored, checked, opts), m)),
      );
      this.queue.kick();
      return result;
    } catch (err) {
      if (storageId)
        await this.storage
          .deletePrefix(storageId)
          .catch((e) => this.log.error({ err: e }, 'removing a rejected upload failed'));
      throw err;
    } finally {
      await fs.promises.rm(tmpFile, { force: true });
    }
  }

  /** A scratch path for an incoming upload (same disk as storage, so accepted files move by rename). */
  uploadTempDir(): string {
    return this.tmpDir;
  }

  /** Deletes assets (rows in `m`'s transaction); their files go once the caller's transaction has committed. */
  async deleteAssets(m: EntityManager, ids: string[]): Promise<() => Promise<void>> {
    if (!ids.length) return async () => undefined;
    const storageIds = await this.assets.deleteReturningStorage(ids, m);
    return async () => {
      for (const storageId of storageIds) {
        await this.storage
          .deletePrefix(storageId)
          .catch((err) => this.log.error({ err }, 'removing the files of a deleted asset failed'));
      }
    };
  }
}

function newAsset(storageId: string, checked: CheckedImage, opts: Omit<IngestOptions, 'manager'>) {
  return {
    storageId,
    sourceFormat: checked.format,
    sourceBytes: checked.size,
    groupKey: opts.group ?? null,
    createdBy: opts.createdBy,
  };
}
