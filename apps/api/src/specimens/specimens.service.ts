// The specimen library: document models with their photographs (side × light) and annotated security features.
// Instructors and admins write; supervisors read. Every change is audited in the same transaction.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  categoryOfFeature,
  LIGHTS,
  DOCUMENT_SIDES,
  SpecimenImageUploadFields,
  type CreateSpecimenRequest,
  type DocumentSide,
  type DocumentType,
  type FeatureCategory,
  type FeatureKind,
  type Light,
  type Polygon,
  type FeatureAnnotationInput,
  type FeatureAnnotationView,
  type ReplaceFeaturesRequest,
  type SpecimenImageView,
  type SpecimenListQuery,
  type SpecimenSummary,
  type SpecimenView,
  type UpdateSpecimenRequest,
} from '@firstline/contracts';
import type { Request } from 'express';
import fs from 'node:fs';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { DomainError, notFound } from '../common/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { MediaService } from '../media/media.service';
import { receiveUpload } from '../media/upload';
import { Specimen, SpecimenFeature, SpecimenImage } from './specimen.entity';

const grantFor = (actor: Actor) => ({ userId: actor.id, scope: 'library' });
/** All lights of one side of one specimen are processed to the same dimensions. */
export const sideGroup = (specimenId: string, side: string) => `specimen:${specimenId}:${side}`;

/** A generated library specimen (demo content): the specimen's fields, its image files and annotated features. */
export interface LibrarySpecimenSeed {
  title: string;
  issuingState: string;
  documentType: DocumentType;
  series: string;
  year: number;
  description: string;
  images: Array<{ side: DocumentSide; light: Light; frame: number; file: string }>;
  features: Array<{
    name: string;
    kind: FeatureKind;
    category: FeatureCategory;
    side: DocumentSide;
    lights: Light[];
    region: Polygon;
    description: string;
  }>;
}

