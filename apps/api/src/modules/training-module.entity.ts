// Training modules (a draft that instructors edit), their frozen published versions, and assignments of a version
// to a cohort with an open/close window.
import type { ItemModel, ModuleSettings } from '@firstline/contracts';
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
import { Cohort } from '../cohorts/cohort.entity';

@Entity('training_modules')
export class TrainingModule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'lesson_specimen_ids', type: 'jsonb' }) lessonSpecimenIds!: string[];
  @Column({ name: 'exercise_ids', type: 'jsonb' }) exerciseIds!: string[];
  /** Item models in the pool besides the exercises: each officer drawing one gets a generated document of their own. */
  @Column({ name: 'item_models', type: 'jsonb', default: () => `'[]'` }) itemModels!: ItemModel[];
  @Column({ type: 'jsonb' }) settings!: ModuleSettings;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  /** The unit it belongs to (fixed once created); its pool holds exercises of that unit only. */
  @Index('ix_training_modules_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;
  @Index('uq_training_modules_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column({ name: 'seed_key', type: 'text', nullable: true })
  seedKey!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** What trainees take: a frozen copy of the module with its pool pinned to exercise versions. */
@Entity('module_versions')
@Unique('uq_module_versions_number', ['moduleId', 'version'])
export class ModuleVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  @ManyToOne(() => TrainingModule, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'module_id' }) module?: TrainingModule;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'lesson_specimen_ids', type: 'jsonb' }) lessonSpecimenIds!: string[];
  /** Exercise version ids. */
  @Column({ type: 'jsonb' }) pool!: string[];
  /** The item models, frozen as published. */
  @Column({ name: 'item_models', type: 'jsonb', default: () => `'[]'` }) itemModels!: ItemModel[];
  @Column({ type: 'jsonb' }) settings!: ModuleSettings;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy!: string | null;
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
}

@Entity('assignments')
export class Assignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'module_version_id', type: 'uuid' }) moduleVersionId!: string;
  @ManyToOne(() => ModuleVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'module_version_id' })
  moduleVersion?: ModuleVersion;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId!: string;
  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'cohort_id' }) cohort?: Cohort;
  @Column({ name: 'opens_at', type: 'timestamptz' }) opensAt!: Date;
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true }) closesAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
