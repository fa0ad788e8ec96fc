// One generated document of an item model for a published module version: queued and rendered by an authoring job,
// then ready for the next officer who draws the model, then that officer's alone (claimed into one attempt).
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ItemInstanceStatus = 'generating' | 'ready' | 'failed';

@Entity('item_instances')
@Index('ix_item_instances_free', ['moduleVersionId', 'modelId', 'createdAt'], {
  where: `status = 'ready' AND user_id IS NULL`,
})
@Index('ix_item_instances_version', ['moduleVersionId', 'modelId'])
export class ItemInstance {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'module_version_id', type: 'uuid' }) moduleVersionId!: string;
  /** The item model's id (ItemModel.id, kept across versions). */
  @Column({ name: 'model_id', type: 'uuid' }) modelId!: string;
  @Column({ type: 'text', default: 'generating' }) status!: ItemInstanceStatus;
  /** The authoring job that renders it. */
  @Column({ name: 'job_id', type: 'uuid', nullable: true }) jobId!: string | null;
  @Column({ name: 'exercise_id', type: 'uuid', nullable: true }) exerciseId!: string | null;
  @Column({ name: 'exercise_version_id', type: 'uuid', nullable: true }) exerciseVersionId!: string | null;
  /** Why generating it failed, in words. */
  @Column({ type: 'text', nullable: true }) error!: string | null;
  /** The officer whose attempt drew it; a document is claimed once and never shown to anyone else. */
  @Index('ix_item_instances_user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
