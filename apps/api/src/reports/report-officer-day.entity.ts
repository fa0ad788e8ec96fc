// The reports' daily roll-up: one row per officer, cohort, module and UTC day with the sums the decision figures need,
// kept by ReportFactsSink in the same transaction as the answer (beside the item fact). The unit roll-up and the
// cohort dashboard read it instead of the item facts; a median cannot be summed, so it is not here.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('report_officer_days')
@Index('ix_report_officer_days_cohort', ['cohortId', 'day'])
export class ReportOfficerDay {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' }) cohortId!: string;
  @PrimaryColumn({ name: 'module_id', type: 'uuid' }) moduleId!: string;
  /** The UTC day of the answers (`answered_at AT TIME ZONE 'UTC'`), as YYYY-MM-DD. */
  @PrimaryColumn({ type: 'date' }) day!: string;
  /** Decisions (answered in time) and their outcomes. */
  @Column({ type: 'int' }) decisions!: number;
  @Column({ type: 'int' }) hits!: number;
  @Column({ type: 'int' }) misses!: number;
  @Column({ name: 'false_alarms', type: 'int' }) falseAlarms!: number;
  @Column({ name: 'correct_rejections', type: 'int' }) correctRejections!: number;
  /** Sum and number of the decisions' response times (a decision without a time counts in neither). */
  @Column({ name: 'decision_ms_sum', type: 'bigint' }) decisionMsSum!: string;
  @Column({ name: 'decision_ms_n', type: 'int' }) decisionMsN!: number;
  /** Sum and number of the decisions' locate-part scores; the same for the fraud-type part. */
  @Column({ name: 'locate_sum', type: 'double precision' }) locateSum!: number;
  @Column({ name: 'locate_n', type: 'int' }) locateN!: number;
  @Column({ name: 'fraud_type_sum', type: 'double precision' }) fraudTypeSum!: number;
  @Column({ name: 'fraud_type_n', type: 'int' }) fraudTypeN!: number;
  /** The last answer of the day (late answers too: they are activity, not decisions). */
  @Column({ name: 'last_at', type: 'timestamptz' }) lastAt!: Date;
}
