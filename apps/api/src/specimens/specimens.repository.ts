// The specimen library's data layer: every query on specimens, specimen_images and specimen_features.
import type { DocumentSide, DocumentType, SpecimenListQuery } from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { containsPattern } from '../common/sql/contains-pattern';
import { Specimen, SpecimenFeature, SpecimenImage } from './specimen.entity';

/** One row of the library list, with its counts. */
export interface SpecimenListRow {
  id: string;
  title: string;
  issuingState: string;
  documentType: DocumentType;
  series: string;
  year: number | null;
  updatedAt: Date;
  imageCount: number;
  featureCount: number;
}

/** The image that may serve as a specimen's thumbnail (a visible-light data page or front), best first. */
export interface ThumbnailCandidate {
  specimenId: string;
  assetId: string;
}

export type NewSpecimen = Pick<
  Specimen,
  'title' | 'issuingState' | 'documentType' | 'series' | 'year' | 'description' | 'createdBy'
>;
export type SpecimenChanges = Partial<
  Pick<Specimen, 'title' | 'issuingState' | 'documentType' | 'series' | 'year' | 'description'>
>;
export type NewSpecimenImage = Pick<SpecimenImage, 'specimenId' | 'side' | 'light' | 'frame' | 'assetId'>;
export type NewSpecimenFeature = Omit<SpecimenFeature, 'id' | 'specimen'>;

/** What a lesson shows of a specimen. */
export type LessonSpecimen = Pick<Specimen, 'id' | 'title' | 'issuingState' | 'documentType' | 'description'>;

const THUMBNAIL_SIDES: DocumentSide[] = ['data-page', 'front'];

