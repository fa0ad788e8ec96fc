// The specimen library: document models with their photographs (side × light) and annotated security features.
// Instructors and admins write; supervisors read. Every change is audited in the same transaction.
import {
  categoryOfFeature,
  SpecimenImageUploadFields,
  type CreateSpecimenRequest,
  type DocumentSide,
  type DocumentType,
  type FeatureCategory,
  type FeatureKind,
  type Light,
  type Polygon,
  type FeatureAnnotationView,
  type ReplaceFeaturesRequest,
  type SpecimenImageView,
  type SpecimenListQuery,
  type SpecimenSummary,
  type SpecimenView,
  type UpdateSpecimenRequest,
} from '@firstline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import type { Actor } from '../common/decorators/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../config/config';
import { MediaService, receiveImageUpload, type IncomingUpload } from '../media';
import type { Specimen } from './specimen.entity';
import { toFeatureRow, toFeatureView, toSpecimenSummary, toSpecimenView } from './specimens.mapper';
import { SpecimensRepository } from './specimens.repository';

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

const grantFor = (actor: Actor) => ({ userId: actor.id, scope: 'library' });
/** All lights of one side of one specimen are processed to the same dimensions. */
export const sideGroup = (specimenId: string, side: string) => `specimen:${specimenId}:${side}`;

