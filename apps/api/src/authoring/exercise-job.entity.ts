// A background authoring job: what was asked, how far it is, the media it has ingested so far (removed again if it
// fails) and the exercise it made.
import type { ExerciseJobStatus, ForgeExerciseRequest, ForgeFromSpecimenRequest } from '@firstline/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('exercise_jobs')
@Index('ix_exercise_jobs_open', ['status'], { where: `status IN ('queued', 'running')` })
export class ExerciseJob {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: 'forge' | 'forge-from-specimen' | 'item-instance';
  @Column({ type: 'text', default: 'queued' }) status!: ExerciseJobStatus;
  @Column({ type: 'int', default: 0 }) progress!: number;
  @Column({ type: 'text', nullable: true }) step!: string | null;
  @Column({ type: 'jsonb' }) request!: (ForgeExerciseRequest | ForgeFromSpecimenRequest) & { seed: number };
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  /** Who asked; null for an item model's documents, which FirstLine generates itself. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'asset_ids', type: 'uuid', array: true, default: () => `'{}'` }) assetIds!: string[];
  @Column({ name: 'exercise_id', type: 'uuid', nullable: true }) exerciseId!: string | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Touched by every step: a job open and untouched for minutes was left by a server that stopped. */
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
