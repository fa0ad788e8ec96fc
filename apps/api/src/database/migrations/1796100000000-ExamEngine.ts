// Exercises (versioned), training modules and their frozen versions, assignments, attempts, items and response
// receipts.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExamEngine1796100000000 implements MigrationInterface {
  name = 'ExamEngine1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "training_modules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL, "lesson_specimen_ids" jsonb NOT NULL, "exercise_ids" jsonb NOT NULL, "settings" jsonb NOT NULL, "created_by" uuid, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eb8283e63be7f65abc59c5d96a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_training_modules_seed_key" ON "training_modules"  ("seed_key") WHERE seed_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "module_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "lesson_specimen_ids" jsonb NOT NULL, "pool" jsonb NOT NULL, "settings" jsonb NOT NULL, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_module_versions_number" UNIQUE ("module_id", "version"), CONSTRAINT "PK_ba5a134e701f9eb4dd741290e2e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_version_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" text NOT NULL, "item_count" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deadline" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "score" double precision, "passed" boolean, CONSTRAINT "PK_295ca261e361fd2fd217754dcac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_attempts_user" ON "attempts"  ("user_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_attempts_one_open" ON "attempts"  ("assignment_id", "user_id") WHERE status = 'in-progress'`,
    );
    await queryRunner.query(
      `CREATE TABLE "attempt_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attempt_id" uuid NOT NULL, "n" integer NOT NULL, "exercise_version_id" uuid NOT NULL, "first_served_at" TIMESTAMP WITH TIME ZONE, "saved" jsonb, "answer" jsonb, "locked_at" TIMESTAMP WITH TIME ZONE, "late" boolean NOT NULL DEFAULT false, "response_time_ms" integer, "score" double precision, "parts" jsonb, "outcome" text, CONSTRAINT "uq_attempt_items_n" UNIQUE ("attempt_id", "n"), CONSTRAINT "PK_a0d5bf8a9edfb5df6f7f395fe20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_attempt_items_version" ON "attempt_items"  ("exercise_version_id") `);
    await queryRunner.query(
      `CREATE TABLE "response_receipts" ("attempt_item_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2cdbfd7dfd14169e22fbeaab0e0" PRIMARY KEY ("attempt_item_id", "idempotency_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "exercises" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "current_version_id" uuid, "created_by" uuid, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4c46f5fa89a58ba7c2d894e3c3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_exercises_seed_key" ON "exercises"  ("seed_key") WHERE seed_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "exercise_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exercise_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "issuing_state" text NOT NULL, "document_type" text NOT NULL, "difficulty" integer NOT NULL, "tags" jsonb NOT NULL, "specimen_id" uuid, "parts" jsonb NOT NULL, "images" jsonb NOT NULL, "traveller_asset_id" uuid, "mrz" jsonb NOT NULL, "feature_options" jsonb NOT NULL, "context" jsonb, "truth" jsonb NOT NULL, "fraud_type" text NOT NULL, "verdict" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_exercise_versions_number" UNIQUE ("exercise_id", "version"), CONSTRAINT "PK_97868ca8b331f94493ec6d6849c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "module_versions" ADD CONSTRAINT "FK_6350f5b96160e29bdfd25cc1d49" FOREIGN KEY ("module_id") REFERENCES "training_modules"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_5fc690b4e3daac68614e8afeb0c" FOREIGN KEY ("module_version_id") REFERENCES "module_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_3a4f0acaa50db2b5049f191ec57" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attempts" ADD CONSTRAINT "FK_85511f2909ac1fea283a611eac1" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attempt_items" ADD CONSTRAINT "FK_60997e64aebc8a3773719e09f19" FOREIGN KEY ("attempt_id") REFERENCES "attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response_receipts" ADD CONSTRAINT "FK_2bd7df7c23f414a4e4f7672fefa" FOREIGN KEY ("attempt_item_id") REFERENCES "attempt_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exercise_versions" ADD CONSTRAINT "FK_081802a50583ab0323201323335" FOREIGN KEY ("exercise_id") REFERENCES "exercises"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: rules the entities do not express.
    await queryRunner.query(
      `ALTER TABLE "attempts" ADD CONSTRAINT "CHK_attempts_status" CHECK ("status" IN ('in-progress', 'finished'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "attempts" ADD CONSTRAINT "FK_attempts_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "attempt_items" ADD CONSTRAINT "FK_attempt_items_version" FOREIGN KEY ("exercise_version_id") REFERENCES "exercise_versions"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "attempt_items" ADD CONSTRAINT "CHK_attempt_items_score" CHECK ("score" IS NULL OR ("score" >= 0 AND "score" <= 1))`,
    );
    await queryRunner.query(
      `ALTER TABLE "exercise_versions" ADD CONSTRAINT "CHK_exercise_versions_verdict" CHECK ("verdict" IN ('genuine', 'fraudulent'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "exercises" ADD CONSTRAINT "FK_exercises_current_version" FOREIGN KEY ("current_version_id") REFERENCES "exercise_versions"("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" DROP CONSTRAINT "FK_exercises_current_version"`);
    await queryRunner.query(`ALTER TABLE "exercise_versions" DROP CONSTRAINT "CHK_exercise_versions_verdict"`);
    await queryRunner.query(`ALTER TABLE "attempt_items" DROP CONSTRAINT "CHK_attempt_items_score"`);
    await queryRunner.query(`ALTER TABLE "attempt_items" DROP CONSTRAINT "FK_attempt_items_version"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_attempts_user"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "CHK_attempts_status"`);
    await queryRunner.query(`ALTER TABLE "exercise_versions" DROP CONSTRAINT "FK_081802a50583ab0323201323335"`);
    await queryRunner.query(`ALTER TABLE "response_receipts" DROP CONSTRAINT "FK_2bd7df7c23f414a4e4f7672fefa"`);
    await queryRunner.query(`ALTER TABLE "attempt_items" DROP CONSTRAINT "FK_60997e64aebc8a3773719e09f19"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "FK_85511f2909ac1fea283a611eac1"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_3a4f0acaa50db2b5049f191ec57"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_5fc690b4e3daac68614e8afeb0c"`);
    await queryRunner.query(`ALTER TABLE "module_versions" DROP CONSTRAINT "FK_6350f5b96160e29bdfd25cc1d49"`);
    await queryRunner.query(`DROP TABLE "exercise_versions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_exercises_seed_key"`);
    await queryRunner.query(`DROP TABLE "exercises"`);
    await queryRunner.query(`DROP TABLE "response_receipts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attempt_items_version"`);
    await queryRunner.query(`DROP TABLE "attempt_items"`);
    await queryRunner.query(`DROP INDEX "public"."uq_attempts_one_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attempts_user"`);
    await queryRunner.query(`DROP TABLE "attempts"`);
    await queryRunner.query(`DROP TABLE "assignments"`);
    await queryRunner.query(`DROP TABLE "module_versions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_training_modules_seed_key"`);
    await queryRunner.query(`DROP TABLE "training_modules"`);
  }
}