@Injectable()
export class SpecimensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly specimens: SpecimensRepository,
    private readonly audit: AuditService,
    private readonly media: MediaService,
  ) {}

  async list(
    actor: Actor,
    q: SpecimenListQuery,
  ): Promise<{ items: SpecimenSummary[]; total: number; limit: number; offset: number }> {
    const { rows, total } = await this.specimens.list(q);
    // The thumbnail is the first candidate (visible data page, else front) that is ready: signedUrls signs only those.
    const candidates = await this.specimens.thumbnailCandidates(rows.map((row) => row.id));
    const urls = await this.media.signedUrls(
      candidates.map((c) => c.assetId),
      grantFor(actor),
    );
    const thumbnailOf = (specimenId: string) =>
      candidates.find((c) => c.specimenId === specimenId && urls.has(c.assetId));
    return {
      items: rows.map((row) => {
        const thumbnail = thumbnailOf(row.id);
        return toSpecimenSummary(row, thumbnail && urls.get(thumbnail.assetId));
      }),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async get(actor: Actor, id: string): Promise<SpecimenView> {
    return this.view(id, actor);
  }

  async create(actor: Actor, body: CreateSpecimenRequest): Promise<SpecimenView> {
    return this.specimens.transaction(async (m) => {
      const id = await this.specimens.insert(
        {
          title: body.title,
          issuingState: body.issuingState,
          documentType: body.documentType,
          series: body.series ?? '',
          year: body.year ?? null,
          description: body.description ?? '',
          createdBy: actor.id,
        },
        m,
      );
      await this.audit.record(
        { actorId: actor.id, action: 'specimen.create', entityType: 'specimen', entityId: id, after: body },
        m,
      );
      return this.view(id, actor, m);
    });
  }

  async update(actor: Actor, id: string, body: UpdateSpecimenRequest): Promise<SpecimenView> {
    return this.specimens.transaction(async (m) => {
      const specimen = await this.lock(m, id);
      const fields = ['title', 'issuingState', 'documentType', 'series', 'year', 'description'] as const;
      const sent = fields.filter((field) => body[field] !== undefined);
      const before = Object.fromEntries(sent.map((field) => [field, specimen[field]]));
      const changes = Object.fromEntries(sent.map((field) => [field, body[field]]));
      if (Object.keys(changes).length === 0) return this.view(id, actor, m); // nothing sent, nothing changed
      await this.specimens.update(id, changes, m);
      await this.audit.record(
        { actorId: actor.id, action: 'specimen.update', entityType: 'specimen', entityId: id, before, after: body },
        m,
      );
      return this.view(id, actor, m);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const removeFiles = await this.specimens.transaction(async (m) => {
      await this.lock(m, id);
      const before = await this.view(id, undefined, m);
      const assetIds = before.images.map((image) => image.asset.id);
      await this.specimens.delete(id, m); // images and features cascade
      const cleanup = await this.media.deleteAssets(m, assetIds);
      const images = before.images.map(({ asset, ...image }) => ({ ...image, assetId: asset.id }));
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'specimen.delete',
          entityType: 'specimen',
          entityId: id,
          before: { ...before, images },
        },
        m,
      );
      return cleanup;
    });
    await removeFiles();
  }

  /**
   * Receives the multipart upload into a temporary file, checks the fields and the image, and queues it for
   * processing — or answers 4xx and leaves nothing behind. Returns the image with its asset (status `queued`).
   */
  async addImage(actor: Actor, id: string, incoming: IncomingUpload): Promise<SpecimenImageView> {
    if (!(await this.specimens.exists(id))) {
      incoming.discard();
      throw notFound('Specimen');
    }
    const { file, fields } = await receiveImageUpload(incoming, SpecimenImageUploadFields, {
      tmpDir: this.media.uploadTempDir(),
      maxBytes: this.config.UPLOAD_MAX_BYTES,
      maxFields: 5,
    });
    const { side, light, frame } = fields;
    const imageId = await this.media.ingestUpload(
      file,
      { createdBy: actor.id, group: sideGroup(id, side) },
      async (m, assetId) => {
        await this.lock(m, id);
        if (await this.specimens.slotTaken({ specimenId: id, side, light, frame }, m)) {
          const frameNote = light === 'oblique' ? ` (frame ${frame})` : '';
          throw new DomainError(
            'conflict',
            `The specimen already has a ${side} image under ${light} light${frameNote}: delete it first`,
          );
        }
        const newImageId = await this.specimens.insertImage({ specimenId: id, side, light, frame, assetId }, m);
        await this.specimens.touch(id, m);
        const after = { imageId: newImageId, side, light, frame, assetId };
        await this.audit.record(
          { actorId: actor.id, action: 'specimen.image.add', entityType: 'specimen', entityId: id, after },
          m,
        );
        return newImageId;
      },
    );
    const view = await this.view(id, actor);
    return view.images.find((image) => image.id === imageId)!;
  }

  async removeImage(actor: Actor, id: string, imageId: string): Promise<void> {
    const removeFiles = await this.specimens.transaction(async (m) => {
      await this.lock(m, id);
      const image = await this.specimens.findImage(id, imageId, m);
      if (!image) throw notFound('Image');
      await this.specimens.deleteImage(imageId, m);
      const cleanup = await this.media.deleteAssets(m, [image.assetId]);
      await this.specimens.touch(id, m);
      const before = { imageId, side: image.side, light: image.light, frame: image.frame, assetId: image.assetId };
      await this.audit.record(
        { actorId: actor.id, action: 'specimen.image.remove', entityType: 'specimen', entityId: id, before },
        m,
      );
      return cleanup;
    });
    await removeFiles();
  }

  /** Replaces every annotation at once (what the editor saves); the audit entry holds the full before and after. */
  async replaceFeatures(actor: Actor, id: string, body: ReplaceFeaturesRequest): Promise<SpecimenView> {
    const problems = body.features.flatMap((feature, i) => {
      const out: string[] = [];
      const category = categoryOfFeature(feature.kind);
      if (category !== feature.category)
        out.push(`features.${i}: "${feature.kind}" belongs to category "${category}", not "${feature.category}"`);
      if (new Set(feature.lights).size !== feature.lights.length) out.push(`features.${i}: a light is listed twice`);
      return out;
    });
    if (problems.length) throw new DomainError('invalid', `Invalid request: ${problems[0]}`, { problems });
    return this.specimens.transaction(async (m) => {
      await this.lock(m, id);
      const before = await this.features(id, m);
      await this.specimens.replaceFeatures(
        id,
        body.features.map((feature, position) => toFeatureRow(id, feature, position)),
        m,
      );
      await this.specimens.touch(id, m);
      const after = await this.features(id, m);
      await this.audit.record(
        { actorId: actor.id, action: 'specimen.features.replace', entityType: 'specimen', entityId: id, before, after },
        m,
      );
      return this.view(id, actor, m);
    });
  }

  // ------------------------------------------------------------------------------------------ helpers

  private async lock(m: EntityManager, id: string): Promise<Specimen> {
    const specimen = await this.specimens.findForUpdate(m, id);
    if (!specimen) throw notFound('Specimen');
    return specimen;
  }

  private async features(id: string, m: EntityManager): Promise<FeatureAnnotationView[]> {
    return (await this.specimens.featuresOf(id, m)).map(toFeatureView);
  }

  /** The full view; image URLs are signed for `actor` (library scope) when given. */
  private async view(id: string, actor?: Actor, m?: EntityManager): Promise<SpecimenView> {
    const specimen = await this.specimens.findById(id, m);
    if (!specimen) throw notFound('Specimen');
    const images = await this.specimens.imagesOf(id, m);
    const assetViews = await this.media.views(
      images.map((image) => image.assetId),
      actor ? grantFor(actor) : undefined,
      m,
    );
    const features = await this.specimens.featuresOf(id, m);
    return toSpecimenView(specimen, images, new Map(assetViews.map((asset) => [asset.id, asset])), features);
  }

  // ------------------------------------------------------------------------------------------ for other features

  /** Which of these specimens exist (modules and exercises check the specimens they refer to). */
  existingIds(ids: string[], m?: EntityManager): Promise<string[]> {
    return this.specimens.existingIds(ids, m);
  }

  /** Of these media asset ids, the ones that are a specimen's image (library images anyone may use in an exercise). */
  imageAssetIds(assetIds: string[], m?: EntityManager): Promise<Set<string>> {
    return this.specimens.imageAssetIds(assetIds, m);
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
    const existing = await this.specimens.findSeeded(seed.title, m);
    if (existing) return existing;
    const { images, features, ...fields } = seed;
    const specimenId = await this.specimens.insert({ ...fields, createdBy: null }, m);
    for (const image of images) {
      const assetId = await ingestImage(specimenId, image);
      const { side, light, frame } = image;
      await this.specimens.insertImage({ specimenId, side, light, frame, assetId }, m);
    }
    await this.specimens.replaceFeatures(
      specimenId,
      features.map((feature, position) => ({ ...feature, specimenId, position, zoomHint: null })),
      m,
    );
    return specimenId;
  }
}
