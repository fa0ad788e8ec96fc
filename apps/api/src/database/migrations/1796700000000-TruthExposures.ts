import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exposure control: which documents (exercises) each officer has seen the truth of, from practice feedback or the
 * review of an attempt. Backfilled from what officers have already been shown: every locked answer of a module with
 * feedback after each item, and every item of a finished attempt whose module shows answers after the attempt.
 */
export class TruthExposures1796700000000 implements MigrationInterface {
  name = 'TruthExposures1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "truth_exposures" ("user_id" uuid NOT NULL, "exercise_id" uuid NOT NULL, "source" text NOT NULL, "attempt_id" uuid NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_truth_exposures" PRIMARY KEY ("user_id", "exercise_id"), CONSTRAINT "CHK_truth_exposures_source" CHECK (source IN ('practice-feedback', 'review')), CONSTRAINT "FK_truth_exposures_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE, CONSTRAINT "FK_truth_exposures_exercise" FOREIGN KEY ("exercise_id") REFERENCES "exercises"("id") ON DELETE CASCADE, CONSTRAINT "FK_truth_exposures_attempt" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_truth_exposures_exercise" ON "truth_exposures" ("exercise_id")`);
    await queryRunner.query(
      `INSERT INTO truth_exposures (user_id, exercise_id, source, attempt_id, first_seen_at)
       SELECT DISTINCT ON (t.user_id, ev.exercise_id) t.user_id, ev.exercise_id,
              CASE WHEN mv.settings->>'feedback' = 'after-item' THEN 'practice-feedback' ELSE 'review' END,
              t.id, coalesce(i.locked_at, t.finished_at)
         FROM attempt_items i
         JOIN attempts t ON t.id = i.attempt_id
         JOIN assignments s ON s.id = t.assignment_id
         JOIN module_versions mv ON mv.id = s.module_version_id
         JOIN exercise_versions ev ON ev.id = i.exercise_version_id
        WHERE (mv.settings->>'feedback' = 'after-item' AND i.locked_at IS NOT NULL)
           OR (mv.settings->>'feedback' = 'after-finish' AND t.finished_at IS NOT NULL)
        ORDER BY t.user_id, ev.exercise_id, coalesce(i.locked_at, t.finished_at)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "truth_exposures"`);
  }
}
