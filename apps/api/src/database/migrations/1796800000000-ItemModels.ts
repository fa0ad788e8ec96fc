import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Item models: a module's draft and each published version keep their item models; exercises generated from one are
 * marked with its id (hidden from the library); item_instances tracks each generated document from its job to the
 * one officer who draws it. Generation jobs are FirstLine's own, so a job's creator may be nobody.
 */
export class ItemModels1796800000000 implements MigrationInterface {
  name = 'ItemModels1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_modules" ADD "item_models" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "module_versions" ADD "item_models" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "exercises" ADD "item_model_id" uuid`);
    await queryRunner.query(`ALTER TABLE "exercise_jobs" ALTER COLUMN "created_by" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "item_instances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_version_id" uuid NOT NULL, "model_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'generating', "job_id" uuid, "exercise_id" uuid, "exercise_version_id" uuid, "error" text, "user_id" uuid, "claimed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_item_instances" PRIMARY KEY ("id"), CONSTRAINT "CHK_item_instances_status" CHECK (status IN ('generating', 'ready', 'failed')), CONSTRAINT "UQ_item_instances_exercise" UNIQUE ("exercise_id"), CONSTRAINT "FK_item_instances_version" FOREIGN KEY ("module_version_id") REFERENCES "module_versions"("id") ON DELETE CASCADE, CONSTRAINT "FK_item_instances_exercise" FOREIGN KEY ("exercise_id") REFERENCES "exercises"("id") ON DELETE CASCADE, CONSTRAINT "FK_item_instances_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_item_instances_free" ON "item_instances" ("module_version_id", "model_id", "created_at") WHERE status = 'ready' AND user_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_item_instances_version" ON "item_instances" ("module_version_id", "model_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_item_instances_user" ON "item_instances" ("user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "item_instances"`);
    await queryRunner.query(`ALTER TABLE "exercise_jobs" ALTER COLUMN "created_by" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "exercises" DROP COLUMN "item_model_id"`);
    await queryRunner.query(`ALTER TABLE "module_versions" DROP COLUMN "item_models"`);
    await queryRunner.query(`ALTER TABLE "training_modules" DROP COLUMN "item_models"`);
  }
}
