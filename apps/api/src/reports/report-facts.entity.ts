// The reports' own record of what happened in attempts, kept by ReportFactsSink in the same transaction as the answer:
// one row per item locked (or left unanswered at the finish) and one per attempt. Reports aggregate these in SQL.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a decided item counts as; null when the item is not a decision (unanswered, or answered late). */
export type DecisionOutcome = 'hit' | 'miss' | 'falseAlarm' | 'correctRejection';

@Entity('report_item_facts')
@Index('ix_report_item_facts_cohort', ['cohortId', 'answeredAt'])
@Index('ix_report_item_facts_user', ['userId', 'answeredAt'])
@Index('ix_report_item_facts_attempt', ['attemptId'])
@Index('ix_report_item_facts_version', ['moduleVersionId', 'exerciseVersionId'])
// Decided items' times per officer (cohort_id, user_id, response_time_ms) INCLUDE (answered_at, module_id) WHERE
// outcome IS NOT NULL: medians by index-only scan. Made by the migration 1796250000000-ReportRollup (TypeORM cannot
// express INCLUDE), so not synchronised from here.
@Index('ix_report_item_facts_decision_time', { synchronize: false })
export class ReportItemFact {
  @PrimaryColumn({ name: 'attempt_item_id', type: 'uuid' }) attemptItemId!: string;
  @Column({ name: 'attempt_id', type: 'uuid' }) attemptId!: string;
  @Column({ type: 'int' }) n!: number;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId!: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  @Column({ name: 'module_version_id', type: 'uuid' }) moduleVersionId!: string;
  @Column({ type: 'text' }) mode!: string;
  @Column({ name: 'exercise_id', type: 'uuid' }) exerciseId!: string;
  @Column({ name: 'exercise_version_id', type: 'uuid' }) exerciseVersionId!: string;
  @Column({ name: 'answered_at', type: 'timestamptz' }) answeredAt!: Date;
  @Column({ type: 'text' }) verdict!: string;
  @Column({ name: 'fraud_type', type: 'text' }) fraudType!: string;
  @Column({ name: 'issuing_state', type: 'text' }) issuingState!: string;
  @Column({ name: 'document_type', type: 'text' }) documentType!: string;
  @Column({ name: 'feature_categories', type: 'text', array: true }) featureCategories!: string[];
  @Column({ type: 'text', array: true }) lights!: string[];
  @Column({ type: 'text', nullable: true }) decision!: string | null;
  @Column({ type: 'text', nullable: true }) outcome!: DecisionOutcome | null;
  @Column({ type: 'boolean' }) late!: boolean;
  @Column({ name: 'response_time_ms', type: 'int', nullable: true }) responseTimeMs!: number | null;
  /** 0–1 as counted in the attempt. */
  @Column({ type: 'double precision' }) score!: number;
  @Column({ name: 'locate_score', type: 'double precision', nullable: true }) locateScore!: number | null;
  @Column({ name: 'fraud_type_score', type: 'double precision', nullable: true }) fraudTypeScore!: number | null;
  /** What the officer chose (nothing when unanswered): item analysis counts them. */
  @Column({ name: 'chosen_fraud_type', type: 'text', nullable: true }) chosenFraudType!: string | null;
  @Column({ name: 'chosen_features', type: 'text', array: true, default: '{}' }) chosenFeatures!: string[];
  @Column({ name: 'chosen_mrz_checks', type: 'text', array: true, default: '{}' }) chosenMrzChecks!: string[];
  /** Locate points `[{side, x, y}]`, normalised 0–1 per side. */
  @Column({ type: 'jsonb', default: '[]' }) points!: LocatePoint[];
}

export interface LocatePoint {
  side: string;
  x: number;
  y: number;
}

@Entity('report_attempt_facts')
@Index('ix_report_attempt_facts_cohort', ['cohortId', 'startedAt'])
@Index('ix_report_attempt_facts_version', ['moduleVersionId', 'finishedAt'])
@Index('ix_report_attempt_facts_user', ['userId', 'startedAt'])
export class ReportAttemptFact {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' }) attemptId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId!: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId!: string;
  @Column({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  @Column({ name: 'module_version_id', type: 'uuid' }) moduleVersionId!: string;
  @Column({ type: 'text' }) mode!: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  /** Percent, once finished. */
  @Column({ type: 'double precision', nullable: true }) score!: number | null;
  @Column({ type: 'boolean', nullable: true }) passed!: boolean | null;
}