@Injectable()
export class SpecimensRepository {
  constructor(
    @InjectRepository(Specimen) private readonly specimens: Repository<Specimen>,
    @InjectRepository(SpecimenImage) private readonly images: Repository<SpecimenImage>,
    @InjectRepository(SpecimenFeature) private readonly features: Repository<SpecimenFeature>,
  ) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.specimens.manager.transaction(work);
  }

  private specimenRepo(m?: EntityManager): Repository<Specimen> {
    return m ? m.getRepository(Specimen) : this.specimens;
  }

  private imageRepo(m?: EntityManager): Repository<SpecimenImage> {
    return m ? m.getRepository(SpecimenImage) : this.images;
  }

  private featureRepo(m?: EntityManager): Repository<SpecimenFeature> {
    return m ? m.getRepository(SpecimenFeature) : this.features;
  }

  // ------------------------------------------------------------------------------------------ specimens

  /** One page of the library, newest change first, filtered by text (literal, not a pattern), state and type. */
  async list(q: SpecimenListQuery, m?: EntityManager): Promise<{ rows: SpecimenListRow[]; total: number }> {
    const repo = this.specimenRepo(m);
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.q) {
      const like = containsPattern(q.q);
      where.push(
        `(s.title ILIKE $${params.push(like)} OR s.series ILIKE $${params.length} OR s.description ILIKE $${params.length})`,
      );
    }
    if (q.issuingState) where.push(`s.issuing_state = $${params.push(q.issuingState)}`);
    if (q.documentType) where.push(`s.document_type = $${params.push(q.documentType)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: Array<{ total: number }> = await repo.query(
      `SELECT count(*)::int AS total FROM specimens s ${clause}`,
      params,
    );
    const rows: Array<{
      id: string;
      title: string;
      issuing_state: string;
      document_type: DocumentType;
      series: string;
      year: number | null;
      updated_at: Date;
      image_count: number;
      feature_count: number;
    }> = await repo.query(
      `SELECT s.id, s.title, s.issuing_state, s.document_type, s.series, s.year, s.updated_at,
              (SELECT count(*)::int FROM specimen_images i WHERE i.specimen_id = s.id) AS image_count,
              (SELECT count(*)::int FROM specimen_features f WHERE f.specimen_id = s.id) AS feature_count
         FROM specimens s ${clause}
        ORDER BY s.updated_at DESC, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        title: r.title,
        issuingState: r.issuing_state,
        documentType: r.document_type,
        series: r.series,
        year: r.year ?? null,
        updatedAt: new Date(r.updated_at),
        imageCount: Number(r.image_count),
        featureCount: Number(r.feature_count),
      })),
    };
  }

  /** Visible-light data-page and front images of the specimens: per specimen the data page first, then by frame. */
  async thumbnailCandidates(specimenIds: string[], m?: EntityManager): Promise<ThumbnailCandidate[]> {
    if (!specimenIds.length) return [];
    const rows = await this.imageRepo(m).find({
      where: { specimenId: In(specimenIds), light: 'visible', side: In(THUMBNAIL_SIDES) },
      select: { specimenId: true, assetId: true, side: true, frame: true },
    });
    rows.sort((a, b) => Number(b.side === 'data-page') - Number(a.side === 'data-page') || a.frame - b.frame);
    return rows.map((r) => ({ specimenId: r.specimenId, assetId: r.assetId }));
  }

  exists(id: string, m?: EntityManager): Promise<boolean> {
    return this.specimenRepo(m).exists({ where: { id } });
  }

  findById(id: string, m?: EntityManager): Promise<Specimen | null> {
    return this.specimenRepo(m).findOne({ where: { id } });
  }

  /** The specimen, row-locked until the transaction ends (serialises changes to one specimen). */
  findForUpdate(m: EntityManager, id: string): Promise<Specimen | null> {
    return m.findOne(Specimen, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(specimen: NewSpecimen, m?: EntityManager): Promise<string> {
    const repo = this.specimenRepo(m);
    return (await repo.save(repo.create(specimen))).id;
  }

  async update(id: string, changes: SpecimenChanges, m?: EntityManager): Promise<void> {
    await this.specimenRepo(m).update({ id }, changes);
  }

  /** Deletes the specimen; its images and features cascade. */
  async delete(id: string, m?: EntityManager): Promise<void> {
    await this.specimenRepo(m).delete({ id });
  }

  /** Marks the specimen changed (an image or the annotations changed, not its own columns). */
  async touch(id: string, m?: EntityManager): Promise<void> {
    await this.specimenRepo(m).query(`UPDATE specimens SET updated_at = now() WHERE id = $1`, [id]);
  }

  // ------------------------------------------------------------------------------------------ images

  imagesOf(specimenId: string, m?: EntityManager): Promise<SpecimenImage[]> {
    return this.imageRepo(m).find({ where: { specimenId } });
  }

  findImage(specimenId: string, imageId: string, m?: EntityManager): Promise<SpecimenImage | null> {
    return this.imageRepo(m).findOne({ where: { id: imageId, specimenId } });
  }

  slotTaken(slot: Pick<SpecimenImage, 'specimenId' | 'side' | 'light' | 'frame'>, m?: EntityManager): Promise<boolean> {
    return this.imageRepo(m).exists({
      where: { specimenId: slot.specimenId, side: slot.side, light: slot.light, frame: slot.frame },
    });
  }

  async insertImage(image: NewSpecimenImage, m?: EntityManager): Promise<string> {
    const repo = this.imageRepo(m);
    return (await repo.save(repo.create(image))).id;
  }

  async deleteImage(imageId: string, m?: EntityManager): Promise<void> {
    await this.imageRepo(m).delete({ id: imageId });
  }

  // ------------------------------------------------------------------------------------------ features

  /** The specimen's annotated features in the order they were saved. */
  featuresOf(specimenId: string, m?: EntityManager): Promise<SpecimenFeature[]> {
    return this.featureRepo(m).find({ where: { specimenId }, order: { position: 'ASC' } });
  }

  /** Replaces all annotated features of the specimen. */
  async replaceFeatures(specimenId: string, features: NewSpecimenFeature[], m?: EntityManager): Promise<void> {
    const repo = this.featureRepo(m);
    await repo.delete({ specimenId });
    if (features.length) await repo.insert(features);
  }

  // ------------------------------------------------------------------------------------------ lessons

  lessonSpecimens(ids: string[], m?: EntityManager): Promise<LessonSpecimen[]> {
    return this.specimenRepo(m).find({
      where: { id: In(ids) },
      select: { id: true, title: true, issuingState: true, documentType: true, description: true },
    });
  }

  imagesOfSpecimens(specimenIds: string[], m?: EntityManager): Promise<SpecimenImage[]> {
    return this.imageRepo(m).find({ where: { specimenId: In(specimenIds) } });
  }

  /** The features of the specimens, ordered by name (as a study page lists them). */
  featuresByName(specimenIds: string[], m?: EntityManager): Promise<SpecimenFeature[]> {
    return this.featureRepo(m).find({ where: { specimenId: In(specimenIds) }, order: { name: 'ASC' } });
  }

  // ------------------------------------------------------------------------------------------ for other features

  async existingIds(ids: string[], m?: EntityManager): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.specimenRepo(m).find({ where: { id: In(ids) }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** Of these media asset ids, the ones that are a specimen's image. */
  async imageAssetIds(assetIds: string[], m?: EntityManager): Promise<Set<string>> {
    if (!assetIds.length) return new Set();
    const rows: Array<{ id: string }> = await (m ?? this.specimenRepo().manager).query(
      `SELECT DISTINCT asset_id AS id FROM specimen_images WHERE asset_id = ANY($1::uuid[])`,
      [assetIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The library specimen with this title that nobody created (the demo library's), if any. */
  async findSeeded(title: string, m?: EntityManager): Promise<string | null> {
    const row = await this.specimenRepo(m).findOne({ where: { title, createdBy: IsNull() }, select: { id: true } });
    return row?.id ?? null;
  }
}
