// Serving: turns a signed token and a requested file name into a description of the stored file (size, ETag, type,
// cache policy, a way to open it). The controller writes it with common/http/send-file.
import { createHash } from 'node:crypto';
import { MEDIA_VARIANT_WIDTHS, type MediaVariantFormat } from '@firstline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import type { FileToSend } from '../common/http/send-file';
import { BoundedMap } from '../common/memory/bounded-map';
import { DZI_FILE, TILES_DIR, variantFile } from './image-pipeline';
import { MediaRepository, type ServableAsset } from './media.repository';
import { UrlSigner } from './signing';
import { MEDIA_STORAGE, MediaStorage } from './storage';

/** A signed file is cached privately for at most this long (and never past its token's expiry). */
const MAX_CACHE_SECONDS = 3600;
/** Ready assets whose storage ids are remembered (see ServableAssets). */
const SERVABLE_REMEMBERED = 5000;
const CONTENT_TYPES: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpeg: 'image/jpeg',
  dzi: 'application/xml; charset=utf-8',
};

@Injectable()
export class MediaFilesService {
  constructor(
    private readonly assets: MediaRepository,
    private readonly signer: UrlSigner,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  /**
   * Ready assets' storage ids: a ready asset keeps its storage id, and the files of a deleted one are gone, so a
   * remembered row can only lead to the 404 the storage gives. Saves a statement on every tile and variant served.
   */
  private readonly servableAssets = new BoundedMap<string, ServableAsset>(SERVABLE_REMEMBERED);

  private async servable(id: string): Promise<ServableAsset | null> {
    const remembered = this.servableAssets.get(id);
    if (remembered) return remembered;
    const row = await this.assets.findServable(id);
    if (!row || row.status !== 'ready') return null;
    this.servableAssets.set(id, row);
    return row;
  }

  /** The derived file `file` of the asset the token names: 403 for a bad or expired token, 404 for anything unknown. */
  async signedFile(token: string, file: string): Promise<FileToSend> {
    const grant = this.signer.verify(token);
    const name = servedName(file);
    if (!name) throw new DomainError('not_found', 'Image not found');
    const asset = await this.servable(grant.assetId);
    if (!asset) throw new DomainError('not_found', 'Image not found');
    const key = `${asset.storageId}/${name}`;
    const stat = await this.storage.stat(key);
    if (!stat) throw new DomainError('not_found', 'Image not found');
    const maxAge = Math.max(0, Math.min(MAX_CACHE_SECONDS, grant.exp - Math.floor(Date.now() / 1000)));
    return {
      size: stat.size,
      // Per token, like the URL: the stored object's ETag (and date) would name the same image across attempts.
      etag: createHash('sha256').update(`${token}\0${stat.etag}`).digest('base64url').slice(0, 27),
      contentType: CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
      cacheControl: `private, max-age=${maxAge}`,
      // Gone between the stat and the read (deleted meanwhile, perhaps by another replica): still a 404.
      open: (range) =>
        this.storage.get(key, range).catch((err: NodeJS.ErrnoException) => {
          throw err.code === 'ENOENT' ? new DomainError('not_found', 'Image not found') : err;
        }),
    };
  }
}

/** The stored name a served file name maps to, or null when it names nothing we serve. */
export function servedName(file: string): string | null {
  if (file === DZI_FILE) return DZI_FILE;
  const variant = /^(\d{3,4})\.(webp|avif|jpeg)$/.exec(file);
  if (variant && (MEDIA_VARIANT_WIDTHS as readonly number[]).includes(Number(variant[1]))) {
    return variantFile(Number(variant[1]), variant[2] as MediaVariantFormat);
  }
  const tile = /^image_files\/(\d{1,2})\/(\d{1,5})_(\d{1,5})\.webp$/.exec(file);
  if (tile) return `${TILES_DIR}/${Number(tile[1])}/${Number(tile[2])}_${Number(tile[3])}.webp`;
  return null;
}
