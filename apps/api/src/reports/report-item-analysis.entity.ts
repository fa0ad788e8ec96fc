// A module version's stored item analysis (Moodle's "calculated at …"): the figures as computed, when, over how many
// finished attempts, and whether a background recalculation is running (since when, so a crash does not block it).
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('report_item_analyses')
export class ReportItemAnalysis {
  @PrimaryColumn({ name: 'module_version_id', type: 'uuid' }) moduleVersionId!: string;
  @Column({ type: 'jsonb', nullable: true }) result!: unknown;
  @Column({ name: 'calculated_at', type: 'timestamptz', nullable: true }) calculatedAt!: Date | null;
  @Column({ name: 'attempts_counted', type: 'int', default: 0 }) attemptsCounted!: number;
  @Column({ name: 'recalculating_since', type: 'timestamptz', nullable: true }) recalculatingSince!: Date | null;
}
