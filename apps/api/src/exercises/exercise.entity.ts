// An exercise is a lineage of immutable-once-answered versions. Responses and published modules point at a version,
// so editing an exercise that has been used makes a new version and the old answers keep the one they answered.
import type {
  CheckContext,
  DocumentType,
  ExerciseImageRef,
  ExerciseParts,
  ExerciseTruth,
  FeatureKind,
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

@Entity('exercises')
export class Exercise {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'current_version_id', type: 'uuid', nullable: true }) currentVersionId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  /** The unit it belongs to (fixed once created); null only for an admin's content from before units owned it. */
  @Index('ix_exercises_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;
  /** Seed key for generated demo content, so re-seeding is idempotent. */
  @Index('uq_exercises_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column({ name: 'seed_key', type: 'text', nullable: true })
  seedKey!: string | null;
  /** When it was retired: hidden from pool pickers, kept with its history, not added to new module versions. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt!: Date | null;
  /**
   * The item model this exercise is a generated instance of: one officer's own document, drawn into their attempt
   * only — not in the library, not pooled by modules.
   */
  @Column({ name: 'item_model_id', type: 'uuid', nullable: true }) itemModelId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('exercise_versions')
@Unique('uq_exercise_versions_number', ['exerciseId', 'version'])
export class ExerciseVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'exercise_id', type: 'uuid' }) exerciseId!: string;
  @ManyToOne(() => Exercise, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'exercise_id' }) exercise?: Exercise;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'issuing_state', type: 'text' }) issuingState!: string;
  @Column({ name: 'document_type', type: 'text' }) documentType!: DocumentType;
  @Column({ type: 'int' }) difficulty!: number;
  @Column({ type: 'jsonb' }) tags!: string[];
  @Column({ name: 'specimen_id', type: 'uuid', nullable: true }) specimenId!: string | null;
  @Column({ type: 'jsonb' }) parts!: ExerciseParts;
  @Column({ type: 'jsonb' }) images!: ExerciseImageRef[];
  @Column({ name: 'traveller_asset_id', type: 'uuid', nullable: true }) travellerAssetId!: string | null;
  @Column({ type: 'jsonb' }) mrz!: string[];
  @Column({ name: 'feature_options', type: 'jsonb' }) featureOptions!: FeatureKind[];
  @Column({ type: 'jsonb', nullable: true }) context!: CheckContext | null;
  @Column({ type: 'jsonb' }) truth!: ExerciseTruth;
  /** Denormalised from truth for filtering. */
  @Column({ name: 'fraud_type', type: 'text' }) fraudType!: string;
  @Column({ type: 'text' }) verdict!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
