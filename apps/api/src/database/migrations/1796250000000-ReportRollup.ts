// The reports' daily roll-up (report_officer_days: per officer, cohort, module and UTC day, the sums behind the
// decision figures), filled from the item facts already stored; from here on ReportFactsSink keeps it beside each
// item fact, in the answer's transaction. And an index that gives the decided items' times per officer without
// reading the facts themselves (index-only), for the median decision times the roll-up cannot sum.
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roll-up summed from the item facts: every answered item (late ones too, for last_at); only decisions (outcome
 * set) count. Exported for the reports benchmark, which fills the roll-up of its bulk-loaded facts the same way.
 */
export const BACKFILL_REPORT_OFFICER_DAYS = `
  INSERT INTO report_officer_days (user_id, cohort_id, module_id, day, decisions, hits, misses, false_alarms,
                                   correct_rejections, decision_ms_sum, decision_ms_n, locate_sum, locate_n,
                                   fraud_type_sum, fraud_type_n, last_at)
  SELECT user_id, cohort_id, module_id, (answered_at AT TIME ZONE 'UTC')::date,
         count(outcome), count(*) FILTER (WHERE outcome = 'hit'), count(*) FILTER (WHERE outcome = 'miss'),
         count(*) FILTER (WHERE outcome = 'falseAlarm'), count(*) FILTER (WHERE outcome = 'correctRejection'),
         coalesce(sum(response_time_ms) FILTER (WHERE outcome IS NOT NULL), 0),
         count(response_time_ms) FILTER (WHERE outcome IS NOT NULL),
         coalesce(sum(locate_score) FILTER (WHERE outcome IS NOT NULL), 0),
         count(locate_score) FILTER (WHERE outcome IS NOT NULL),
         coalesce(sum(fraud_type_score) FILTER (WHERE outcome IS NOT NULL), 0),
         count(fraud_type_score) FILTER (WHERE outcome IS NOT NULL),
         max(answered_at)
    FROM report_item_facts
   WHERE decision IS NOT NULL
   GROUP BY 1, 2, 3, 4`;

export class ReportRollup1796250000000 implements MigrationInterface {
  name = 'ReportRollup1796250000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_officer_days" ("user_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "module_id" uuid NOT NULL, "day" date NOT NULL, "decisions" integer NOT NULL, "hits" integer NOT NULL, "misses" integer NOT NULL, "false_alarms" integer NOT NULL, "correct_rejections" integer NOT NULL, "decision_ms_sum" bigint NOT NULL, "decision_ms_n" integer NOT NULL, "locate_sum" double precision NOT NULL, "locate_n" integer NOT NULL, "fraud_type_sum" double precision NOT NULL, "fraud_type_n" integer NOT NULL, "last_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_report_officer_days" PRIMARY KEY ("user_id", "cohort_id", "module_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_officer_days_cohort" ON "report_officer_days" ("cohort_id", "day") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_item_facts_decision_time" ON "report_item_facts" ("cohort_id", "user_id", "response_time_ms") INCLUDE ("answered_at", "module_id") WHERE "outcome" IS NOT NULL`,
    );
    await queryRunner.query(BACKFILL_REPORT_OFFICER_DAYS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_report_item_facts_decision_time"`);
    await queryRunner.query(`DROP TABLE "report_officer_days"`);
  }
}
