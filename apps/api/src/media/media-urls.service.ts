// Signed URLs on the way out: views of assets (status, progress, warnings) with URLs signed for one user in one
// context, and the signed map other features put in their payloads. The token codec itself is in signing.ts.
import { MEDIA_VARIANT_FORMATS, MEDIA_VARIANT_WIDTHS, type ImageUrls, type MediaAssetView } from '@firstline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { BoundedMap } from '../common/memory/bounded-map';
import { AppConfig, APP_CONFIG } from '../config/config';
import { DZI_FILE, variantFile } from './image-pipeline';
import { MediaRepository, SignableAsset } from './media.repository';
import { UrlSigner } from './signing';

/** Who a signed URL is for and in what context (e.g. 'library', 'attempt:<uuid>', 'assignment:<uuid>'). */
export interface MediaUrlGrant {
  userId: string;
  scope: string;
}

/** Ready assets whose sizes are remembered for signing: the images of a few hundred exercises. */
const READY_REMEMBERED = 5000;

@Injectable()
export class MediaUrlsService {
  /**
   * A ready asset stays ready with the same size (its objects never change), so signing — every item served — need not
   * read it again. A deleted asset's URL only fails as it would have once signed; serving reads its row itself.
   */
  private readonly ready = new BoundedMap<string, SignableAsset>(READY_REMEMBERED);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly assets: MediaRepository,
    private readonly signer: UrlSigner,
  ) {}

  async view(assetId: string, grant?: MediaUrlGrant): Promise<MediaAssetView> {
    const [view] = await this.views([assetId], grant);
    if (!view) throw new DomainError('not_found', 'Image not found');
    return view;
  }

  /** Views of several assets, in the order asked (missing ones left out). */
  async views(assetIds: string[], grant?: MediaUrlGrant, manager?: EntityManager): Promise<MediaAssetView[]> {
    if (!assetIds.length) return [];
    const rows = await this.assets.findByIds(assetIds, manager);
    const urls = grant ? this.urlsFor(rows, grant) : new Map<string, ImageUrls>();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return assetIds.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          id: row.id,
          status: row.status,
          failureReason: row.failureReason,
          warnings: row.warnings ?? [],
          width: row.width,
          height: row.height,
          progress: row.status === 'ready' ? 100 : row.progress,
          createdAt: row.createdAt.toISOString(),
          urls: urls.get(row.id) ?? null,
        },
      ];
    });
  }

  /**
   * Signed URLs for the ready assets among `assetIds` (others are left out of the map). Every signed URL — library,
   * attempt item, lesson — lives MEDIA_URL_TTL seconds: it is a bearer capability (see docs/media-pipeline.md).
   */
  async signedUrls(assetIds: string[], grant: MediaUrlGrant): Promise<Map<string, ImageUrls>> {
    if (!assetIds.length) return new Map();
    const wanted = [...new Set(assetIds)];
    const missing = wanted.filter((id) => !this.ready.has(id));
    if (missing.length) for (const row of await this.assets.findReady(missing)) this.ready.set(row.id, row);
    return this.urlsFor(
      wanted.flatMap((id) => this.ready.get(id) ?? []),
      grant,
    );
  }

  private urlsFor(rows: SignableAsset[], grant: MediaUrlGrant): Map<string, ImageUrls> {
    // Expiry rounded up to the minute: pages reloaded within a minute get the same URLs, so the browser cache works.
    const exp = Math.ceil((Date.now() / 1000 + this.config.MEDIA_URL_TTL) / 60) * 60;
    const out = new Map<string, ImageUrls>();
    for (const row of rows) {
      if (row.status !== 'ready' || !row.width || !row.height) continue;
      const base = `/api/media/s/${this.signer.sign({ assetId: row.id, userId: grant.userId, scope: grant.scope, exp })}`;
      const variants: Record<string, string> = {};
      for (const width of MEDIA_VARIANT_WIDTHS) {
        for (const format of MEDIA_VARIANT_FORMATS)
          variants[variantFile(width, format)] = `${base}/${variantFile(width, format)}`;
      }
      out.set(row.id, {
        width: row.width,
        height: row.height,
        dzi: `${base}/${DZI_FILE}`,
        variants,
        expiresAt: new Date(exp * 1000).toISOString(),
      });
    }
    return out;
  }
}
