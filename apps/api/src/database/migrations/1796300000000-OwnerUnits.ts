// Exercises and training modules belong to a unit: its instructors see, change, publish and assign them; supervisors
// of the unit read them; admin everything. Existing rows take the unit of whoever created them; seeded demo content
// (created by nobody) takes the unit of the demo cohorts its modules are assigned to (the first by unit code when a
// module was assigned across units), and a seeded exercise the unit of a module that pools it. What is left (an
// admin's content from before) keeps no unit and is seen by admins only.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerUnits1796300000000 implements MigrationInterface {
  name = 'OwnerUnits1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exercises" ADD "unit_id" uuid`);
    await queryRunner.query(`ALTER TABLE "training_modules" ADD "unit_id" uuid`);
    await queryRunner.query(
      `UPDATE "exercises" e SET "unit_id" = u."unit_id" FROM "users" u WHERE u."id" = e."created_by"`,
    );
    await queryRunner.query(
      `UPDATE "training_modules" t SET "unit_id" = u."unit_id" FROM "users" u WHERE u."id" = t."created_by"`,
    );
    await queryRunner.query(
      `UPDATE "training_modules" t SET "unit_id" = (
         SELECT c."unit_id" FROM "module_versions" v
           JOIN "assignments" a ON a."module_version_id" = v."id"
           JOIN "cohorts" c ON c."id" = a."cohort_id"
           JOIN "units" un ON un."id" = c."unit_id"
          WHERE v."module_id" = t."id" ORDER BY un."code" LIMIT 1)
       WHERE t."unit_id" IS NULL AND t."seed_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "exercises" e SET "unit_id" = (
         SELECT t."unit_id" FROM "training_modules" t
          WHERE t."unit_id" IS NOT NULL AND t."exercise_ids" @> jsonb_build_array(e."id"::text)
          ORDER BY t."created_at" LIMIT 1)
       WHERE e."unit_id" IS NULL AND e."seed_key" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_exercises_unit" ON "exercises" ("unit_id")`);
    await queryRunner.query(`CREATE INDEX "ix_training_modules_unit" ON "training_modules" ("unit_id")`);
    await queryRunner.query(
      `ALTER TABLE "exercises" ADD CONSTRAINT "fk_exercises_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_modules" ADD CONSTRAINT "fk_training_modules_unit" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_modules" DROP CONSTRAINT "fk_training_modules_unit"`);
    await queryRunner.query(`ALTER TABLE "exercises" DROP CONSTRAINT "fk_exercises_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_training_modules_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_exercises_unit"`);
    await queryRunner.query(`ALTER TABLE "training_modules" DROP COLUMN "unit_id"`);
    await queryRunner.query(`ALTER TABLE "exercises" DROP COLUMN "unit_id"`);
  }
}
