// The documents whose truth an officer has seen: practice feedback after an item, the review of an attempt, or a
// lesson showing the specimen whose photographs the document is made of. An
// assessment never presents an officer such a document again (exposure control); one row per officer and document,
// kept from the first time it was shown.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type ExposureSource = 'practice-feedback' | 'review' | 'lesson';

@Entity('truth_exposures')
export class TruthExposure {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Index('ix_truth_exposures_exercise') @PrimaryColumn({ name: 'exercise_id', type: 'uuid' }) exerciseId!: string;
  @Column({ type: 'text' }) source!: ExposureSource;
  /** The attempt whose feedback or review showed it; null for a lesson. */
  @Column({ name: 'attempt_id', type: 'uuid', nullable: true }) attemptId!: string | null;
  @CreateDateColumn({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt!: Date;
}