@Injectable()
export class SpecimensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly media: MediaService,
  ) {}

  async list(actor: Actor, q: SpecimenListQuery): Promise<{ items: SpecimenSummary[]; total: number; limit: number; offset: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(s.title ILIKE $${params.push(like)} OR s.series ILIKE $${params.length} OR s.description ILIKE $${params.length})`);
    }
    if (q.issuingState) where.push(`s.issuing_state = $${params.push(q.issuingState)}`);
    if (q.documentType) where.push(`s.document_type = $${params.push(q.documentType)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM specimens s ${clause}`, params);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT s.id, s.title, s.issuing_state, s.document_type, s.series, s.year, s.updated_at,
              (SELECT count(*)::int FROM specimen_images i WHERE i.specimen_id = s.id) AS image_count,
              (SELECT count(*)::int FROM specimen_features f WHERE f.specimen_id = s.id) AS feature_count,
              (SELECT i.asset_id FROM specimen_images i JOIN media_assets a ON a.id = i.asset_id AND a.status = 'ready'
                WHERE i.specimen_id = s.id AND i.light = 'visible' AND i.side IN ('data-page', 'front')
                ORDER BY (i.side = 'data-page') DESC, i.frame LIMIT 1) AS thumbnail_asset
         FROM specimens s ${clause}
        ORDER BY s.updated_at DESC, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    const urls = await this.media.signedUrls(rows.map((r) => r.thumbnail_asset as string).filter(Boolean), grantFor(actor));
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        title: String(r.title),
        issuingState: String(r.issuing_state),
        documentType: r.document_type as SpecimenSummary['documentType'],
        series: String(r.series),
        year: (r.year as number | null) ?? null,
        imageCount: Number(r.image_count),
        featureCount: Number(r.feature_count),
        thumbnail: r.thumbnail_asset ? (urls.get(r.thumbnail_asset as string)?.variants['640.webp'] ?? null) : null,
        updatedAt: new Date(r.updated_at as string).toISOString(),
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async get(actor: Actor, id: string): Promise<SpecimenView> {
    return this.view(this.db.manager, id, actor);
  }

  async create(actor: Actor, body: CreateSpecimenRequest): Promise<SpecimenView> {
    return this.db.transaction(async (m) => {
      const s = await m.save(
        m.create(Specimen, {
          title: body.title,
          issuingState: body.issuingState,
          documentType: body.documentType,
          series: body.series ?? '',
          year: body.year ?? null,
          description: body.description ?? '',
          createdBy: actor.id,
        }),
      );
      await this.audit.record({ actorId: actor.id, action: 'specimen.create', entityType: 'specimen', entityId: s.id, after: body }, m);
      return this.view(m, s.id, actor);
    });
  }

  async update(actor: Actor, id: string, body: UpdateSpecimenRequest): Promise<SpecimenView> {
    return this.db.transaction(async (m) => {
      const s = await this.lock(m, id);
      const fields = ['title', 'issuingState', 'documentType', 'series', 'year', 'description'] as const;
      const before = Object.fromEntries(fields.filter((f) => body[f] !== undefined).map((f) => [f, s[f]]));
      const changes = Object.fromEntries(fields.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));
      if (Object.keys(changes).length === 0) return this.view(m, id, actor); // nothing sent, nothing changed
      await m.update(Specimen, { id }, changes);
      await this.audit.record({ actorId: actor.id, action: 'specimen.update', entityType: 'specimen', entityId: id, before, after: body }, m);
      return this.view(m, id, actor);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const removeFiles = await this.db.transaction(async (m) => {
      await this.lock(m, id);
      const before = await this.view(m, id);
      const assetIds = before.images.map((i) => i.asset.id);
      await m.delete(Specimen, { id }); // images and features cascade
      const cleanup = await this.media.deleteAssets(m, assetIds);
      await this.audit.record(
        { actorId: actor.id, action: 'specimen.delete', entityType: 'specimen', entityId: id, before: { ...before, images: before.images.map(({ asset, ...i }) => ({ ...i, assetId: asset.id })) } },
        m,
      );
      return cleanup;
    });
    await removeFiles();
  }

  /**
   * Streams the multipart upload to a temporary file, checks the fields and the image, and queues it for processing
   * — or answers 4xx and leaves nothing behind. Returns the image with its asset (status `queued`).
   */
  async addImage(actor: Actor, id: string, req: Request): Promise<SpecimenImageView> {
    if (!(await this.db.getRepository(Specimen).exists({ where: { id } }))) {
      req.resume();
      throw notFound('Specimen');
    }
    const upload = await receiveUpload(req, { tmpDir: this.media.uploadTempDir(), maxBytes: this.config.UPLOAD_MAX_BYTES, fileField: 'file', maxFields: 5 });
    const parsed = SpecimenImageUploadFields.safeParse(upload.fields);
    let problem: string | null = null;
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      problem = `Invalid request: ${i.path.join('.') || 'fields'}: ${i.message}`;
    } else if (parsed.data.frame > 1 && parsed.data.light !== 'oblique') {
      problem = 'Only oblique light has several frames: use frame 1 for other lights';
    }
    if (problem !== null || !parsed.success) {
      await fs.promises.rm(upload.file, { force: true });
      throw new DomainError('invalid', problem ?? 'Invalid request');
    }
    const { side, light, frame } = parsed.data;
    const imageId = await this.media.ingestUpload(upload.file, { createdBy: actor.id, group: sideGroup(id, side) }, async (m, assetId) => {
      await this.lock(m, id);
      if (await m.exists(SpecimenImage, { where: { specimenId: id, side, light, frame } })) {
        throw new DomainError('conflict', `The specimen already has a ${side} image under ${light} light${light === 'oblique' ? ` (frame ${frame})` : ''}: delete it first`);
      }
      const image = await m.save(m.create(SpecimenImage, { specimenId: id, side, light, frame, assetId }));
      await m.query(`UPDATE specimens SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record({ actorId: actor.id, action: 'specimen.image.add', entityType: 'specimen', entityId: id, after: { imageId: image.id, side, light, frame, assetId } }, m);
      return image.id;
    });
    const view = await this.view(this.db.manager, id, actor);
    return view.images.find((i) => i.id === imageId)!;
  }

  async removeImage(actor: Actor, id: string, imageId: string): Promise<void> {
    const removeFiles = await this.db.transaction(async (m) => {
      await this.lock(m, id);
      const image = await m.findOne(SpecimenImage, { where: { id: imageId, specimenId: id } });
      if (!image) throw notFound('Image');
      await m.delete(SpecimenImage, { id: imageId });
      const cleanup = await this.media.deleteAssets(m, [image.assetId]);
      await m.query(`UPDATE specimens SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(
        { actorId: actor.id, action: 'specimen.image.remove', entityType: 'specimen', entityId: id, before: { imageId, side: image.side, light: image.light, frame: image.frame, assetId: image.assetId } },
        m,
      );
      return cleanup;
    });
    await removeFiles();
  }

  /** Replaces every annotation at once (what the editor saves); the audit entry holds the full before and after. */
  async replaceFeatures(actor: Actor, id: string, body: ReplaceFeaturesRequest): Promise<SpecimenView> {
    const problems = body.features.flatMap((f, i) => {
      const out: string[] = [];
      if (categoryOfFeature(f.kind) !== f.category) out.push(`features.${i}: "${f.kind}" belongs to category "${categoryOfFeature(f.kind)}", not "${f.category}"`);
      if (new Set(f.lights).size !== f.lights.length) out.push(`features.${i}: a light is listed twice`);
      return out;
    });
    if (problems.length) throw new DomainError('invalid', `Invalid request: ${problems[0]}`, { problems });
    return this.db.transaction(async (m) => {
      await this.lock(m, id);
      const before = await this.features(m, id);
      await m.delete(SpecimenFeature, { specimenId: id });
      if (body.features.length) {
        await m.insert(
          SpecimenFeature,
          body.features.map((f: FeatureAnnotationInput, position) => ({
            specimenId: id,
            position,
            name: f.name,
            kind: f.kind,
            category: f.category,
            side: f.side,
            lights: f.lights,
            region: f.region,
            description: f.description ?? '',
            zoomHint: f.zoomHint ?? null,
          })),
        );
      }
      await m.query(`UPDATE specimens SET updated_at = now() WHERE id = $1`, [id]);
      const after = await this.features(m, id);
      await this.audit.record({ actorId: actor.id, action: 'specimen.features.replace', entityType: 'specimen', entityId: id, before, after }, m);
      return this.view(m, id, actor);
    });
  }

  // ------------------------------------------------------------------------------------------ for other features

  /** Which of these specimens exist (modules and exercises check the specimens they refer to). */
  async existingIds(ids: string[], m: EntityManager = this.db.manager): Promise<string[]> {
    if (!ids.length) return [];
    return (await m.find(Specimen, { where: { id: In(ids) }, select: { id: true } })).map((s) => s.id);
  }

  /**
   * The demo seeder's entry: the library specimen with this title that nobody created, or a new one with its images
   * and annotated features. `ingestImage` stores one image of the new specimen and returns its media asset id.
   */
  async seedLibrarySpecimen(
    seed: LibrarySpecimenSeed,
    ingestImage: (specimenId: string, image: LibrarySpecimenSeed['images'][number]) => Promise<string>,
    m: EntityManager,
  ): Promise<string> {
    const existing = await m.findOne(Specimen, {
      where: { title: seed.title, createdBy: IsNull() },
      select: { id: true },
    });
    if (existing) return existing.id;
    const { images, features, ...fields } = seed;
    const specimen = await m.save(m.create(Specimen, { ...fields, createdBy: null }));
    for (const image of images) {
      const assetId = await ingestImage(specimen.id, image);
      const { side, light, frame } = image;
      await m.insert(SpecimenImage, { specimenId: specimen.id, side, light, frame, assetId });
    }
    await m.insert(
      SpecimenFeature,
      features.map((f, position) => ({ ...f, specimenId: specimen.id, position, zoomHint: null })),
    );
    return specimen.id;
  }

  // ------------------------------------------------------------------------------------------ helpers

  private async lock(m: EntityManager, id: string): Promise<Specimen> {
    const s = await m.findOne(Specimen, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw notFound('Specimen');
    return s;
  }

  private async features(m: EntityManager, id: string): Promise<FeatureAnnotationView[]> {
    const rows = await m.find(SpecimenFeature, { where: { specimenId: id }, order: { position: 'ASC' } });
    return rows.map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      category: f.category,
      side: f.side,
      lights: f.lights,
      region: f.region,
      description: f.description,
      zoomHint: f.zoomHint,
    }));
  }

  /** The full view; image URLs are signed for `actor` (library scope) when given. */
  private async view(m: EntityManager, id: string, actor?: Actor): Promise<SpecimenView> {
    const s = await m.findOne(Specimen, { where: { id } });
    if (!s) throw notFound('Specimen');
    const images = await m.find(SpecimenImage, { where: { specimenId: id } });
    images.sort(
      (a, b) =>
        DOCUMENT_SIDES.indexOf(a.side) - DOCUMENT_SIDES.indexOf(b.side) || LIGHTS.indexOf(a.light) - LIGHTS.indexOf(b.light) || a.frame - b.frame,
    );
    const assets = new Map((await this.media.views(images.map((i) => i.assetId), actor ? grantFor(actor) : undefined, m)).map((a) => [a.id, a]));
    const features = await this.features(m, id);
    const imageViews = images.filter((i) => assets.has(i.assetId)).map((i) => ({ id: i.id, side: i.side, light: i.light, frame: i.frame, asset: assets.get(i.assetId)! }));
    const thumb = imageViews.find((i) => i.light === 'visible' && i.side === 'data-page' && i.asset.urls) ?? imageViews.find((i) => i.light === 'visible' && i.side === 'front' && i.asset.urls);
    return {
      id: s.id,
      title: s.title,
      issuingState: s.issuingState,
      documentType: s.documentType,
      series: s.series,
      year: s.year,
      description: s.description,
      imageCount: images.length,
      featureCount: features.length,
      thumbnail: thumb?.asset.urls?.variants['640.webp'] ?? null,
      updatedAt: s.updatedAt.toISOString(),
      images: imageViews,
      features,
    };
  }
}
