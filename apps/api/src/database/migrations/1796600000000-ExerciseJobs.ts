import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Background authoring jobs (forging an exercise): status, progress, the media ingested so far, the exercise made. */
export class ExerciseJobs1796600000000 implements MigrationInterface {
  name = 'ExerciseJobs1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exercise_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "progress" integer NOT NULL DEFAULT 0, "step" text, "request" jsonb NOT NULL, "unit_id" uuid NOT NULL, "created_by" uuid NOT NULL, "asset_ids" uuid array NOT NULL DEFAULT '{}', "exercise_id" uuid, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_exercise_jobs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_exercise_jobs_open" ON "exercise_jobs" ("status") WHERE status IN ('queued', 'running')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_exercise_jobs_open"`);
    await queryRunner.query(`DROP TABLE "exercise_jobs"`);
  }
}
