// Item analysis: the item facts keep what the officer chose (fraud type, features, MRZ checks marked failing, the
// locate points), backfilled from the answers already stored; indexes for reading a module version's facts in one
// pass; and the stored analysis per module version (Moodle's "calculated at …, recalculate").
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ItemAnalysis1796400000000 implements MigrationInterface {
  name = 'ItemAnalysis1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "report_item_facts" ADD "chosen_fraud_type" text, ADD "chosen_features" text array NOT NULL DEFAULT '{}', ADD "chosen_mrz_checks" text array NOT NULL DEFAULT '{}', ADD "points" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_item_facts_version" ON "report_item_facts" ("module_version_id", "exercise_version_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_attempt_facts_version" ON "report_attempt_facts" ("module_version_id", "finished_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "report_item_analyses" ("module_version_id" uuid NOT NULL, "result" jsonb, "calculated_at" TIMESTAMP WITH TIME ZONE, "attempts_counted" integer NOT NULL DEFAULT 0, "recalculating_since" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_report_item_analyses" PRIMARY KEY ("module_version_id"))`,
    );
    // Backfill: what each locked answer chose (an item left unanswered chose nothing).
    await queryRunner.query(
      `UPDATE report_item_facts f
          SET chosen_fraud_type = CASE WHEN f.decision IS NULL THEN NULL ELSE i.answer->>'fraudType' END,
              chosen_features = CASE WHEN f.decision IS NULL THEN '{}'::text[]
                                     ELSE ARRAY(SELECT jsonb_array_elements_text(coalesce(i.answer->'features', '[]'::jsonb))) END,
              chosen_mrz_checks = CASE WHEN f.decision IS NULL THEN '{}'::text[]
                                       ELSE ARRAY(SELECT jsonb_array_elements_text(coalesce(i.answer->'mrzFailedChecks', '[]'::jsonb))) END,
              points = CASE WHEN f.decision IS NULL THEN '[]'::jsonb
                            ELSE coalesce((SELECT jsonb_agg(jsonb_build_object('side', p->'side', 'x', p->'x', 'y', p->'y'))
                                             FROM jsonb_array_elements(coalesce(i.answer->'points', '[]'::jsonb)) p), '[]'::jsonb) END
         FROM attempt_items i
        WHERE i.id = f.attempt_item_id AND i.locked_at IS NOT NULL AND i.answer IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_item_analyses"`);
    await queryRunner.query(`DROP INDEX "ix_report_attempt_facts_version"`);
    await queryRunner.query(`DROP INDEX "ix_report_item_facts_version"`);
    await queryRunner.query(
      `ALTER TABLE "report_item_facts" DROP COLUMN "points", DROP COLUMN "chosen_mrz_checks", DROP COLUMN "chosen_features", DROP COLUMN "chosen_fraud_type"`,
    );
  }
}
