import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exposure control counts lessons: a trainee who studies a specimen has seen the genuine original of every exercise
 * made of it. Such an exposure comes from no attempt. Backfilled for nobody: lessons opened before were not recorded.
 */
export class LessonExposures1796900000000 implements MigrationInterface {
  name = 'LessonExposures1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "truth_exposures" ALTER COLUMN "attempt_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "truth_exposures" DROP CONSTRAINT "CHK_truth_exposures_source"`);
    await queryRunner.query(
      `ALTER TABLE "truth_exposures" ADD CONSTRAINT "CHK_truth_exposures_source" CHECK (source IN ('practice-feedback', 'review', 'lesson') AND (attempt_id IS NOT NULL OR source = 'lesson'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "truth_exposures" WHERE source = 'lesson'`);
    await queryRunner.query(`ALTER TABLE "truth_exposures" DROP CONSTRAINT "CHK_truth_exposures_source"`);
    await queryRunner.query(
      `ALTER TABLE "truth_exposures" ADD CONSTRAINT "CHK_truth_exposures_source" CHECK (source IN ('practice-feedback', 'review'))`,
    );
    await queryRunner.query(`ALTER TABLE "truth_exposures" ALTER COLUMN "attempt_id" SET NOT NULL`);
  }
}
