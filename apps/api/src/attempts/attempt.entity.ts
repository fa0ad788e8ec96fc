// A trainee's attempt at an assigned module version: a fixed item sequence drawn by the server, per-item serving
// times, autosaved and final answers, and the receipts that make submitting idempotent.
import type { ItemAnswer } from '@firstline/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Assignment } from '../modules/training-module.entity';

@Entity('attempts')
@Index('uq_attempts_one_open', ['assignmentId', 'userId'], { unique: true, where: `status = 'in-progress'` })
export class Attempt {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'assignment_id' }) assignment?: Assignment;
  @Index('ix_attempts_user') @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) status!: 'in-progress' | 'finished';
  @Column({ name: 'item_count', type: 'int' }) itemCount!: number;
  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) deadline!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  /** Percent, set when finished. */
  @Column({ type: 'double precision', nullable: true }) score!: number | null;
  @Column({ type: 'boolean', nullable: true }) passed!: boolean | null;
}

@Entity('attempt_items')
@Unique('uq_attempt_items_n', ['attemptId', 'n'])
export class AttemptItem {
  /** The opaque item id a trainee sees. */
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'attempt_id', type: 'uuid' }) attemptId!: string;
  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'attempt_id' }) attempt?: Attempt;
  @Column({ type: 'int' }) n!: number;
  @Index('ix_attempt_items_version') @Column({ name: 'exercise_version_id', type: 'uuid' }) exerciseVersionId!: string;
  @Column({ name: 'first_served_at', type: 'timestamptz', nullable: true }) firstServedAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) saved!: ItemAnswer | null;
  @Column({ type: 'jsonb', nullable: true }) answer!: ItemAnswer | null;
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true }) lockedAt!: Date | null;
  @Column({ type: 'boolean', default: false }) late!: boolean;
  @Column({ name: 'response_time_ms', type: 'int', nullable: true }) responseTimeMs!: number | null;
  /** 0–1, set when locked (or 0 when the attempt finishes unanswered). */
  @Column({ type: 'double precision', nullable: true }) score!: number | null;
  @Column({ type: 'jsonb', nullable: true }) parts!: Array<{ part: string; score: number; weight: number }> | null;
  @Column({ type: 'text', nullable: true }) outcome!: string | null;
}

/** One accepted PUT of a response: replaying the same Idempotency-Key returns the same result. */
@Entity('response_receipts')
export class ResponseReceipt {
  @PrimaryColumn({ name: 'attempt_item_id', type: 'uuid' }) attemptItemId!: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @ManyToOne(() => AttemptItem, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'attempt_item_id' }) item?: AttemptItem;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ type: 'jsonb' }) result!: object;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
