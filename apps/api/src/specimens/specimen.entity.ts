import type {
  DocumentSide,
  DocumentType,
  FeatureCategory,
  FeatureKind,
  Light,
  Polygon,
  ZoomHint,
} from '@firstline/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { MediaAsset } from '../media/media-asset.entity';
import { User } from '../users/user.entity';

/** A document model in the instructors' reference library. */
@Entity('specimens')
export class Specimen {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Index() @Column({ name: 'issuing_state', type: 'text' }) issuingState!: string;
  @Column({ name: 'document_type', type: 'text' }) documentType!: DocumentType;
  @Column({ type: 'text', default: '' }) series!: string;
  @Column({ type: 'int', nullable: true }) year!: number | null;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'created_by' }) creator?: User;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One photograph of a specimen: a side under a light (oblique light may have several frames). */
@Entity('specimen_images')
@Unique('uq_specimen_images_slot', ['specimenId', 'side', 'light', 'frame'])
export class SpecimenImage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'specimen_id', type: 'uuid' }) specimenId!: string;
  @ManyToOne(() => Specimen, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'specimen_id' }) specimen?: Specimen;
  @Column({ type: 'text' }) side!: DocumentSide;
  @Column({ type: 'text' }) light!: Light;
  @Column({ type: 'int', default: 1 }) frame!: number;
  @Index({ unique: true }) @Column({ name: 'asset_id', type: 'uuid' }) assetId!: string;
  @ManyToOne(() => MediaAsset, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'asset_id' }) asset?: MediaAsset;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** An annotated security feature of a specimen: where it is (normalised polygon), under which lights it is checked. */
@Entity('specimen_features')
export class SpecimenFeature {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'specimen_id', type: 'uuid' }) specimenId!: string;
  @ManyToOne(() => Specimen, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'specimen_id' }) specimen?: Specimen;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: FeatureKind;
  @Column({ type: 'text' }) category!: FeatureCategory;
  @Column({ type: 'text' }) side!: DocumentSide;
  @Column({ type: 'text', array: true }) lights!: Light[];
  @Column({ type: 'jsonb' }) region!: Polygon;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'zoom_hint', type: 'jsonb', nullable: true }) zoomHint!: ZoomHint | null;
}
