import type { MediaStatus } from '@firstline/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One image and, at the same time, its processing job: the queue is this table (status queued → processing →
 * ready | failed), claimed with FOR UPDATE SKIP LOCKED, so queued work survives a restart.
 */
@Entity('media_assets')
@Index('IDX_media_assets_queue', ['status', 'createdAt'])
@Index('IDX_media_assets_group', ['groupKey'])
export class MediaAsset {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The opaque random prefix of the asset's files in storage (not the id, which appears in API responses). */
  @Column({ name: 'storage_id', type: 'text', unique: true }) storageId!: string;
  @Column({ type: 'text' }) status!: MediaStatus;
  @Column({ type: 'int', default: 0 }) progress!: number;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) warnings!: string[];
  @Column({ type: 'int', nullable: true }) width!: number | null;
  @Column({ type: 'int', nullable: true }) height!: number | null;
  /** Assets of one group (e.g. the lights of one document side) are processed to the same dimensions. */
  @Column({ name: 'group_key', type: 'text', nullable: true }) groupKey!: string | null;
  @Column({ name: 'source_format', type: 'text' }) sourceFormat!: string;
  @Column({ name: 'source_bytes', type: 'bigint' }) sourceBytes!: string;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'created_by' }) creator?: User;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt!: Date | null;
}
